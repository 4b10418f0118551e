/** Service worker: wiring only. Listeners are registered synchronously at the top level, as MV3 requires. */
import '../core/zod-jitless.ts';
import { browser, type Menus, type Runtime, type Tabs } from '../extension-api.ts';
import { clipFromTab } from './clip.ts';
import { handlers } from './handlers.ts';
import { refreshPendingBadge, refreshTaxonomyCache, runOutbox } from './outbox-runner.ts';
import { createRouter } from './router.ts';
import { syncEveryPageMode } from './every-page-mode.ts';
import { retryKnownSources } from './known-sources.ts';
import { refreshWaitingBadge } from './waiting-badge.ts';
import { runSync, syncAfterEdits, SYNC_ALARM } from './sync-runner.ts';
import { t } from '../i18n/i18n.ts';

export const CLIP_COMMAND = 'clip-selection';

/** After a sync: the duplicate checks that waited for the network, and the count of drafts waiting on this person. */
const afterSync = () => Promise.all([retryKnownSources(), refreshWaitingBadge()]).catch((error: unknown) => console.warn('after sync', error));
const OUTBOX_ALARM = 'outbox-drain';

const route = createRouter(handlers, browser.runtime.id, browser.runtime.getURL(''));
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.runtime.onInstalled.addListener(() => {
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: CLIP_COMMAND, title: t('menu_clip_selection'), contexts: ['selection'] }),
  );
});

browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
  if (info.menuItemId !== CLIP_COMMAND || tab?.id === undefined) return;
  void clipFromTab(tab.id, undefined, info.frameId, info.selectionText);
});

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  if (command !== CLIP_COMMAND) return;
  void (async () => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await clipFromTab(tabId);
  })();
});

// Pending submissions leave whenever the worker wakes: at start, at browser start-up, and on the alarm.
// Drafts sync the same way, and shortly after each edit; both alarms are made again at every start.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) void runOutbox();
  if (alarm.name === SYNC_ALARM) void runSync().then(afterSync);
});
browser.runtime.onStartup.addListener(() => {
  void runOutbox();
  void runSync().then(afterSync);
});
void refreshTaxonomyCache().catch(() => undefined);
void browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
// The every-page script follows the permission: revoking <all_urls> in the browser's UI turns the mode off.
browser.permissions.onAdded.addListener(() => void syncEveryPageMode());
browser.permissions.onRemoved.addListener(() => void syncEveryPageMode());
void syncEveryPageMode().catch((error: unknown) => console.warn('every-page mode', error));
void refreshPendingBadge();
void runOutbox();
syncAfterEdits();
void runSync().then(afterSync);
