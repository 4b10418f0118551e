/**
 * The in-page "Clip" button of the opt-in every-page mode. It appears next to a selection, in a closed
 * shadow root that page CSS cannot restyle, and offers a new draft or the draft the editor is collecting
 * into. It names no draft: page scripts can read any text drawn on the page (window.find reaches into
 * closed shadow roots), so choosing among titled drafts is left to the toolbar popup, in the extension's
 * own origin. Clicks count only when a person could see the button and aimed at it (aimed-click.ts).
 */
import { createShadowHost } from './shadow-host.ts';
import { judgeClick, watchVisibility } from './aimed-click.ts';
import { placeNear, type Rect } from './placement.ts';
import { tr } from '../i18n/i18n-runtime.ts';
import type { PageClipTarget as ClipTarget } from '../messages.ts';

export type ClipOutcome = 'done' | 'needs-confirmation';

export interface ClipButtonHandlers {
  clip(target: ClipTarget, confirmed: boolean): Promise<ClipOutcome>;
  /** A click the button refused because the page hid, covered or faked it. */
  refused(): void;
}

const STYLE = `
.box { font: 13px/1.3 system-ui, sans-serif; color: #10233d; background: #fff; border: 1px solid #9fb3cc;
  border-radius: 8px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); overflow: hidden; min-width: 96px; max-width: 300px;
  unicode-bidi: isolate; }
button { all: unset; display: block; box-sizing: border-box; width: 100%; padding: 6px 10px; cursor: pointer;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; unicode-bidi: isolate; }
button:hover, button:focus-visible { background: #e4eefb; outline: 2px solid #1f4f8f; outline-offset: -2px; }
.main { font-weight: 600; color: #fff; background: #1f4f8f; }
.main:hover, .main:focus-visible { background: #173c6d; }
p { margin: 0; padding: 8px 10px 4px; white-space: normal; }
@media (prefers-color-scheme: dark) {
  .box { color: #e8eef6; background: #1b2330; border-color: #4a5d78; }
  button:hover, button:focus-visible { background: #2a3a52; outline-color: #8fb4ea; }
  .main { background: #2f66b3; }
}
`;

export function createClipButton(doc: Document, handlers: ClipButtonHandlers) {
  const { host, root, place } = createShadowHost(doc, 'incident-clipper-button', STYLE, { position: 'fixed' });
  const win = doc.defaultView as Window & typeof globalThis;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'menu');
  box.setAttribute('aria-label', tr('extName'));
  box.dir = 'auto';
  root.append(box);
  const visibility = watchVisibility(host, win);
  let anchor: Rect | undefined;

  // Any change the page makes to our host (moving, fading, restyling it) withdraws the button.
  // Our own changes are taken out of its queue as they are made (see reposition).
  const tamper = new win.MutationObserver(() => hide());

  function hide() {
    tamper.disconnect();
    visibility.stop();
    host.remove();
  }

  function reposition() {
    if (!anchor) return;
    place(placeNear(anchor, host, doc));
    tamper.takeRecords();
  }

  function button(label: string, onAimedClick: () => void, className = ''): HTMLButtonElement {
    const element = doc.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = label;
    element.setAttribute('role', 'menuitem');
    element.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
    element.addEventListener('click', (event) => {
      const verdict = judgeClick(event, host, visibility);
      if (verdict === 'aimed') return onAimedClick();
      if (verdict === 'refused') {
        hide();
        handlers.refused();
      }
    });
    return element;
  }

  function show(...items: HTMLElement[]) {
    box.replaceChildren(...items);
    reposition();
    // New choices under the pointer: a click already on its way (a double-click on "Clip") must not pick one.
    visibility.start();
    (box.querySelector('button') as HTMLElement | null)?.focus();
  }

  const choose = async (target: ClipTarget, confirmed = false) => {
    const outcome = await handlers.clip(target, confirmed);
    if (outcome === 'needs-confirmation') return confirmOtherSite();
    hide();
  };

  function confirmOtherSite() {
    const question = doc.createElement('p');
    question.textContent = tr('clip_confirm_other_site');
    show(question, button(tr('clip_confirm_add'), () => void choose('current', true), 'main'), button(tr('clip_confirm_cancel'), hide));
  }

  const openMenu = () =>
    show(button(tr('clip_button_new_draft'), () => void choose('new'), 'main'), button(tr('clip_button_add_current'), () => void choose('current')));

  return {
    showAt(rect: Rect) {
      anchor = rect;
      box.replaceChildren(button(tr('clip_button'), openMenu, 'main'));
      doc.documentElement.append(host);
      reposition();
      tamper.observe(host, { attributes: true });
      visibility.start();
    },
    hide,
    contains: (node: EventTarget | null) => node === host,
  };
}
