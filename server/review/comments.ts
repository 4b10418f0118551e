/**
 * Review comments: threaded, about a field or a quote, resolvable. A comment remembers the value it was
 * about; when that value has changed since, it is shown as outdated, with the text it quoted kept.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import type { Queryable } from '../db/index.ts';
import { ApiProblem } from '../errors.ts';
import { visibleDraft } from './rows.ts';
import type { Actor } from './rules.ts';
import type { Comment, CommentRequest } from './wire.ts';

interface CommentRow {
  id: string;
  draft_id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  body: string;
  anchor_field: string | null;
  anchor_quote_id: string | null;
  quoted_text: string | null;
  anchor_snapshot: string | null;
  revision: string;
  created_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
}

/** The current value a comment is about (a deleted or unknown quote has none). */
function anchorValue(draft: SyncDraft, field: string | null, quoteId: string | null): unknown {
  if (quoteId) {
    const quote = draft.quotes[quoteId];
    return quote && !quote.deleted ? (quote.fields.quote?.v ?? null) : null;
  }
  if (!field) return null;
  const single = (draft.fields as Record<string, { v: unknown } | undefined>)[field];
  const text = (draft.texts as Record<string, { v: unknown } | undefined>)[field];
  return single?.v ?? text?.v ?? (draft.lists as Record<string, string[] | undefined>)[field] ?? null;
}

const display = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : value === null ? '' : JSON.stringify(value));

export async function addComment(db: Queryable, actor: Actor, draftId: string, request: z.output<typeof CommentRequest>, now: Date): Promise<Comment> {
  const draft = await visibleDraft(db, actor, draftId);
  const field = request.field ?? null;
  const quoteId = request.quoteId ?? null;
  if (quoteId && anchorValue(draft.state, null, quoteId) === null) {
    throw new ApiProblem(400, 'validation_failed', 'This draft has no such quote.', [{ path: 'quoteId', message: 'Unknown quote.' }]);
  }
  if (request.parentId) {
    const [parent] = await db.query('select 1 from review_comments where id = $1 and draft_id = $2', [request.parentId, draftId]);
    if (!parent) throw new ApiProblem(400, 'validation_failed', 'The comment replied to is not on this draft.', [{ path: 'parentId', message: 'Unknown comment.' }]);
  }
  const value = field || quoteId ? anchorValue(draft.state, field, quoteId) : null;
  const id = randomUUID();
  await db.query(
    `insert into review_comments (id, draft_id, parent_id, author_id, body, anchor_field, anchor_quote_id, quoted_text, anchor_snapshot, revision, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, draftId, request.parentId ?? null, actor.id, request.body, field, quoteId, field || quoteId ? (request.quotedText ?? display(value)) : null, field || quoteId ? JSON.stringify(value) : null, draft.version, now],
  );
  return (await listComments(db, actor, draftId)).find((comment) => comment.id === id)!;
}

export async function listComments(db: Queryable, actor: Actor, draftId: string): Promise<Comment[]> {
  const draft = await visibleDraft(db, actor, draftId);
  const rows = await db.query<CommentRow>(
    `select c.*, u.name as author_name from review_comments c join users u on u.id = c.author_id where c.draft_id = $1 order by c.created_at, c.id`,
    [draftId],
  );
  return rows.map((row) => ({
    id: row.id,
    draftId: row.draft_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    field: row.anchor_field,
    quoteId: row.anchor_quote_id,
    quotedText: row.quoted_text,
    revision: Number(row.revision),
    createdAt: new Date(row.created_at).toISOString(),
    outdated: row.anchor_snapshot !== null && row.anchor_snapshot !== JSON.stringify(anchorValue(draft.state, row.anchor_field, row.anchor_quote_id)),
    resolved: row.resolved_by && row.resolved_at ? { by: row.resolved_by, at: new Date(row.resolved_at).toISOString() } : null,
    replies: rows.filter((reply) => reply.parent_id === row.id).map((reply) => reply.id),
  }));
}

/** The author or a reviewer marks a thread resolved (or open again). */
export async function resolveComment(db: Queryable, actor: Actor, draftId: string, commentId: string, resolved: boolean, now: Date): Promise<Comment> {
  await visibleDraft(db, actor, draftId);
  const updated = await db.query(
    `update review_comments set resolved_by = case when $3 then $4::uuid end, resolved_at = case when $3 then $5::timestamptz end
     where id = $1 and draft_id = $2 returning 1`,
    [commentId, draftId, resolved, actor.id, now],
  );
  if (updated.length === 0) throw new ApiProblem(404, 'not_found', `No comment ${commentId} on this draft.`);
  return (await listComments(db, actor, draftId)).find((comment) => comment.id === commentId)!;
}
