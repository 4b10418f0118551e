/**
 * Drafts as earlier versions stored or exported them, made into today's `Draft`. Used once per row by the
 * database's upgrade (src/store/db.ts) and by the backup import, so nothing else has to tolerate old shapes.
 */
import { capDraftErrors } from './stored-error.ts';
import { Draft, type Source } from './draft.ts';

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The message key that shows a failure reason stored as plain text by versions before the keys. */
export const EARLIER_ERROR_KEY = 'draftagg_earlier_error';

/**
 * A draft row in today's shape, from any earlier one: lists added after the row was written (the
 * deployers and harmed parties came without a version) present, error texts capped, and the copies older
 * versions kept beside the data gone: the store's index keys (`quotedUrls`), each quote's `draftId`
 * (its draft is the row holding it) and `url` (its source's URL is the quote's, even where the copy had
 * gone stale), and a failure's text beside its message (kept as the message when it is all there is).
 */
export function upgradedDraftRow(row: unknown): unknown {
  if (!isRow(row)) return row;
  // Rows already in today's shape (every row of a fresh backup) are handed back as they are: no copy.
  let result = capDraftErrors(row) as Row;
  if ('quotedUrls' in result) {
    const { quotedUrls: _index, ...rest } = result;
    result = rest;
  }
  for (const list of ['deployers', 'harmedParties', 'clips', 'sources'] as const) if (result[list] === undefined) result = { ...result, [list]: [] };
  if (Array.isArray(result.clips) && result.clips.some(hasCopies)) result = { ...result, clips: result.clips.map(withoutCopies) };
  if (isRow(result.submission) && 'error' in result.submission) result = { ...result, submission: withMessageOnly(result.submission) };
  return result;
}

const hasCopies = (clip: unknown) => isRow(clip) && ('draftId' in clip || 'url' in clip);

function withoutCopies(clip: unknown): unknown {
  if (!isRow(clip)) return clip;
  const { draftId: _draftId, url: _url, ...rest } = clip;
  return rest;
}

function withMessageOnly({ error, ...submission }: Row): Row {
  if (submission.errorMessage !== undefined || typeof error !== 'string') return submission;
  return { ...submission, errorMessage: { key: EARLIER_ERROR_KEY, params: [error] } };
}

/**
 * `upgradedDraftRow`, after giving a quote whose draft no longer lists its source that source back (from
 * the URL older quotes stored, before the upgrade drops it), so no quote is dropped.
 */
export function repairedDraftRow(row: unknown): unknown {
  return upgradedDraftRow(isRow(row) ? withSourcesOfItsQuotes(row) : row);
}

function withSourcesOfItsQuotes(row: Row): Row {
  if (!Array.isArray(row.clips)) return row;
  const sources: unknown[] = Array.isArray(row.sources) ? row.sources : [];
  const listed = new Set(sources.map((source: unknown) => (isRow(source) ? source.id : undefined)));
  const missing = new Map<string, Source>();
  for (const clip of row.clips as unknown[]) {
    if (!isRow(clip) || typeof clip.sourceId !== 'string' || typeof clip.url !== 'string' || listed.has(clip.sourceId) || missing.has(clip.sourceId)) continue;
    missing.set(clip.sourceId, { id: clip.sourceId, url: clip.url, originalUrl: clip.url, title: '', authors: [], provenance: {}, accessedAt: String(clip.createdAt) });
  }
  return missing.size === 0 ? row : { ...row, sources: [...sources, ...missing.values()] };
}

/** A stored or exported draft row, repaired and checked against the schema. */
export function parseStoredDraft(row: unknown) {
  return Draft.safeParse(repairedDraftRow(row));
}
