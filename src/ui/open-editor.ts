/**
 * Opens the drafts workspace: Chrome's side panel for the given tab where the API exists (it must be
 * called from a click), otherwise the same page in a tab (Firefox, or no tab to attach to).
 */
import { browser } from '../extension-api.ts';

export function editorPath(draftId?: string): string {
  return `sidepanel/index.html${draftId ? `?draft=${encodeURIComponent(draftId)}` : ''}`;
}

export async function openEditor(draftId?: string, tabId?: number): Promise<'side-panel' | 'tab'> {
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
  await browser.tabs.create({ url: browser.runtime.getURL(editorPath(draftId)) });
  return 'tab';
}
