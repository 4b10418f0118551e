/** Steps in the drafts workspace (side-panel page opened as a tab) and raw reads of the extension's database. */
import type { Page } from 'playwright-core';
import { extensionUrl, type ExtensionBrowser } from './browser.ts';

export async function openEditorPage(browser: ExtensionBrowser, draftId?: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.emulateMedia({ colorScheme });
  await page.goto(extensionUrl(browser, `sidepanel/index.html${draftId ? `?draft=${draftId}` : ''}`));
  return page;
}

/** Focuses a control and types into it with the keyboard, replacing what was there. */
export async function typeInto(page: Page, label: string | RegExp, text: string, exact = true): Promise<void> {
  const field = page.getByLabel(label, { exact });
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

export async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
}

/** Every row of the named object stores, read inside the worker. */
export async function dumpStores(browser: ExtensionBrowser, stores: string[]): Promise<Record<string, unknown[]>> {
  return browser.worker.evaluate(
    (names) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('incident-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result as unknown[]);
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
}

/** Writes a draft's field straight into the store, as another editor's save would. */
export async function writeStoredField(browser: ExtensionBrowser, draftId: string, field: string, value: unknown): Promise<void> {
  await browser.worker.evaluate(
    ({ draftId, field, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('incident-clipper');
        open.onsuccess = () => {
          const tx = open.result.transaction('drafts', 'readwrite');
          const store = tx.objectStore('drafts');
          const get = store.get(draftId);
          get.onsuccess = () => store.put({ ...get.result, [field]: value, updatedAt: new Date().toISOString() });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { draftId, field, value },
  );
}

