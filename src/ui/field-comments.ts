/**
 * The reviewers' open comments on each field of the draft being edited, handed down to the fields so the
 * editor reads what to change where it changes it. Store-free, like ./field-refusals.ts.
 */
import { createContext } from 'preact';
import type { ReviewComment } from '../core/review-contract.ts';

/** Field name (`rationale`, `title`, …) → "Name: what they said" of each open comment about it. */
export type CommentsByField = Partial<Record<string, string[]>>;

export const FieldComments = createContext<CommentsByField>({});

export function openCommentsByField(comments: readonly ReviewComment[]): CommentsByField {
  const byField: CommentsByField = {};
  for (const comment of comments) {
    if (!comment.field || comment.resolved || comment.outdated) continue;
    (byField[comment.field] ??= []).push(`${comment.authorName}: ${comment.body}`);
  }
  return byField;
}
