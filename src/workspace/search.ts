/**
 * Full-text search over drafts: titles, summaries, quotes, notes, URLs, codes, providers, deployers,
 * harmed parties and tags.
 * MiniSearch (prefix and fuzzy matching, field boosts) keeps the index in memory; documents are
 * derived from stored rows by `searchDocument`, so the index can be rebuilt from the database any time.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Draft } from '../core/draft.ts';

export interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  quotes: string;
  notes: string;
  urls: string;
  codes: string;
  tags: string;
}

const FIELDS = ['title', 'summary', 'quotes', 'notes', 'urls', 'codes', 'tags'] as const;

export function searchDocument(draft: Draft): SearchDocument {
  const own = draft.clips;
  return {
    id: draft.id,
    title: draft.title,
    summary: [draft.summary, draft.rationale, draft.counterfactual].join('\n'),
    quotes: own.map((clip) => clip.quote).join('\n'),
    notes: [draft.notes, ...own.map((clip) => clip.note)].join('\n'),
    urls: draft.sources.flatMap((source) => [source.url, source.title, source.publisher ?? '']).join('\n'),
    codes: [...draft.codes, ...draft.providers].join(' '),
    // Rows stored before these fields existed have none until their next save.
    tags: [...draft.tags, ...draft.deployers, ...draft.harmedParties].join(' '),
  };
}

export interface DraftSearch {
  /** Draft ids, best match first. */
  search(query: string, limit?: number): string[];
  upsert(document: SearchDocument): void;
  remove(id: string): void;
  readonly size: number;
  /** The whole index as a string, for `loadDraftSearch`. */
  toJSON(): string;
}

const OPTIONS: Options<SearchDocument> = {
  fields: [...FIELDS],
  storeFields: [],
  searchOptions: { prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : false), combineWith: 'AND', boost: { title: 3, codes: 2 } },
};

/** Bumped whenever FIELDS, OPTIONS or `searchDocument` change, so that saved indexes are rebuilt. */
export const SEARCH_INDEX_VERSION = 3;

export function createDraftSearch(documents: Iterable<SearchDocument> = []): DraftSearch {
  const index = new MiniSearch<SearchDocument>(OPTIONS);
  index.addAll([...documents]);
  return wrap(index);
}

/** Restores an index saved with `DraftSearch.toJSON` (much faster than indexing the documents again). */
export function loadDraftSearch(json: string): DraftSearch {
  return wrap(MiniSearch.loadJSON<SearchDocument>(json, OPTIONS));
}

function wrap(index: MiniSearch<SearchDocument>): DraftSearch {
  return {
    search(query, limit = 50) {
      if (query.trim() === '') return [];
      return index.search(query).slice(0, limit).map((hit) => String(hit.id));
    },
    upsert(document) {
      if (index.has(document.id)) index.replace(document);
      else index.add(document);
    },
    remove(id) {
      if (index.has(id)) index.discard(id);
    },
    get size() {
      return index.documentCount;
    },
    toJSON() {
      return JSON.stringify(index);
    },
  };
}
