/**
 * The in-page "Clip" button of the opt-in every-page mode. It appears next to a selection, in a closed
 * shadow root that page CSS cannot restyle, and offers a new draft or one of the recent drafts. Text only.
 */
import { createShadowHost } from './shadow-host.ts';
import { tr } from '../ui/i18n-runtime.ts';

export interface DraftChoice {
  id: string;
  title: string;
}

export interface ClipButtonHandlers {
  loadDrafts(): Promise<DraftChoice[]>;
  clip(target: 'new' | string): Promise<void>;
}

const STYLE = `
.box { font: 13px/1.3 system-ui, sans-serif; color: #10233d; background: #fff; border: 1px solid #9fb3cc;
  border-radius: 8px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); overflow: hidden; min-width: 96px; max-width: 300px; }
button { all: unset; display: block; box-sizing: border-box; width: 100%; padding: 6px 10px; cursor: pointer;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
button:hover, button:focus-visible { background: #e4eefb; outline: 2px solid #1f4f8f; outline-offset: -2px; }
.main { font-weight: 600; color: #fff; background: #1f4f8f; }
.main:hover, .main:focus-visible { background: #173c6d; }
`;

function button(doc: Document, label: string, onClick: () => void, className = ''): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
  element.addEventListener('click', onClick);
  return element;
}

export function createClipButton(doc: Document, handlers: ClipButtonHandlers) {
  const { host, root, place } = createShadowHost(doc, 'incident-clipper-button', STYLE, { position: 'absolute' });
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'menu');
  box.setAttribute('aria-label', tr('extName'));
  root.append(box);

  const hide = () => host.remove();
  const choose = (target: 'new' | string) => {
    hide();
    void handlers.clip(target);
  };
  const openMenu = async () => {
    const drafts = await handlers.loadDrafts();
    box.replaceChildren(
      button(doc, tr('clip_button_new_draft'), () => choose('new'), 'main'),
      ...drafts.map((draft) => button(doc, tr('clip_button_add_to', draft.title), () => choose(draft.id))),
    );
    (box.firstElementChild as HTMLElement | null)?.focus();
  };

  return {
    showAt(rect: DOMRect) {
      box.replaceChildren(button(doc, tr('clip_button'), () => void openMenu(), 'main'));
      const win = doc.defaultView;
      place({ left: `${Math.max(0, rect.right + (win?.scrollX ?? 0) - 40)}px`, top: `${rect.bottom + (win?.scrollY ?? 0) + 6}px` });
      (doc.body ?? doc.documentElement).append(host);
    },
    hide,
    contains: (node: EventTarget | null) => node === host,
  };
}
