/**
 * Reads the draft's review (the store's kept copy, then the archive's answer) after the editor has painted,
 * and hands the open comments per field up to the editor, which shows each under its field.
 */
import { useEffect } from 'preact/hooks';
import type { Draft } from '../src/core/draft.ts';
import { openCommentsByField, type CommentsByField } from '../src/ui/field-comments.ts';
import { useReview } from '../src/ui/use-review.ts';

export function FieldCommentsFeed({ draft, onComments }: { draft: Draft; onComments: (comments: CommentsByField) => void }) {
  const review = useReview(draft);
  useEffect(() => onComments(review ? openCommentsByField(review.comments) : {}), [review]);
  return null;
}
