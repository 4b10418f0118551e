/**
 * What a person does in Firefox, over WebDriver BiDi: open tabs, select text, right-click and pick the
 * extension's menu item, click buttons and type, with real input events (a user gesture where one counts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from '../../e2e/support/paths.ts';
import { FIREFOX_ADDON_ID } from '../../../scripts/firefox-path.mjs';
import type { Firefox } from './firefox.ts';

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Runs `fn(arg)` in the page (it must be self-contained) and returns its JSON-able result. */
export async function evaluate<T, A = undefined>(ff: Firefox, context: string, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  // `__name`: the helper esbuild adds when it keeps function names (tsx does), absent in the page.
  const expression = `((__name) => Promise.resolve((${fn.toString()})(${JSON.stringify(arg ?? null)})).then((value) => JSON.stringify(value ?? null)))((target) => target)`;
  const reply = await ff.bidi.send<EvaluateResult>('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (reply.type === 'exception') throw new Error(`In the page: ${reply.exceptionDetails?.text}`);
  return JSON.parse(String(reply.result?.value)) as T;
}

export async function waitFor<T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function openTab(ff: Firefox, url: string, viewport?: { width: number; height: number }): Promise<string> {
  const { context } = await ff.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  if (viewport) await ff.bidi.send('browsingContext.setViewport', { context, viewport });
  await ff.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

export const closeTab = (ff: Firefox, context: string) => ff.bidi.send('browsingContext.close', { context });

export async function bodyText(ff: Firefox, context: string): Promise<string> {
  return evaluate(ff, context, () => document.body.innerText);
}

export async function waitForText(ff: Firefox, context: string, text: string | RegExp, timeoutMs?: number): Promise<string> {
  return waitFor(`"${String(text)}" on the page`, async () => {
    const body = await bodyText(ff, context);
    return (typeof text === 'string' ? body.includes(text) : text.test(body)) ? body : undefined;
  }, timeoutMs);
}

/** Selects the whole text of the element matching `selector`, as a person would with the mouse. */
export async function selectText(ff: Firefox, context: string, selector: string): Promise<string> {
  return evaluate(ff, context, (css) => {
    const element = document.querySelector(css);
    if (!element) throw new Error(`No element ${css}`);
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);
}

type Target = { selector: string } | { button: string } | { label: string };

/** A point inside the element, scrolled into view: by CSS selector, button text, or its label's text. */
async function centreOf(ff: Firefox, context: string, target: Target): Promise<{ x: number; y: number }> {
  return waitFor(`${JSON.stringify(target)} on the page`, () =>
    evaluate(ff, context, (wanted) => {
      const matches = (text: string | null, name: string) => (text ?? '').replace(/\s+/g, ' ').trim() === name;
      let element: Element | null | undefined;
      if ('selector' in wanted) element = document.querySelector(wanted.selector);
      else if ('button' in wanted) {
        // Exactly the name, else a button whose text starts with it (a list item: title, then details).
        const buttons = [...document.querySelectorAll('button')].filter((button) => !button.disabled);
        element = buttons.find((button) => matches(button.textContent, wanted.button)) ?? buttons.find((button) => button.textContent?.trim().startsWith(wanted.button));
      }
      else element = [...document.querySelectorAll('label')].find((label) => matches(label.textContent, wanted.label))?.control;
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: Math.round(box.x + Math.min(box.width / 2, 20)), y: Math.round(box.y + box.height / 2) };
    }, target),
  );
}

export async function click(ff: Firefox, context: string, target: Target, button: 0 | 2 = 0): Promise<void> {
  const { x, y } = await centreOf(ff, context, target);
  await ff.bidi.send('input.performActions', {
    context,
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x, y }, { type: 'pointerDown', button }, { type: 'pointerUp', button }] }],
  });
}

/** Hands `file` to the file input found by `selector`, as a person picking it in the file dialog would. */
export async function setFile(ff: Firefox, context: string, selector: string, file: string): Promise<void> {
  const reply = await ff.bidi.send<EvaluateResult & { result?: { sharedId?: string } }>('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(selector)})`,
    target: { context },
    awaitPromise: false,
  });
  const sharedId = reply.result?.sharedId;
  if (!sharedId) throw new Error(`No element ${selector} on the page`);
  await ff.bidi.send('input.setFiles', { context, element: { sharedId }, files: [file] });
}

/** Clicks the field named by `label`, and types `text` into it, replacing what was there. */
export async function typeInto(ff: Firefox, context: string, label: string, text: string): Promise<void> {
  await click(ff, context, { label });
  await evaluate(ff, context, (name) => {
    const field = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === name)?.control as HTMLInputElement;
    field.focus();
    field.select();
  }, label);
  const keys = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
  await ff.bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
}

/** The browser window's own (privileged) document, where menus and the sidebar live. */
export async function chromeWindow(ff: Firefox): Promise<string> {
  const tree = await ff.bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
  return tree.contexts[0]!.context;
}

/** Right-clicks the element and picks the extension's real context-menu item, "Clip to incident draft". */
export async function clipWithContextMenu(ff: Firefox, context: string, selector: string): Promise<void> {
  await click(ff, context, { selector }, 2);
  const browserWindow = await chromeWindow(ff);
  await waitFor('the context menu with the extension item', () =>
    evaluate(ff, browserWindow, () => {
      const menu = document.getElementById('contentAreaContextMenu') as HTMLElement & { state: string; activateItem(item: Element): void };
      const item = [...menu.querySelectorAll('menuitem')].find((candidate) => candidate.getAttribute('label') === 'Clip to incident draft');
      if (menu.state !== 'open' || !item) return false;
      menu.activateItem(item);
      return true;
    }),
  );
}

/**
 * The tabs API id of the tab in `pageContext`, as the extension sees it: the tab is brought to the front and
 * one of the extension's pages asks for the active tab (a tab's URL is not shown without the tabs permission).
 */
export async function tabIdOf(ff: Firefox, extensionContext: string, pageContext: string): Promise<number> {
  await ff.bidi.send('browsingContext.activate', { context: pageContext });
  return waitFor('the active tab', () =>
    evaluate(ff, extensionContext, async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    }),
  );
}

/** Saves a screenshot of a tab (or, for the browser window, of the whole window) under artifacts/. */
export async function screenshot(ff: Firefox, context: string, name: string): Promise<string> {
  const { data } = await ff.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, Buffer.from(data, 'base64'));
  return file;
}

/** The editor's sidebar as the browser window shows it: open or not, whose panel, and at which address. */
export async function sidebarState(ff: Firefox): Promise<{ open: boolean; panelId: string | null; url: string | null }> {
  return evaluate(ff, await chromeWindow(ff), () => {
    const controller = (globalThis as unknown as { SidebarController: { isOpen: boolean; currentID: string } }).SidebarController;
    const host = document.getElementById('sidebar') as (HTMLElement & { contentDocument: Document | null }) | null;
    const panel = host?.contentDocument?.getElementById('webext-panels-browser') as (Element & { currentURI: { spec: string } }) | null;
    return { open: controller.isOpen, panelId: controller.currentID || null, url: panel?.currentURI.spec ?? null };
  });
}

/** Saves what the extension's sidebar shows under artifacts/ (BiDi cannot capture the browser's own window). */
export async function sidebarScreenshot(ff: Firefox, name: string): Promise<string> {
  const dataUrl = await evaluate(ff, await chromeWindow(ff), async () => {
    type Snapshot = { width: number; height: number } & CanvasImageSource;
    const host = document.getElementById('sidebar') as HTMLElement & { contentDocument: Document };
    const panel = host.contentDocument.getElementById('webext-panels-browser') as unknown as {
      browsingContext: { currentWindowGlobal: { drawSnapshot(rect: null, scale: number, background: string): Promise<Snapshot> } };
    };
    const bitmap = await panel.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas') as HTMLCanvasElement;
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/png');
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  return file;
}

/** What `prefers-color-scheme` says in pages, as a person's system setting would. */
export async function setColorScheme(ff: Firefox, scheme: 'light' | 'dark'): Promise<void> {
  await evaluate(ff, await chromeWindow(ff), (value) => {
    const { Services } = globalThis as unknown as { Services: { prefs: { setIntPref(name: string, value: number): void } } };
    // The system's setting, which the browser's own UI and its sidebar follow, and the pages' override.
    Services.prefs.setIntPref('ui.systemUsesDarkTheme', value === 0 ? 1 : 0);
    Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', value);
  }, scheme === 'dark' ? 0 : 1);
}

/** Stops the extension's background as Firefox does when it idles ("Terminate background script"). */
export async function stopBackground(ff: Firefox): Promise<string> {
  return evaluate(ff, await chromeWindow(ff), async (addonId) => {
    type Extension = { backgroundState: string; terminateBackground(options: { disableResetIdleForTest: boolean }): Promise<void> };
    const policies = (globalThis as unknown as { WebExtensionPolicy: { getByID(id: string): { extension: Extension } } }).WebExtensionPolicy;
    const extension = policies.getByID(addonId).extension;
    await extension.terminateBackground({ disableResetIdleForTest: true });
    return extension.backgroundState;
  }, FIREFOX_ADDON_ID);
}
