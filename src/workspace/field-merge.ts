/**
 * Applies an editor's field edits to the stored draft without overwriting anyone silently.
 * Each edit carries the value the editor started from (`base`). An edit applies only when the stored
 * value is still that base (or already equal to the new value); otherwise it is a conflict that keeps
 * both values for a person to resolve.
 */
import { Draft as DraftSchema, type Draft } from '../core/draft.ts';
import { readField, sameValue, writeField, type FieldPath } from './field-paths.ts';

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
  conflicts: FieldConflict[];
  /** Edits the draft schema refuses (e.g. a half-typed URL): not stored, the others still are. */
  invalid: InvalidEdit[];
}

export function mergeEdits(stored: Draft, edits: FieldEdit[]): MergeResult {
  let draft = stored;
  const applied: FieldPath[] = [];
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
      conflicts.push({ path: edit.path, mine: edit.value, theirs: current });
    }
  }
  return { draft, applied, conflicts, invalid };
}

/** Optional fields (severity, dates) are stored as missing rather than as an empty string. */
const OPTIONAL = /(^severity$|Date$|\.publishedDate$|\.publisher$)/;
function isText(path: FieldPath): boolean {
  return !OPTIONAL.test(path);
}
