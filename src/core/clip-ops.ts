/** Pure draft operations: a clip creates a draft or joins one. No browser API, no storage. */
import { canonicalizeUrl } from './url.ts';
import { byCreation } from './clip-order.ts';
import { guessProviders, type ProviderRef } from './providers.ts';
import type { PageCapture } from './capture.ts';
import { Clip, Draft, type Source } from './draft.ts';

export interface Clock {
  now(): string;
  uuid(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  uuid: () => crypto.randomUUID(),
};

function quoteOf(capture: PageCapture): string {
  return capture.quote.trim();
}

function sourceFor(draft: Draft, capture: PageCapture, clock: Clock): { source: Source; isNew: boolean } {
  const url = canonicalizeUrl(capture.metadata.url);
  const existing = draft.sources.find((source) => source.url === url);
  if (existing) return { source: existing, isNew: false };
  return { source: { ...capture.metadata, url, id: clock.uuid(), accessedAt: clock.now() }, isNew: true };
}

function clipFor(draft: Draft, source: Source, capture: PageCapture, clock: Clock): Clip {
  const quote = quoteOf(capture);
  return Clip.parse({
    id: clock.uuid(),
    sourceId: source.id,
    quote,
    selectors: capture.selectors ?? {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
    },
    note: '',
    createdAt: clock.now(),
  });
}

/**
 * A new draft pre-filled from the page: title, announcement date (the publication date), providers
 * guessed from the archive's list, and the first source and quote.
 */
export function draftFromCapture(capture: PageCapture, clock: Clock = systemClock, providers: ProviderRef[] = []): { draft: Draft; clip: Clip } {
  const now = clock.now();
  const empty = Draft.parse({
    id: clock.uuid(),
    title: capture.metadata.title,
    announcementDate: capture.metadata.publishedDate,
    providers: guessProviders(capture.metadata, capture.quote, providers),
    createdAt: now,
    updatedAt: now,
  });
  return addCaptureToDraft(empty, capture, clock);
}

/** Adds a quote to an existing draft, reusing the source entry when the page is already cited. */
export function addCaptureToDraft(draft: Draft, capture: PageCapture, clock: Clock = systemClock): { draft: Draft; clip: Clip } {
  const { source, isNew } = sourceFor(draft, capture, clock);
  const clip = clipFor(draft, source, capture, clock);
  const updated: Draft = {
    ...draft,
    sources: isNew ? [...draft.sources, source] : draft.sources,
    clips: [...draft.clips, clip],
    updatedAt: clock.now(),
  };
  return { draft: Draft.parse(updated), clip };
}

/**
 * `next`, plus every quote of `other` that `next` lacks (with the source it cites): for a restore or an
 * import that puts another version of a draft's fields back, without deleting a quote either version has.
 */
export function keepingAllQuotes(next: Draft, other: Draft): Draft {
  const has = new Set(next.clips.map((clip) => clip.id));
  const extra = other.clips.filter((clip) => !has.has(clip.id));
  if (extra.length === 0) return next;
  const cited = new Set(next.sources.map((source) => source.id));
  const sources = other.sources.filter((source) => !cited.has(source.id) && extra.some((clip) => clip.sourceId === source.id));
  const clips = [...next.clips, ...extra].sort(byCreation);
  return { ...next, sources: [...next.sources, ...sources], clips };
}
