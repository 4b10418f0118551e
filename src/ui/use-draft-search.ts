/** Search results for a query, re-run when the drafts change; `undefined` while the first answer is pending. */
import { keepSearchIndexWith, searchDrafts } from '../store/search.ts';
import { useLiveQuery } from './live-query.ts';
import { send } from './send.ts';

// A page that finds no saved index has the worker build and save it: the page may close before it could.
keepSearchIndexWith(async () => {
  const reply = await send('search.keepIndex', {});
  if (!reply.ok) throw new Error(reply.error);
});

export function useDraftSearch(query: string): string[] | undefined {
  return useLiveQuery(() => searchDrafts(query), [query]);
}
