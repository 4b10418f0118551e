/**
 * A short confirmation shown on the page after a clip. It lives in a closed shadow root whose
 * placement outranks page CSS, so the page can neither read it nor restyle it; text only, never HTML.
 */
import { createShadowHost } from './shadow-host.ts';

const HOST_TAG = 'incident-clipper-toast';
const VISIBLE_MS = 3_500;

const STYLE = `
.toast { font: 14px/1.4 system-ui, sans-serif; max-width: 360px; padding: 10px 14px; border-radius: 8px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); color: #fff; background: #1f3a5f; border: 1px solid rgb(255 255 255 / 0.35); }
.toast.error { background: #8a1c1c; }
`;

export function showToast(doc: Document, message: string, tone: 'ok' | 'error' = 'ok'): void {
  doc.querySelector(HOST_TAG)?.remove();
  const { host, root } = createShadowHost(doc, HOST_TAG, STYLE, { position: 'fixed', right: '16px', bottom: '16px' });
  const box = doc.createElement('div');
  box.className = `toast ${tone === 'error' ? 'error' : ''}`;
  box.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  box.textContent = message;
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  setTimeout(() => host.remove(), VISIBLE_MS);
}
