/**
 * Where a quote comes from. A quote stores only its source's id: the URL is the source's, read when
 * needed, so correcting a source's URL moves every quote of it along (a stored copy would go stale).
 */
import type { Clip, Draft } from './draft.ts';

/** The canonical URL of the page `clip` was taken from; undefined only when the draft lacks its source (the schema refuses such a draft). */
export function quoteUrl(draft: Pick<Draft, 'sources'>, clip: Pick<Clip, 'sourceId'>): string | undefined {
  return draft.sources.find((source) => source.id === clip.sourceId)?.url;
}

/** The canonical URLs of the pages the draft quotes, once each. */
export function quotedUrls(draft: Pick<Draft, 'sources' | 'clips'>): string[] {
  const quoted = new Set(draft.clips.map((clip) => clip.sourceId));
  return [...new Set(draft.sources.filter((source) => quoted.has(source.id)).map((source) => source.url))];
}
