import { useEffect, useState } from 'preact/hooks';
import type { PageInspection } from '../src/background/inject.ts';
import { send } from '../src/ui/send.ts';
import { targetTabId } from './target-tab.ts';
import { t } from '../src/i18n/i18n.ts';
import { openEditor } from '../src/ui/open-editor.ts';
import { lazy } from '../src/ui/lazy.tsx';

// The header paints first; what reads the store (Dexie and the draft schemas, the bulk of the popup's
// code) loads right after that paint, all parts at once (see the effect below). One draft's view loads
// when a draft is opened; the sync status line once the page has settled.
const OutboxStatus = lazy(() => import('./OutboxStatus.tsx').then((module) => module.OutboxStatus));
const DraftSearch = lazy(() => import('./DraftSearch.tsx').then((module) => module.DraftSearch));
const HomeView = lazy(() => import('./HomeView.tsx').then((module) => module.HomeView));
const DraftView = lazy(() => import('./DraftView.tsx').then((module) => module.DraftView));
const SyncStatus = lazy(() => import('../src/ui/SyncStatus.tsx').then((module) => module.SyncStatus), { idle: true });

export type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number; inspection: PageInspection }
  | { kind: 'unavailable'; tabId?: number; reason: string };

export function PopupApp() {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [openDraftId, setOpenDraftId] = useState<string | null>(null);

  useEffect(() => {
    // Together, not one after the other as each part would when it is first rendered (HomeView only renders inside DraftSearch).
    for (const part of [OutboxStatus, DraftSearch, HomeView]) void part.preload().catch((error: unknown) => console.error(error));
    void send('outbox.drain', {});
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setPage({ kind: 'unavailable', reason: t('popup_no_page') });
      const reply = await send<PageInspection>('page.inspect', { tabId });
      setPage(reply.ok ? { kind: 'ready', tabId, inspection: reply.value } : { kind: 'unavailable', tabId, reason: reply.error });
    })();
  }, []);

  return (
    <>
      <header>
        <img src="/icons/icon-32.png" alt="" />
        <h1 class="grow">{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void openEditor(undefined, 'tabId' in page ? page.tabId : undefined)}>
          {t('popup_workspace')}
        </button>
        <a href="/options/index.html" target="_blank" rel="noreferrer">
          {t('popup_options')}
        </a>
      </header>
      <main>
        <OutboxStatus />
        <SyncStatus />
        {openDraftId ? (
          <DraftView draftId={openDraftId} tabId={'tabId' in page ? page.tabId : undefined} onBack={() => setOpenDraftId(null)} />
        ) : (
          <DraftSearch onOpen={setOpenDraftId}>
            <HomeView page={page} onOpen={setOpenDraftId} />
          </DraftSearch>
        )}
      </main>
    </>
  );
}
