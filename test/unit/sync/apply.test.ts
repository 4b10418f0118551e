import { describe, expect, it } from 'vitest';
import { applyOp, type ApplyContext } from '../../../src/core/sync/apply.ts';
import type { OpBody } from '../../../src/core/sync/ops.ts';
import { draftFromSync } from '../../../src/core/sync/draft-ops.ts';
import { Draft } from '../../../src/core/draft.ts';
import { quoteUrl } from '../../../src/core/quote-url.ts';
import type { SyncDraft } from '../../../src/core/sync/state.ts';

const DRAFT = '11111111-1111-4111-8111-111111111111';
const SOURCE = '22222222-2222-4222-8222-222222222222';
const QUOTE = '33333333-3333-4333-8333-333333333333';
const ME = '0e0e0e0e-0000-4000-8000-000000000001';
const PHONE = { userId: ME, role: 'editor', clientId: 'phone' } as const;
const LAPTOP = { userId: ME, role: 'editor', clientId: 'laptop' } as const;
let seq = 0;
let version = 0;

/** Applies one op as the archive would, numbering versions as it does. */
function apply(draft: SyncDraft | undefined, body: OpBody, who: Omit<ApplyContext, 'version'> = PHONE) {
  seq += 1;
  const outcome = applyOp(draft, { ...body, seq, opId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}` }, { ...who, version: version + 1 });
  if (outcome.draft) version += 1;
  return { ...outcome, draft: outcome.draft ?? draft! };
}

function created(): SyncDraft {
  return apply(undefined, { type: 'create', draftId: DRAFT, title: 'Chatbot invents a refund', texts: { summary: 'The bot invented a policy. The airline refused. A tribunal ruled. ' } }).draft;
}

describe('applying a sync op', () => {
  it('applies a field edit made on the current copy, and keeps a concurrent different value as a conflict row', () => {
    const base = created();
    const laptop = apply(base, { type: 'set', draftId: DRAFT, field: 'severity', value: 'SEV-2', baseRev: base.rev }, LAPTOP);
    expect(laptop.status).toBe('applied');
    const phone = apply(laptop.draft, { type: 'set', draftId: DRAFT, field: 'severity', value: 'SEV-3', baseRev: base.rev });
    expect(phone.status).toBe('conflict');
    expect(phone.draft.fields.severity.v).toBe('SEV-2');
    expect(phone.draft.conflicts).toMatchObject([{ kind: 'field', path: 'severity', ours: 'SEV-3', theirs: 'SEV-2', clientId: 'phone', userId: ME }]);
  });

  it('does not call the same concurrent value a conflict, nor a device\'s edit on top of its own earlier one', () => {
    const base = created();
    const laptop = apply(base, { type: 'set', draftId: DRAFT, field: 'severity', value: 'SEV-2', baseRev: base.rev }, LAPTOP);
    expect(apply(laptop.draft, { type: 'set', draftId: DRAFT, field: 'severity', value: 'SEV-2', baseRev: base.rev }).status).toBe('applied');
    const again = apply(laptop.draft, { type: 'set', draftId: DRAFT, field: 'severity', value: 'SEV-1', baseRev: base.rev }, LAPTOP);
    expect(again.status).toBe('applied');
    expect(again.draft.fields.severity.v).toBe('SEV-1');
  });

  it('merges two edits of different sentences of a long text, and keeps the archive\'s text with base/ours/theirs on an overlap', () => {
    const base = created();
    const text = String(base.texts.summary.v);
    const laptop = apply(base, { type: 'text', draftId: DRAFT, field: 'summary', base: text, value: text.replace('The airline refused.', 'The airline refused to pay.') }, LAPTOP);
    const merged = apply(laptop.draft, { type: 'text', draftId: DRAFT, field: 'summary', base: text, value: text.replace('A tribunal ruled.', 'A tribunal ruled in 2024.') });
    expect(merged.status).toBe('merged');
    expect(merged.draft.texts.summary.v).toBe('The bot invented a policy. The airline refused to pay. A tribunal ruled in 2024. ');
    const clash = apply(merged.draft, { type: 'text', draftId: DRAFT, field: 'summary', base: text, value: text.replace('The airline refused.', 'The airline said no.') });
    expect(clash.status).toBe('conflict');
    expect(clash.draft.texts.summary.v).toBe(merged.draft.texts.summary.v);
    expect(clash.draft.conflicts[0]).toMatchObject({ kind: 'text', base: text, ours: text.replace('The airline refused.', 'The airline said no.'), theirs: merged.draft.texts.summary.v });
  });

  it('adds and removes list items without replacing the list', () => {
    let draft = created();
    draft = apply(draft, { type: 'list', draftId: DRAFT, field: 'codes', add: ['M1', 'F3'] }, LAPTOP).draft;
    draft = apply(draft, { type: 'list', draftId: DRAFT, field: 'codes', add: ['G2'], remove: ['M1'] }).draft;
    expect(draft.lists.codes).toEqual(['F3', 'G2']);
  });

  it('keeps an edit to a source another device deleted as a conflict, and restores the source with that edit', () => {
    const values = { url: 'https://news.example/a', originalUrl: 'https://news.example/a', accessedAt: '2026-01-01T00:00:00Z' };
    const withSource = apply(created(), { type: 'putSource', draftId: DRAFT, sourceId: SOURCE, values, baseRev: 0 }).draft;
    const deleted = apply(withSource, { type: 'removeSource', draftId: DRAFT, sourceId: SOURCE, baseRev: withSource.rev }, LAPTOP).draft;
    const edit = apply(deleted, { type: 'putSource', draftId: DRAFT, sourceId: SOURCE, values: { publisher: 'News Example' }, baseRev: withSource.rev });
    expect(edit.status).toBe('conflict');
    expect(edit.draft.sources[SOURCE]).toMatchObject({ deleted: true });
    const conflict = edit.draft.conflicts[0]!;
    expect(conflict).toMatchObject({ kind: 'row_deleted', path: `source:${SOURCE}`, ours: { publisher: 'News Example' } });
    const restored = apply(edit.draft, { type: 'resolve', draftId: DRAFT, conflictId: conflict.id, restore: true });
    expect(restored.draft.sources[SOURCE]).toMatchObject({ deleted: false, fields: { publisher: { v: 'News Example' }, url: { v: values.url } } });
    expect(restored.draft.conflicts[0]!.resolved).toMatchObject({ clientId: 'phone' });
  });

  it('a partial source edit changes only the fields it names', () => {
    const values = { url: 'https://news.example/b', originalUrl: 'https://news.example/b', title: 'Original title', accessedAt: '2026-01-01T00:00:00Z' };
    const draft = apply(created(), { type: 'putSource', draftId: DRAFT, sourceId: SOURCE, values, baseRev: 0 }).draft;
    const edited = apply(draft, { type: 'putSource', draftId: DRAFT, sourceId: SOURCE, values: { publisher: 'P' }, baseRev: draft.rev }).draft;
    expect(edited.sources[SOURCE]!.fields.title!.v).toBe('Original title');
  });

  it("takes a quote from a device that still sends the quote's url, and ignores that url: the quote's page is its source's", () => {
    const source = { url: 'https://news.example/moved', originalUrl: 'https://news.example/moved', accessedAt: '2026-01-01T00:00:00Z' };
    const withSource = apply(created(), { type: 'putSource', draftId: DRAFT, sourceId: SOURCE, values: source, baseRev: 0 }).draft;
    const selectors = { quote: { type: 'TextQuoteSelector' as const, exact: 'Refunds are automatic.', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 0, end: 22 } };
    const quote = { sourceId: SOURCE, url: 'https://news.example/first-address', quote: 'Refunds are automatic.', selectors, createdAt: '2026-01-01T00:00:00Z' };
    const added = apply(withSource, { type: 'putQuote', draftId: DRAFT, quoteId: QUOTE, values: quote, baseRev: withSource.rev });
    expect(added.status).toBe('applied');
    expect(Object.keys(added.draft.quotes[QUOTE]!.fields)).not.toContain('url');
    // A quote row the archive stored while quotes still had a url: it takes edits, and a device reads it as a quote without one.
    const stored = structuredClone(added.draft);
    stored.quotes[QUOTE]!.fields.url = { v: quote.url, rev: stored.rev, by: 'phone' };
    const noted = apply(stored, { type: 'putQuote', draftId: DRAFT, quoteId: QUOTE, values: { note: 'Check the date.' }, baseRev: stored.rev }, LAPTOP);
    expect(noted.status).toBe('applied');
    const onDevice = Draft.parse(draftFromSync(noted.draft, undefined, '2026-01-02T00:00:00.000Z'));
    expect(onDevice.clips).toMatchObject([{ id: QUOTE, sourceId: SOURCE, note: 'Check the date.' }]);
    expect(onDevice.clips.map((clip) => quoteUrl(onDevice, clip))).toEqual([source.url]);
  });

  it('rejects, with a reason, an op on another editor\'s draft, on an unknown draft, or one the schema refuses', () => {
    const draft = created();
    expect(apply(draft, { type: 'set', draftId: DRAFT, field: 'title', value: 'Mine now', baseRev: draft.rev }, { userId: 'someone-else', role: 'editor', clientId: 'x' })).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(apply(undefined, { type: 'set', draftId: DRAFT, field: 'title', value: 'x', baseRev: 0 })).toMatchObject({ status: 'rejected', reason: 'unknown_draft' });
    expect(apply(draft, { type: 'set', draftId: DRAFT, field: 'severity', value: 'SEV-9', baseRev: draft.rev })).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^invalid_op: severity/) });
  });
});
