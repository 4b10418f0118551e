import { useEffect, useState } from 'preact/hooks';
import type { PageInspection } from '../src/background/inject.ts';
import { send } from '../src/ui/send.ts';
import { DraftView } from './DraftView.tsx';
import { HomeView } from './HomeView.tsx';
import { DraftSearch } from './DraftSearch.tsx';
import { OutboxStatus } from './OutboxStatus.tsx';
import { SyncStatus } from '../src/ui/SyncStatus.tsx';
import { targetTabId } from './target-tab.ts';
import { t } from '../src/i18n/i18n.ts';
import { openEditor } from '../src/ui/open-editor.ts';

export type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number; inspection: PageInspection }
  | { kind: 'unavailable'; tabId?: number; reason: string };

export function PopupApp() {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [openDraftId, setOpenDraftId] = useState<string | null>(null);

  useEffect(() => {
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
