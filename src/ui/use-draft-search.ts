/** Search results for a query, re-run when the drafts change; `undefined` while the first answer is pending. */
import { searchDrafts } from '../store/search.ts';
import { useLiveQuery } from './live-query.ts';

export function useDraftSearch(query: string): string[] | undefined {
  return useLiveQuery(() => searchDrafts(query), [query]);
}
