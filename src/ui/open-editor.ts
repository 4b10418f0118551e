/**
 * Opens the drafts workspace beside the page: Chrome's side panel for the given tab, or Firefox's sidebar.
 * Both must be opened within the click's user gesture. Without either (or no tab), the same page opens in a tab.
 */
import { browser } from '../extension-api.ts';

export function editorPath(draftId?: string): string {
  return `sidepanel/index.html${draftId ? `?draft=${encodeURIComponent(draftId)}` : ''}`;
}

export async function openEditor(draftId?: string, tabId?: number): Promise<'side-panel' | 'sidebar' | 'tab'> {
  const sidePanel = (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
  if (sidePanel?.open && tabId !== undefined) {
    try {
      // Not awaited: open() must run within the click's user gesture.
      void sidePanel.setOptions({ tabId, path: editorPath(draftId), enabled: true });
      await sidePanel.open({ tabId });
      return 'side-panel';
    } catch {
      // No side panel for this tab (or window): fall back to a tab.
    }
  }
  const sidebar = (browser as Partial<typeof browser>).sidebarAction;
  if (sidebar?.open) {
    try {
      // Not awaited, for the same reason: open() is refused outside the user gesture.
      void sidebar.setPanel({ panel: browser.runtime.getURL(editorPath(draftId)) });
      await sidebar.open();
      return 'sidebar';
    } catch {
      // Refused (no user gesture): fall back to a tab.
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL(editorPath(draftId)) });
  return 'tab';
}
