/**
 * Between a device's drafts and sync: the ops that turn one stored version of a draft into the next, and
 * the draft a device stores for the archive's copy (with its pending ops replayed on top).
 * Some fields never travel: the submission record, when the draft was made, and where a quote was last
 * found on its page are this device's own.
 */
import { byCreation } from '../clip-order.ts';
import type { Clip, Draft, Source } from '../draft.ts';
import { LIST_FIELDS, SINGLE_FIELDS, TEXT_FIELDS, type OpBody } from './ops.ts';
import { currentFields } from './rows.ts';
import { sameValue } from './edit.ts';
import { valueOf, type SyncDraft, type SyncRow } from './state.ts';

/** Fields of a quote that stay on the device (where the page last showed it). */
const LOCAL_QUOTE_FIELDS = new Set(['id', 'anchor']);
const LOCAL_SOURCE_FIELDS = new Set(['id']);

/** The review state is the archive's to move (its transitions route, by role); a device pulls it, never sets it. */
const DEVICE_SET_FIELDS = SINGLE_FIELDS.filter((field) => field !== 'reviewState');

/** The ops that make `before` into `after` (`before` missing: a new draft, sent whole). `baseRev`: the archive version the device last saw. */
export function opsForEdit(before: Draft | undefined, after: Draft, baseRev: number): OpBody[] {
  const draftId = after.id;
  const ops: OpBody[] = [];
  if (!before) {
    ops.push({
      type: 'create',
      draftId,
      title: after.title,
      ...(after.severity ? { severity: after.severity } : {}),
      ...(after.announcementDate ? { announcementDate: after.announcementDate } : {}),
      ...(after.incidentDate ? { incidentDate: after.incidentDate } : {}),
      texts: Object.fromEntries(TEXT_FIELDS.map((field) => [field, after[field]])),
      lists: Object.fromEntries(LIST_FIELDS.map((field) => [field, after[field]])),
    });
  } else {
    for (const field of DEVICE_SET_FIELDS) {
      if (!sameValue(before[field], after[field])) ops.push({ type: 'set', draftId, field, value: after[field] ?? null, baseRev, base: before[field] ?? null });
    }
    for (const field of TEXT_FIELDS) {
      if ((before[field] ?? '') !== (after[field] ?? '')) ops.push({ type: 'text', draftId, field, base: before[field] ?? '', value: after[field] ?? '' });
    }
    for (const field of LIST_FIELDS) {
      const [old, now] = [before[field], after[field]];
      const add = now.filter((item) => !old.includes(item));
      const remove = old.filter((item) => !now.includes(item));
      if (add.length + remove.length > 0) ops.push({ type: 'list', draftId, field, add, remove });
    }
  }
  const rows = (kind: 'Source' | 'Quote', old: (Source | Clip)[], now: (Source | Clip)[], local: Set<string>) => {
    const oldById = new Map(old.map((row) => [row.id, row]));
    for (const row of now) {
      const values = changedValues(oldById.get(row.id), row, local);
      if (!values) continue;
      const base = oldById.has(row.id) ? pick(oldById.get(row.id)!, Object.keys(values)) : undefined;
      ops.push(kind === 'Source'
        ? { type: 'putSource', draftId, sourceId: row.id, values, baseRev, ...(base ? { base } : {}) }
        : { type: 'putQuote', draftId, quoteId: row.id, values, baseRev, ...(base ? { base } : {}) });
    }
    const kept = new Set(now.map((row) => row.id));
    return old.filter((row) => !kept.has(row.id)).map((row) => row.id);
  };
  const removedSources = rows('Source', before?.sources ?? [], after.sources, LOCAL_SOURCE_FIELDS);
  const removedQuotes = rows('Quote', before?.clips ?? [], after.clips, LOCAL_QUOTE_FIELDS);
  for (const quoteId of removedQuotes) ops.push({ type: 'removeQuote', draftId, quoteId, baseRev });
  for (const sourceId of removedSources) ops.push({ type: 'removeSource', draftId, sourceId, baseRev });
  return ops;
}

/** The values of `after` that differ from `before` (all of them for a new row), without the device's own fields; undefined when none. */
function changedValues(before: object | undefined, after: object, local: Set<string>): Record<string, unknown> | undefined {
  const old = (before ?? {}) as Record<string, unknown>;
  const changed = Object.entries(after).filter(([key, value]) => !local.has(key) && value !== undefined && (!before || !sameValue(old[key], value)));
  return changed.length > 0 ? Object.fromEntries(changed) : undefined;
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}

const rowValues = (row: SyncRow): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row.fields).filter(([, register]) => register.v !== null && register.v !== undefined).map(([key, register]) => [key, register.v]));

/**
 * The draft a device stores for `view` (the archive's copy with its pending ops on top), keeping what only
 * this device knows from `local`: the submission record, creation time, quote anchoring, the order of sources.
 */
export function draftFromSync(view: SyncDraft, local: Draft | undefined, now: string): Record<string, unknown> {
  const single = (field: (typeof SINGLE_FIELDS)[number]) => valueOf(view.fields[field]) ?? undefined;
  const localSourceOrder = new Map((local?.sources ?? []).map((source, index) => [source.id, index]));
  const sources = Object.values(view.sources)
    .filter((row) => !row.deleted)
    .map((row) => ({ ...rowValues(row), id: row.id }) as Source)
    .sort((a, b) => (localSourceOrder.get(a.id) ?? Infinity) - (localSourceOrder.get(b.id) ?? Infinity) || String(a.accessedAt).localeCompare(String(b.accessedAt)));
  const localClips = new Map((local?.clips ?? []).map((clip) => [clip.id, clip]));
  const clips = Object.values(view.quotes)
    .filter((row) => !row.deleted)
    .map((row) => {
      const anchor = localClips.get(row.id)?.anchor;
      return { ...currentFields('quote', rowValues(row)), id: row.id, ...(anchor ? { anchor } : {}) } as Clip;
    })
    .sort(byCreation);
  const draft: Record<string, unknown> = {
    id: view.id,
    title: single('title') ?? '',
    severity: single('severity'),
    announcementDate: single('announcementDate'),
    incidentDate: single('incidentDate'),
    reviewState: single('reviewState') ?? 'draft',
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, valueOf(view.texts[field]) ?? ''])),
    ...Object.fromEntries(LIST_FIELDS.map((field) => [field, [...(view.lists[field] ?? [])]])),
    sources,
    clips,
    ...(local?.submission ? { submission: local.submission } : {}),
    createdAt: local?.createdAt ?? now,
    updatedAt: local?.updatedAt ?? now,
  };
  for (const key of Object.keys(draft)) if (draft[key] === undefined) delete draft[key];
  return draft;
}
