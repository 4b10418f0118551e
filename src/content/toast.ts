/**
 * A short confirmation shown on the page after a clip. It lives in a closed shadow root with
 * `all: initial`, so the page can neither read it nor restyle it; text only, never HTML.
 */
const HOST_TAG = 'incident-clipper-toast';
const VISIBLE_MS = 3_500;

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; }
.toast { font: 14px/1.4 system-ui, sans-serif; max-width: 360px; padding: 10px 14px; border-radius: 8px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); color: #fff; background: #1f3a5f; }
.toast.error { background: #8a1c1c; }
`;

export function showToast(doc: Document, message: string, tone: 'ok' | 'error' = 'ok'): void {
  doc.querySelector(HOST_TAG)?.remove();
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = `toast ${tone === 'error' ? 'error' : ''}`;
  box.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  box.textContent = message;
  root.append(style, box);
  (doc.body ?? doc.documentElement).append(host);
  setTimeout(() => host.remove(), VISIBLE_MS);
}
