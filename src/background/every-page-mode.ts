/**
 * The opt-in every-page mode: the Clip button on selections and highlights restored on revisit.
 * It needs both the editor's choice and the optional `<all_urls>` host permission; the content
 * script is registered only while both hold.
 */
import { browser } from '../extension-api.ts';
import { loadEveryPageMode } from '../store/preferences.ts';

export const EVERY_PAGE_SCRIPT_ID = 'incident-clipper-every-page';
export const EVERY_PAGE_SCRIPT = 'every-page.js';
export const ALL_URLS = { origins: ['<all_urls>'] };

export async function syncEveryPageMode(): Promise<boolean> {
  const wanted = (await loadEveryPageMode().catch(() => false)) && (await browser.permissions.contains(ALL_URLS));
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [EVERY_PAGE_SCRIPT_ID] })).length > 0;
  if (wanted && !registered) {
    await browser.scripting.registerContentScripts([
      { id: EVERY_PAGE_SCRIPT_ID, js: [EVERY_PAGE_SCRIPT], matches: ['http://*/*', 'https://*/*'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  } else if (!wanted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [EVERY_PAGE_SCRIPT_ID] });
  }
  return wanted;
}
