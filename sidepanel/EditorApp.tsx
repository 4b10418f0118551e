import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/ui/i18n.ts';
import { useTaxonomy } from '../src/ui/use-taxonomy.ts';
import { DraftEditor } from './DraftEditor.tsx';
import { DraftPicker } from './DraftPicker.tsx';
import { BackupPanel } from './BackupPanel.tsx';

function draftFromLocation(): string | null {
  return new URLSearchParams(location.search).get('draft');
}

/** The drafts workspace: the side panel in Chrome, an extension page (tab) everywhere. */
export function EditorApp() {
  const [draftId, setDraftId] = useState<string | null>(draftFromLocation);
  const taxonomy = useTaxonomy();
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
        {draftId ? (
          <DraftEditor key={draftId} draftId={draftId} taxonomy={taxonomy} />
        ) : (
          <>
            <DraftPicker onOpen={open} />
            <BackupPanel />
          </>
        )}
      </main>
    </>
  );
}
