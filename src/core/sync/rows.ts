/** Sources and quotes: rows keyed by uuid, edited field by field, deleted as tombstones that can be restored. */
import { Clip, Source } from '../draft.ts';
import { Edit, Rejected } from './edit.ts';
import type { SyncRow } from './state.ts';

export type RowKind = 'source' | 'quote';
const TABLE = { source: 'sources', quote: 'quotes' } as const;

export const rowPath = (kind: RowKind, id: string) => `${kind}:${id}`;

export function rowValues(row: SyncRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row.fields).map(([key, register]) => [key, register.v]));
}

/**
 * A field quote rows written before a quote's URL became its source's may still hold (ops of older devices
 * lose it when parsed, see `QuoteValues`): it is no part of a quote, so it is ignored wherever rows are read.
 */
export const DROPPED_QUOTE_FIELD = 'url';

/** `values` without what a row of `kind` no longer has. */
export function currentFields<Value>(kind: RowKind, values: Record<string, Value>): Record<string, Value> {
  if (kind !== 'quote' || !(DROPPED_QUOTE_FIELD in values)) return values;
  const { [DROPPED_QUOTE_FIELD]: _dropped, ...rest } = values;
  return rest;
}

/** Throws `Rejected` unless the row's values make a valid source or quote of this draft. */
function check(edit: Edit, kind: RowKind, id: string, values: Record<string, unknown>): void {
  const parsed = kind === 'source' ? Source.safeParse({ ...values, id }) : Clip.safeParse({ ...currentFields(kind, values), id });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Rejected(`invalid_op: ${kind} ${[...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'invalid'}`);
  }
  if (kind === 'quote' && !edit.draft.sources[String(values.sourceId)]) throw new Rejected(`unknown_source: ${String(values.sourceId)}`);
}

export function putRow(edit: Edit, kind: RowKind, id: string, values: Record<string, unknown>, baseRev: number, base?: Record<string, unknown>): void {
  const table = edit.draft[TABLE[kind]];
  const row = table[id];
  if (!row) {
    check(edit, kind, id, values);
    table[id] = { id, fields: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, edit.register(value)])), deleted: false, rev: edit.ctx.version };
  } else if (row.deleted) {
    edit.conflict({ kind: 'row_deleted', path: rowPath(kind, id), ours: values, theirs: null });
    return;
  } else {
    const fields = { ...row.fields };
    for (const [key, value] of Object.entries(values)) {
      fields[key] = edit.set(`${rowPath(kind, id)}.${key}`, fields[key], value, baseRev, base && key in base ? { v: base[key] } : undefined);
    }
    check(edit, kind, id, Object.fromEntries(Object.entries(fields).map(([key, register]) => [key, register.v])));
    table[id] = { ...row, fields, rev: edit.changed ? edit.ctx.version : row.rev };
  }
  const sourceId = kind === 'quote' ? String(table[id]!.fields.sourceId?.v) : undefined;
  if (sourceId && edit.draft.sources[sourceId]?.deleted) {
    edit.conflict({ kind: 'row_deleted', path: rowPath('source', sourceId), ours: {}, theirs: null });
  }
}

/** A tombstone; when another device changed the row since `baseRev`, its edit is kept visible as a conflict. */
export function removeRow(edit: Edit, kind: RowKind, id: string, baseRev: number): void {
  const table = edit.draft[TABLE[kind]];
  const row = table[id];
  if (!row) throw new Rejected(`unknown_${kind}: ${id}`);
  if (row.deleted) return;
  const othersEdits = Object.entries(row.fields).filter(([, register]) => register.rev > baseRev && register.by !== edit.ctx.clientId);
  table[id] = { ...row, deleted: true, rev: edit.ctx.version };
  edit.changed = true;
  if (othersEdits.length > 0) {
    edit.conflict({ kind: 'row_deleted', path: rowPath(kind, id), ours: Object.fromEntries(othersEdits.map(([key, register]) => [key, register.v])), theirs: null });
  }
}

/** Brings a deleted row back with `values` (the edit that was kept with the conflict). */
export function restoreRow(edit: Edit, kind: RowKind, id: string, values: Record<string, unknown>): void {
  const table = edit.draft[TABLE[kind]];
  const row = table[id];
  if (!row || !row.deleted) return;
  const fields = { ...row.fields };
  for (const [key, value] of Object.entries(values)) fields[key] = edit.register(value);
  table[id] = { ...row, fields, deleted: false, rev: edit.ctx.version };
  edit.changed = true;
}
