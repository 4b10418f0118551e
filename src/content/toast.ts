/**
 * A short confirmation shown on the page after a clip, with an "Open draft" action. It lives in a closed
 * shadow root whose placement outranks page CSS; text only, never HTML, and it names no draft, because
 * page scripts can read any text drawn on the page. It stays while the pointer or the focus is on it.
 */
import { createShadowHost } from './shadow-host.ts';
import { tr } from '../i18n/i18n-runtime.ts';

const HOST_TAG = 'incident-clipper-toast';
const VISIBLE_MS = 5_000;

const STYLE = `
.toast { font: 14px/1.4 system-ui, sans-serif; max-width: 360px; padding: 10px 14px; border-radius: 8px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); color: #fff; background: #1f3a5f; border: 1px solid rgb(255 255 255 / 0.35);
  display: flex; gap: 12px; align-items: center; unicode-bidi: isolate; }
.toast.error { background: #8a1c1c; }
span { unicode-bidi: isolate; }
button { all: unset; cursor: pointer; font-weight: 600; padding: 2px 8px; border-radius: 6px; white-space: nowrap;
  border: 1px solid rgb(255 255 255 / 0.7); }
button:hover, button:focus-visible { background: rgb(255 255 255 / 0.18); outline: 2px solid #fff; outline-offset: 1px; }
`;

export function showToast(doc: Document, message: string, tone: 'ok' | 'error' = 'ok', openDraft?: () => void): void {
  doc.querySelector(HOST_TAG)?.remove();
  const { host, root } = createShadowHost(doc, HOST_TAG, STYLE, { position: 'fixed', right: '16px', bottom: '16px' });
  const box = doc.createElement('div');
  box.className = `toast ${tone === 'error' ? 'error' : ''}`;
  box.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  box.dir = 'auto';
  const text = doc.createElement('span');
  text.textContent = message;
  box.append(text);
  if (openDraft) {
    const action = doc.createElement('button');
    action.type = 'button';
    action.textContent = tr('toast_open_draft');
    action.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      openDraft();
      host.remove();
    });
    box.append(action);
  }
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let hovered = false;
  let focused = false;
  const schedule = () => {
    clearTimeout(timer);
    if (!hovered && !focused) timer = setTimeout(() => host.remove(), VISIBLE_MS);
  };
  box.addEventListener('mouseenter', () => ((hovered = true), schedule()));
  box.addEventListener('mouseleave', () => ((hovered = false), schedule()));
  box.addEventListener('focusin', () => ((focused = true), schedule()));
  box.addEventListener('focusout', () => ((focused = false), schedule()));
  schedule();
}
