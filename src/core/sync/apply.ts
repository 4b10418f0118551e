/**
 * Applies one op to a draft: the decision the archive makes for every op, and that a device makes when it
 * replays its pending ops over the archive's copy. Pure: no clock, no storage; the version comes in.
 */
import { Edit, Rejected, sameValue, type ApplyContext } from './edit.ts';
import { LIST_FIELDS, LIST_LIMIT, SINGLE_FIELDS, SINGLE_VALUE, SyncOp, TEXT_FIELDS, TEXT_LIMIT, type ListField, type OpStatus, type SingleField, type TextField } from './ops.ts';
import { putRow, removeRow, restoreRow, type RowKind } from './rows.ts';
import type { Conflict, Register, SyncDraft } from './state.ts';

export type { ApplyContext } from './edit.ts';

export interface ApplyOutcome {
  /** The draft after the op, when the op changed it (a new object; the input is never mutated). */
  draft: SyncDraft | undefined;
  status: OpStatus;
  reason?: string;
}

/** States a device may move its draft to itself; the review workflow moves it further. */
const AUTHOR_STATES = new Set(['draft', 'submitted']);

export function applyOp(current: SyncDraft | undefined, input: unknown, ctx: ApplyContext): ApplyOutcome {
  const parsed = SyncOp.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return rejected(`invalid_op: ${[...(issue?.path ?? [])].join('.') || 'op'}: ${issue?.message ?? 'invalid'}`);
  }
  const op = parsed.data;
  if (current && current.ownerId !== ctx.userId) return rejected('forbidden');
  if (!current && op.type !== 'create') return rejected('unknown_draft');
  const edit = new Edit(current ? structuredClone(current) : emptyDraft(op.draftId, ctx), ctx, op.seq);
  try {
    run(edit, op, !current);
  } catch (error) {
    if (error instanceof Rejected) return rejected(error.message);
    throw error;
  }
  // Every accepted op is recorded on its draft, even one that changed nothing (see SyncDraft.applied).
  if ((edit.draft.applied[ctx.clientId] ?? 0) < op.seq) edit.draft.applied[ctx.clientId] = op.seq;
  else if (!edit.changed) return { draft: undefined, status: edit.status };
  edit.draft.rev = ctx.version;
  edit.draft.updatedBy = ctx.userId;
  return { draft: edit.draft, status: edit.status };
}

const rejected = (reason: string): ApplyOutcome => ({ draft: undefined, status: 'rejected', reason });

function run(edit: Edit, op: SyncOp, isNew: boolean): void {
  switch (op.type) {
    case 'create':
      return create(edit, op, isNew);
    case 'set':
      return setField(edit, op.field, op.value, op.baseRev, op.base === undefined ? undefined : { v: op.base });
    case 'list':
      return editList(edit, op.field, op.add, op.remove);
    case 'text':
      return editText(edit, op.field, op.base, op.value);
    case 'putSource':
      return putRow(edit, 'source', op.sourceId, op.values, op.baseRev, op.base);
    case 'putQuote':
      return putRow(edit, 'quote', op.quoteId, op.values, op.baseRev, op.base);
    case 'removeSource':
      return removeRow(edit, 'source', op.sourceId, op.baseRev);
    case 'removeQuote':
      return removeRow(edit, 'quote', op.quoteId, op.baseRev);
    case 'resolve':
      return resolve(edit, op);
  }
}

function emptyDraft(id: string, ctx: ApplyContext): SyncDraft {
  const register = (v: unknown): Register => ({ v, rev: ctx.version, by: ctx.clientId });
  return {
    id,
    ownerId: ctx.userId,
    rev: ctx.version,
    updatedBy: ctx.userId,
    fields: { title: register(''), severity: register(null), announcementDate: register(null), incidentDate: register(null), reviewState: register('draft') },
    texts: { summary: register(''), rationale: register(''), counterfactual: register(''), notes: register('') },
    lists: { codes: [], providers: [], tags: [], deployers: [], harmedParties: [] },
    sources: {},
    quotes: {},
    conflicts: [],
    applied: {},
  };
}

/** A new draft takes the values as they are; on an existing one each counts as an edit from nothing. */
function create(edit: Edit, op: Extract<SyncOp, { type: 'create' }>, isNew: boolean): void {
  if (isNew) edit.changed = true;
  for (const field of SINGLE_FIELDS) {
    if (field !== 'reviewState' && op[field] !== undefined) setField(edit, field, op[field], 0);
  }
  for (const field of TEXT_FIELDS) {
    const text = op.texts?.[field];
    if (text !== undefined) editText(edit, field, '', text);
  }
  for (const field of LIST_FIELDS) editList(edit, field, op.lists?.[field] ?? [], []);
}

function setField(edit: Edit, field: SingleField, value: unknown, baseRev: number, base?: { v: unknown }): void {
  const parsed = SINGLE_VALUE[field].safeParse(value);
  if (!parsed.success) throw new Rejected(`invalid_op: ${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  if (field === 'reviewState' && !AUTHOR_STATES.has(String(value))) throw new Rejected(`forbidden: a device may set reviewState to draft or submitted only`);
  edit.draft.fields[field] = edit.set(field, edit.draft.fields[field], parsed.data, baseRev, base);
}

function editText(edit: Edit, field: TextField, base: string, value: string): void {
  edit.draft.texts[field] = edit.text(field, edit.draft.texts[field], base, value, TEXT_LIMIT[field]);
}

function editList(edit: Edit, field: ListField, add: string[], remove: string[]): void {
  const limit = LIST_LIMIT[field];
  const long = [...add, ...remove].find((item) => item.length > limit.chars);
  if (long !== undefined) throw new Rejected(`invalid_op: ${field}: an item is longer than ${limit.chars} characters`);
  const gone = new Set(remove);
  const before = edit.draft.lists[field];
  const after = before.filter((item) => !gone.has(item));
  for (const item of add) if (!gone.has(item) && !after.includes(item)) after.push(item);
  if (after.length > limit.items) throw new Rejected(`too_many_items: ${field} holds at most ${limit.items}`);
  if (!sameValue(before, after)) {
    edit.draft.lists[field] = after;
    edit.changed = true;
  }
}

/**
 * Closes a conflict. The chosen value is applied as an edit from what the person saw (`baseRev`, or `base`
 * for a text), so a resolution never overwrites a change it did not see: that becomes a new conflict.
 * Without a value the archive's current value stays.
 */
function resolve(edit: Edit, op: Extract<SyncOp, { type: 'resolve' }>): void {
  const conflict = edit.draft.conflicts.find((candidate) => candidate.id === op.conflictId);
  if (!conflict) throw new Rejected(`unknown_conflict: ${op.conflictId}`);
  if (!conflict.resolved) {
    conflict.resolved = { userId: edit.ctx.userId, clientId: edit.ctx.clientId, rev: edit.ctx.version };
    edit.changed = true;
  }
  const target = parseTarget(conflict);
  if (conflict.kind === 'row_deleted') {
    if (op.restore && target.row) restoreRow(edit, target.row.kind, target.row.id, (conflict.ours ?? {}) as Record<string, unknown>);
    return;
  }
  if (op.value === undefined) return;
  if (conflict.kind === 'text') {
    if (typeof op.value !== 'string' || typeof op.base !== 'string') throw new Rejected('invalid_op: a text resolution needs value and base texts');
    return editText(edit, conflict.path as TextField, op.base, op.value);
  }
  if (target.row) {
    const field = target.row.field!;
    return putRow(edit, target.row.kind, target.row.id, { [field]: op.value }, op.baseRev, op.base === undefined ? undefined : { [field]: op.base });
  }
  return setField(edit, conflict.path as SingleField, op.value, op.baseRev, op.base === undefined ? undefined : { v: op.base });
}

function parseTarget(conflict: Conflict): { row?: { kind: RowKind; id: string; field?: string } } {
  const match = /^(source|quote):([^.]+)(?:\.(\w+))?$/.exec(conflict.path);
  return match ? { row: { kind: match[1] as RowKind, id: match[2]!, field: match[3] } } : {};
}
