/** How well an entry is sourced: by the number of independent publishers among its sources. */
import type { Source } from '../core/draft.ts';
import { hostnameOf } from '../core/url.ts';

export type SourceTier = 'none' | 'single' | 'standard' | 'strong';

/** A publisher is known by its name, or by its web host when the page named none. */
function publisherKey(source: Pick<Source, 'publisher' | 'url'>): string {
  const name = source.publisher?.trim().toLowerCase();
  if (name) return `name:${name.replace(/\s+/g, ' ')}`;
  const host = hostnameOf(source.url) ?? source.url;
  return `host:${host.replace(/^www\./, '')}`;
}

export function independentPublishers(sources: Pick<Source, 'publisher' | 'url'>[]): number {
  return new Set(sources.map(publisherKey)).size;
}

export function tierForCount(publishers: number): SourceTier {
  if (publishers <= 0) return 'none';
  if (publishers === 1) return 'single';
  if (publishers === 2) return 'standard';
  return 'strong';
}

export function sourceTier(sources: Pick<Source, 'publisher' | 'url'>[]): SourceTier {
  return tierForCount(independentPublishers(sources));
}
