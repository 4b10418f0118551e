import { useState } from 'preact/hooks';
import type { Draft } from '../src/core/draft.ts';
import { createNote } from '../src/store/editing.ts';
import { recentDrafts } from '../src/store/drafts.ts';
import { t } from '../src/i18n/i18n.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';
import { useDraftSearch } from '../src/ui/use-draft-search.ts';
import { db } from '../src/store/db.ts';
import { readDrafts } from '../src/store/draft-read.ts';
import { warmSearch } from '../src/store/search.ts';
import { draftState } from '../src/ui/draft-state.ts';
import { PageText } from '../src/ui/PageText.tsx';

function DraftStateLine({ draft }: { draft: Draft }) {
  const state = draftState(draft);
  return (
    <span class={`meta muted state state-${state.kind}`} data-state={state.kind}>
      {state.label}
    </span>
  );
}

/** Without `?draft=`: search, recent drafts and a button to start a note with no page. */
export function DraftPicker({ onOpen }: { onOpen: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const recent = useLiveQuery(() => recentDrafts(20), []) ?? [];
  const hits = useDraftSearch(query);
  const found = useLiveQuery(async () => (hits ? readDrafts(db(), hits) : undefined), [hits?.join(' ')]);
  const shown = query.trim() ? (found ?? []) : recent;
  return (
    <section aria-label={t('picker_title')}>
      <button type="button" class="primary" onClick={() => void createNote().then((note) => onOpen(note.id))}>
        {t('note_new')}
      </button>
      <label for="draft-search">{t('search_label')}</label>
      <input id="draft-search" type="search" value={query} onFocus={() => void warmSearch()} onInput={(e) => setQuery(e.currentTarget.value)} />
      <h2>{query.trim() ? t('search_results', shown.length) : t('recent_drafts')}</h2>
      <ul class="list" aria-label={query.trim() ? t('search_results_list') : t('recent_drafts')}>
        {shown.map((draft) => (
          <li key={draft.id}>
            <button type="button" class="item" onClick={() => onOpen(draft.id)}>
              <span class="draft-title block">{draft.title ? <PageText text={draft.title} /> : t('untitled')}</span>
              <DraftStateLine draft={draft} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
