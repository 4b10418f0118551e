/**
 * The archive's review API for the extension: the reviewer's queue, the full read of a draft, its comments,
 * claim and release, and state changes. Every reply is parsed, and a reply about another draft than the one
 * asked for is refused as garbled, like any other malformed answer.
 */
import type { ReviewState } from '../core/draft.ts';
import {
  CommentList,
  MyDraftList,
  QueuePage,
  ReviewComment,
  ReviewDraft,
  ReviewEvent,
  ReviewStatus,
  type CommentRequest,
  type TransitionRequest,
} from '../core/review-contract.ts';
import { t } from '../i18n/i18n.ts';
import { ArchiveClient, type ApiResult } from './client.ts';

export interface QueueFilters {
  /** Default (when empty or absent): submitted and in review. */
  state?: ReviewState[];
  /** `me`: claims I hold; `none`: nobody holds a running claim. */
  claimed?: 'me' | 'none' | 'any';
  provider?: string;
  code?: string;
  severity?: string;
  /** Time since the draft was submitted. */
  minAgeHours?: number;
  maxAgeHours?: number;
  /** Default: oldest first. */
  order?: 'oldest' | 'newest';
  offset?: number;
  limit?: number;
}

/** The query string of `GET /v1/review/queue`; unset and empty filters are left out. */
export function queueQuery(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [keyof QueueFilters, QueueFilters[keyof QueueFilters]][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

const draftPath = (draftId: string, rest = '') => `/v1/drafts/${encodeURIComponent(draftId)}${rest}`;

/** A reply naming another draft than `draftId`: the message saying so, else undefined. */
const otherDraft = (draftId: string, replied: string[]) => {
  const other = replied.find((id) => id !== draftId);
  return other === undefined ? undefined : t('archive_reply_other_draft_review', other, draftId);
};

export class ReviewClient extends ArchiveClient {
  /** One page of the review queue (reviewer role), with counts per state and who holds each claim. */
  queue(filters: QueueFilters = {}): Promise<ApiResult<QueuePage>> {
    return this.request('GET', `/v1/review/queue${queueQuery(filters)}`, QueuePage);
  }

  /** The signed-in user's own drafts with their review state, most recently changed first. */
  myDrafts(offset = 0, limit = 50, state?: ReviewState): Promise<ApiResult<ReviewStatus[]>> {
    const only = state ? `&state=${state}` : '';
    return this.request('GET', `/v1/drafts?mine=true&offset=${offset}&limit=${limit}${only}`, MyDraftList).then((result) =>
      result.ok ? { ok: true, value: result.value.items } : result,
    );
  }

  /** Every field, source and quote, the review state, the audit trail and the draft as last reviewed. */
  draft(draftId: string): Promise<ApiResult<ReviewDraft>> {
    return this.request('GET', draftPath(draftId), ReviewDraft, {
      mismatch: (reply) => otherDraft(draftId, [reply.status.draftId, reply.draft.id, ...reply.events.map((event) => event.draftId)]),
    });
  }

  /** The draft's comments, oldest first; replies name their parent. */
  comments(draftId: string): Promise<ApiResult<ReviewComment[]>> {
    return this.request('GET', draftPath(draftId, '/comments'), CommentList, {
      mismatch: (reply) => otherDraft(draftId, reply.comments.map((comment) => comment.draftId)),
    }).then((result) => (result.ok ? { ok: true, value: result.value.comments } : result));
  }

  /** A comment on the draft, on one field (`field`) or one quote (`quoteId`); a reply names `parentId`. */
  addComment(draftId: string, comment: CommentRequest): Promise<ApiResult<ReviewComment>> {
    return this.request('POST', draftPath(draftId, '/comments'), ReviewComment, { body: comment, mismatch: (reply) => otherDraft(draftId, [reply.draftId]) });
  }

  resolveComment(draftId: string, commentId: string, resolved = true): Promise<ApiResult<ReviewComment>> {
    return this.request('POST', draftPath(draftId, `/comments/${encodeURIComponent(commentId)}/resolve`), ReviewComment, {
      body: { resolved },
      mismatch: (reply) => otherDraft(draftId, [reply.draftId]),
    });
  }

  /** Takes (or renews) the lease on a submitted draft at `revision`; a lost race is a 409 `already_claimed`. */
  claim(draftId: string, revision: number): Promise<ApiResult<ReviewEvent>> {
    return this.event(draftPath(draftId, '/claim'), draftId, { revision });
  }

  release(draftId: string, revision: number): Promise<ApiResult<ReviewEvent>> {
    return this.event(draftPath(draftId, '/release'), draftId, { revision });
  }

  /** Moves the draft (submit, withdraw, request changes, approve, reject, publish) as decided on `request.revision`. */
  transition(draftId: string, request: TransitionRequest): Promise<ApiResult<ReviewEvent>> {
    return this.event(draftPath(draftId, '/transitions'), draftId, request);
  }

  private event(path: string, draftId: string, body: unknown): Promise<ApiResult<ReviewEvent>> {
    return this.request('POST', path, ReviewEvent, { body, mismatch: (reply) => otherDraft(draftId, [reply.draftId]) });
  }
}

