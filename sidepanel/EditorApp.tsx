import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n/i18n.ts';
import { DraftEditor } from './DraftEditor.tsx';
import { lazy } from '../src/ui/lazy.tsx';

// Search (with its index) and backup are not needed to edit a draft: their code loads when shown.
const PickerView = lazy(() => import('./PickerView.tsx').then((module) => module.PickerView));
// The sync status reads the sync tables through the store (Dexie, zod): after the draft is drawn.
const SyncStatus = lazy(() => import('../src/ui/SyncStatus.tsx').then((module) => module.SyncStatus), { idle: true });

function draftFromLocation(): string | null {
  return new URLSearchParams(location.search).get('draft');
}

/** The drafts workspace: the side panel in Chrome, an extension page (tab) everywhere. */
export function EditorApp() {
  const [draftId, setDraftId] = useState<string | null>(draftFromLocation);
  useEffect(() => {
    const onPop = () => setDraftId(draftFromLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const open = (id: string | null) => {
    history.pushState(null, '', id ? `?draft=${encodeURIComponent(id)}` : location.pathname);
    setDraftId(id);
  };
  return (
    <>
      <header class="row">
        <img src="/icons/icon-32.png" alt="" />
        <h1 class="grow">{t('editor_heading')}</h1>
        {draftId && (
          <button type="button" onClick={() => open(null)}>
            {t('all_drafts')}
          </button>
        )}
      </header>
      <main>
        <SyncStatus />
        {draftId ? (
          <DraftEditor key={draftId} draftId={draftId} />
        ) : (
          <PickerView onOpen={open} />
        )}
      </main>
    </>
  );
}
