/**
 * Drafts as earlier versions stored or exported them, made into today's `Draft`. Used once per row by the
 * database's upgrade (src/store/db.ts) and by the backup import, so nothing else has to tolerate old shapes.
 */
import { capDraftErrors } from './stored-error.ts';
import { Draft, type Source } from './draft.ts';

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What can be repaired before the schema judges: error texts capped, lists added after the row was
 * written (the deployers and harmed parties came without a version) present, and a source given back to
 * a quote whose draft no longer lists it (from the quote's URL), so no quote is dropped.
 */
export function repairedDraftRow(row: unknown): unknown {
  if (!isRow(row)) return row;
  const repaired: Row = { ...(capDraftErrors(row) as Row) };
  for (const list of ['deployers', 'harmedParties', 'clips', 'sources'] as const) repaired[list] ??= [];
  return withSourcesOfItsQuotes(repaired);
}

function withSourcesOfItsQuotes(row: Row): Row {
  if (!Array.isArray(row.sources) || !Array.isArray(row.clips)) return row;
  const listed = new Set(row.sources.map((source: unknown) => (isRow(source) ? source.id : undefined)));
  const missing = new Map<string, Source>();
  for (const clip of row.clips as unknown[]) {
    if (!isRow(clip) || typeof clip.sourceId !== 'string' || typeof clip.url !== 'string' || listed.has(clip.sourceId) || missing.has(clip.sourceId)) continue;
    missing.set(clip.sourceId, { id: clip.sourceId, url: clip.url, originalUrl: clip.url, title: '', authors: [], provenance: {}, accessedAt: String(clip.createdAt) });
  }
  return missing.size === 0 ? row : { ...row, sources: [...row.sources, ...missing.values()] };
}

/** A stored or exported draft row, repaired and checked against the schema. */
export function parseStoredDraft(row: unknown) {
  return Draft.safeParse(repairedDraftRow(row));
}
