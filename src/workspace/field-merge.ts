/**
 * Applies an editor's field edits to the stored draft without overwriting anyone silently.
 * Each edit carries the value the editor started from (`base`). An edit applies only when the stored
 * value is still that base (or already equal to the new value). Otherwise, for long free text (summary,
 * rationale, counterfactual, notes) the two changes are merged when they touch different sentences or lines
 * (src/workspace/text-merge.ts); anything else is a conflict that keeps both values for a person to resolve.
 */
import { Draft as DraftSchema, type Draft } from '../core/draft.ts';
import { isLongText, readField, sameValue, writeField, type FieldPath } from './field-paths.ts';
import { mergeText } from '../core/text-merge.ts';

export interface FieldEdit {
  path: FieldPath;
  base: unknown;
  value: unknown;
}

export interface FieldConflict {
  path: FieldPath;
  mine: unknown;
  theirs: unknown;
}

export interface InvalidEdit {
  path: FieldPath;
  message: string;
}

export interface MergeResult {
  draft: Draft;
  applied: FieldPath[];
  /** Of `applied`: text fields where both this edit and a change made meanwhile were kept, merged. */
  merged: FieldPath[];
  conflicts: FieldConflict[];
  /** Edits the draft schema refuses (e.g. a half-typed URL): not stored, the others still are. */
  invalid: InvalidEdit[];
}

export function mergeEdits(stored: Draft, edits: FieldEdit[]): MergeResult {
  let draft = stored;
  const applied: FieldPath[] = [];
  const merged: FieldPath[] = [];
  const conflicts: FieldConflict[] = [];
  const invalid: InvalidEdit[] = [];
  for (const edit of edits) {
    const current = readField(draft, edit.path);
    if (sameValue(current, edit.value)) {
      applied.push(edit.path);
    } else if (sameValue(current, edit.base)) {
      const candidate = writeField(draft, edit.path, edit.value === '' && !isText(edit.path) ? undefined : edit.value);
      const parsed = DraftSchema.safeParse(candidate);
      if (parsed.success) {
        draft = candidate;
        applied.push(edit.path);
      } else {
        invalid.push({ path: edit.path, message: parsed.error.issues[0]?.message ?? 'Invalid value' });
      }
    } else {
      const text = isLongText(edit.path) ? mergeEditedText(edit, current) : undefined;
      const candidate = text === undefined ? undefined : writeField(draft, edit.path, text);
      // Merged text too long for the schema (each side alone fits): a person decides, as for an overlap.
      if (candidate && DraftSchema.safeParse(candidate).success) {
        draft = candidate;
        applied.push(edit.path);
        merged.push(edit.path);
      } else {
        conflicts.push({ path: edit.path, mine: edit.value, theirs: current });
      }
    }
  }
  return { draft, applied, merged, conflicts, invalid };
}

/** Both changes to a text field when they don't overlap, else `undefined` (a conflict). */
function mergeEditedText(edit: FieldEdit, current: unknown): string | undefined {
  const text = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : undefined);
  const [base, mine, theirs] = [text(edit.base), text(edit.value), text(current)];
  if (base === undefined || mine === undefined || theirs === undefined) return undefined;
  return mergeText(base, mine, theirs);
}

/** Optional fields (severity, dates) are stored as missing rather than as an empty string. */
const OPTIONAL = /(^severity$|Date$|\.publishedDate$|\.publisher$)/;
function isText(path: FieldPath): boolean {
  return !OPTIONAL.test(path);
}
