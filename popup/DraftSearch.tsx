import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { db } from '../src/store/db.ts';
import { readDrafts } from '../src/store/draft-read.ts';
import { createNote } from '../src/store/editing.ts';
import { warmSearch } from '../src/store/search.ts';
import { PageText } from '../src/ui/PageText.tsx';
import { DraftMeta } from './DraftMeta.tsx';
import { t } from '../src/i18n/i18n.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';
import { useDraftSearch } from '../src/ui/use-draft-search.ts';

/** Search across every draft, and a new offline note; results open in the popup's draft view. */
export function DraftSearch({ onOpen, children }: { onOpen: (id: string) => void; children: ComponentChildren }) {
  const [query, setQuery] = useState('');
  // Load the saved search index as soon as the popup is idle, so that the first query finds it ready.
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const id = idle(() => void warmSearch().catch((error: unknown) => console.warn(error)), { timeout: 1_000 });
    return () => cancel(id);
  }, []);
  const hits = useDraftSearch(query);
  const found = useLiveQuery(() => readDrafts(db(), hits ?? []), [hits?.join(' ')]) ?? [];
  return (
    <>
      <div class="row search">
        <label for="popup-search" class="sr-only">
          {t('search_label')}
        </label>
        <input id="popup-search" class="grow" type="search" placeholder={t('search_label')} value={query} onFocus={() => void warmSearch()} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="button" onClick={() => void createNote().then((note) => onOpen(note.id))}>
          {t('note_new')}
        </button>
      </div>
      {query.trim() === '' ? (
        children
      ) : (
        <>
          <h2>{t('search_results', found.length)}</h2>
          <ul class="list" aria-label={t('search_results_list')}>
            {found.map((draft) => (
              <li key={draft.id}>
                <button type="button" class="item" onClick={() => onOpen(draft.id)}>
                  <div class="draft-title truncate">{draft.title ? <PageText text={draft.title} /> : t('untitled')}</div>
                  <DraftMeta draft={draft} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
