/**
 * What changed in a draft since its last review: for each field, quote and source whose value differs,
 * the text before and after, split into kept, removed and added words (node-diff3's common-subsequence
 * diff, the library the text merge already uses).
 */
import { diffComm } from 'node-diff3';
import { ANCHOR_FIELDS, type AnchorField } from './review-contract.ts';
import type { SyncDraft, SyncRow } from './sync/state.ts';

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

export interface Change {
  /** A draft field, `quote:<id>` or `source:<id>`. */
  key: AnchorField | `quote:${string}` | `source:${string}`;
  before: string;
  after: string;
  parts: DiffPart[];
}

/** A field's value as a reader sees it: lists joined, nothing for empty. */
export function fieldText(draft: SyncDraft, field: AnchorField): string {
  const value: unknown =
    (draft.fields as Record<string, { v: unknown } | undefined>)[field]?.v ??
    (draft.texts as Record<string, { v: unknown } | undefined>)[field]?.v ??
    (draft.lists as Record<string, string[] | undefined>)[field];
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** A quote's text, or '' when it is gone. */
export function quoteText(row: SyncRow | undefined): string {
  return row && !row.deleted ? String(row.fields.quote?.v ?? '') : '';
}

/** A source as one line: its address and title. */
export function sourceText(row: SyncRow | undefined): string {
  if (!row || row.deleted) return '';
  return [row.fields.url?.v, row.fields.title?.v].filter((part) => typeof part === 'string' && part).join(' — ');
}

const words = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

/** Kept, removed and added runs, word by word; neighbouring runs of one kind are joined. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  for (const chunk of diffComm(words(before), words(after))) {
    if (chunk.common) push('same', chunk.common.join(''));
    else {
      push('removed', chunk.buffer1.join(''));
      push('added', chunk.buffer2.join(''));
    }
  }
  return parts;
}

function change(key: Change['key'], before: string, after: string): Change[] {
  return before === after ? [] : [{ key, before, after, parts: wordDiff(before, after) }];
}

/** Every field, quote and source that differs between the draft as last reviewed and now, in reading order. */
export function changesSince(reviewed: SyncDraft, now: SyncDraft): Change[] {
  const rows = (table: 'quotes' | 'sources') => [...new Set([...Object.keys(reviewed[table]), ...Object.keys(now[table])])];
  return [
    ...ANCHOR_FIELDS.flatMap((field) => change(field, fieldText(reviewed, field), fieldText(now, field))),
    ...rows('sources').flatMap((id) => change(`source:${id}`, sourceText(reviewed.sources[id]), sourceText(now.sources[id]))),
    ...rows('quotes').flatMap((id) => change(`quote:${id}`, quoteText(reviewed.quotes[id]), quoteText(now.quotes[id]))),
  ];
}
