/** Builds a search index off the page's thread (used by imports): documents in, `DraftSearch.toJSON()` out. */
import { createDraftSearch, type SearchDocument } from '../workspace/search.ts';

self.onmessage = (event: MessageEvent<SearchDocument[]>) => {
  self.postMessage(createDraftSearch(event.data).toJSON());
};
