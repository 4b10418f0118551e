import { browser } from '../src/extension-api.ts';

/**
 * The tab the popup acts on. `?tabId=` wins, because a popup opened as a tab (tests, keyboard users)
 * would otherwise see itself as the active tab.
 */
export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
