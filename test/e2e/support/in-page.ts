/** Reading and clicking the extension's in-page UI, which lives in closed shadow roots the page cannot reach. */
import type { Page } from 'playwright-core';
import { extensionUrl, type ExtensionBrowser } from './browser.ts';
import { waitFor } from './waits.ts';

interface AxNode {
  name?: { value?: unknown };
  role?: { value?: unknown };
  backendDOMNodeId?: number;
}

async function axNodes(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  return nodes;
}

/** Text in the page's accessibility tree, which reaches into the closed shadow roots of the toast and the Clip button. */
export async function accessibleTexts(page: Page): Promise<string[]> {
  return (await axNodes(page)).map((node) => String(node.name?.value ?? '')).filter(Boolean);
}

/** Where the in-page control named `name` is drawn, in viewport pixels (found through the accessibility tree). */
export async function controlBox(page: Page, name: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const node = await waitFor(
    async () => (await axNodes(page)).find((candidate) => candidate.name?.value === name && /button|menuitem/.test(String(candidate.role?.value))),
    (found) => found?.backendDOMNodeId !== undefined,
    { what: `the in-page control "${name}"` },
  );
  const cdp = await page.context().newCDPSession(page);
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node!.backendDOMNodeId! })) as { model: { border: number[] } };
  await cdp.detach();
  const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
  const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** A person's click on an in-page control: they see it for a moment first, then click its middle. */
export async function clickControl(page: Page, name: string): Promise<void> {
  const box = await controlBox(page, name);
  await page.waitForTimeout(500);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Selects the text of `selector` by dragging the mouse across it, as a person does (the page sees real mouse events). */
export async function dragSelect(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Switches the opt-in every-page mode on, as the options page does, and waits for the script to be registered. */
export async function enableEveryPageMode(browser: ExtensionBrowser): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(extensionUrl(browser, 'options/index.html'));
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'mode.everyPage', payload: { enabled: true } }));
  await waitFor(
    () => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
    (count) => count === 1,
    { what: 'the every-page script to be registered' },
  );
  await options.close();
}

/** Fires the real context-menu handler with the selection text Chrome passes along with the click. */
export async function clickClipMenuWith(browser: ExtensionBrowser, pageUrl: string, selectionText: string): Promise<void> {
  await browser.worker.evaluate(
    async ({ url, text }) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      if (!tab) throw new Error(`No tab at ${url}`);
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
        { menuItemId: 'clip-selection', editable: false, pageUrl: url, frameId: 0, selectionText: text },
        tab,
      );
    },
    { url: pageUrl, text: selectionText },
  );
}

/** Makes `draftId` the draft clips go into, as the popup's "Add new clips … to this draft" does. */
export async function collectInto(browser: ExtensionBrowser, draftId: string): Promise<void> {
  await browser.worker.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('incident-clipper');
        open.onsuccess = () => {
          const transaction = open.result.transaction('settings', 'readwrite');
          transaction.objectStore('settings').put({ key: 'activeDraftId', value: id });
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
        open.onerror = () => reject(open.error);
      }),
    draftId,
  );
}
