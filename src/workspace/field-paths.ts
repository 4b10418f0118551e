/**
 * Field paths: the unit of an edit. A path names one top-level field of a draft (`title`, `codes`, …)
 * or one field of one source (`source.<id>.publisher`), so two editors that change different fields
 * never touch each other's work.
 */
import type { Draft, Source } from '../core/draft.ts';

export const DRAFT_FIELDS = [
  'title',
  'summary',
  'severity',
  'announcementDate',
  'incidentDate',
  'rationale',
  'counterfactual',
  'codes',
  'providers',
  'tags',
  'deployers',
  'harmedParties',
  'notes',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/**
 * Long free text, where two editors may well work on different paragraphs at once: their edits are merged
 * sentence by sentence (src/workspace/text-merge.ts). Every other field is replaced whole.
 */
export const LONG_TEXT_FIELDS: readonly DraftField[] = ['summary', 'rationale', 'counterfactual', 'notes'];

export function isLongText(path: FieldPath): boolean {
  return (LONG_TEXT_FIELDS as readonly string[]).includes(path);
}

export const SOURCE_FIELDS = ['title', 'url', 'publisher', 'authors', 'publishedDate'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export type FieldPath = DraftField | `source.${string}.${SourceField}`;

export function sourcePath(sourceId: string, field: SourceField): FieldPath {
  return `source.${sourceId}.${field}`;
}

type Parsed = { kind: 'draft'; field: DraftField } | { kind: 'source'; sourceId: string; field: SourceField };

export function parsePath(path: string): Parsed | undefined {
  if ((DRAFT_FIELDS as readonly string[]).includes(path)) return { kind: 'draft', field: path as DraftField };
  const match = /^source\.([^.]+)\.([A-Za-z]+)$/.exec(path);
  if (match && (SOURCE_FIELDS as readonly string[]).includes(match[2]!)) {
    return { kind: 'source', sourceId: match[1]!, field: match[2] as SourceField };
  }
  return undefined;
}

/** The value at `path`, or `undefined` when the path or its source does not exist. */
export function readField(draft: Draft, path: FieldPath): unknown {
  const parsed = parsePath(path);
  if (!parsed) return undefined;
  if (parsed.kind === 'draft') return draft[parsed.field];
  return draft.sources.find((source) => source.id === parsed.sourceId)?.[parsed.field];
}

/** A copy of `draft` with `value` at `path` (not validated: the caller parses). Unknown sources are left alone. */
export function writeField(draft: Draft, path: FieldPath, value: unknown): Draft {
  const parsed = parsePath(path);
  if (!parsed) return draft;
  if (parsed.kind === 'draft') return { ...draft, [parsed.field]: value };
  return {
    ...draft,
    sources: draft.sources.map((source): Source => (source.id === parsed.sourceId ? { ...source, [parsed.field]: value } : source)),
  };
}

/**
 * Values compare by content; an empty string, an empty list and a missing value mean the same in a form
 * (a draft stored before a list field existed has no such field until its next save).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (value: unknown) => (value === '' || value === null || (Array.isArray(value) && value.length === 0) ? undefined : value);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}
