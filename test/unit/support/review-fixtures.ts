/** Archive replies of the review API, as the reference server shapes them, for the extension's tests. */
import type { ReviewState } from '../../../src/core/draft.ts';
import type { QueuePage, ReviewComment, ReviewDraft, ReviewEvent, ReviewStatus } from '../../../src/core/review-contract.ts';
import type { SyncDraft } from '../../../src/core/sync/state.ts';

export const DRAFT_ID = '0b8f3c9e-4a5d-4e7f-9a1b-2c3d4e5f6a7b';
export const QUOTE_ID = '1c9f4d0e-5b6e-4f80-8b2c-3d4e5f6a7b8c';
export const SOURCE_ID = '2d0a5e1f-6c7f-4091-9c3d-4e5f6a7b8c9d';
export const OWNER = 'u-editor';

const reg = (v: unknown, rev = 1) => ({ v, rev, by: 'client-1' });

export interface DraftContent {
  title?: string;
  summary?: string;
  rationale?: string;
  counterfactual?: string;
  severity?: string | null;
  codes?: string[];
  providers?: string[];
  quote?: string;
  url?: string;
}

export function syncDraft(content: DraftContent = {}, rev = 3, state: ReviewState = 'submitted', id = DRAFT_ID): SyncDraft {
  return {
    id,
    ownerId: OWNER,
    rev,
    updatedBy: OWNER,
    fields: {
      title: reg(content.title ?? 'Chatbot invents refund policy'),
      severity: reg(content.severity ?? 'S2'),
      announcementDate: reg(null),
      incidentDate: reg(null),
      reviewState: reg(state, rev),
    },
    texts: {
      summary: reg(content.summary ?? 'An airline chatbot promised a refund the policy did not allow.'),
      rationale: reg(content.rationale ?? 'The model made up a policy.'),
      counterfactual: reg(content.counterfactual ?? 'Without the chatbot no refund would have been promised.'),
      notes: reg(''),
    },
    lists: { codes: content.codes ?? ['HALL'], providers: content.providers ?? ['OpenAI'], tags: [], deployers: [], harmedParties: [] },
    sources: {
      [SOURCE_ID]: { id: SOURCE_ID, deleted: false, rev: 1, fields: { url: reg(content.url ?? 'https://news.example/chatbot'), title: reg('Airline chatbot'), publisher: reg('News') } },
    },
    quotes: {
      [QUOTE_ID]: { id: QUOTE_ID, deleted: false, rev: 1, fields: { sourceId: reg(SOURCE_ID), quote: reg(content.quote ?? 'The chatbot said a refund was due.') } },
    },
    conflicts: [],
    applied: {},
  };
}

export function status(overrides: Partial<ReviewStatus> = {}): ReviewStatus {
  return {
    draftId: DRAFT_ID,
    state: 'submitted',
    revision: 3,
    ownerId: OWNER,
    title: 'Chatbot invents refund policy',
    submittedAt: '2026-11-29T10:00:00.000Z',
    updatedAt: '2026-11-29T10:00:00.000Z',
    claim: null,
    publishedId: null,
    openComments: 0,
    ...overrides,
  };
}

export function event(overrides: Partial<ReviewEvent> = {}): ReviewEvent {
  return {
    draftId: DRAFT_ID,
    action: 'claim',
    by: 'u-reviewer',
    from: 'submitted',
    to: 'in_review',
    decidedOn: 3,
    revision: 4,
    reason: null,
    at: '2026-11-29T11:00:00.000Z',
    publishedId: null,
    ...overrides,
  };
}

export function comment(overrides: Partial<ReviewComment> = {}): ReviewComment {
  return {
    id: '3e1b6f20-7d80-41a2-8d4e-5f6a7b8c9d0e',
    draftId: DRAFT_ID,
    parentId: null,
    authorId: 'u-reviewer',
    authorName: 'Rita',
    body: 'Say which policy it invented.',
    field: 'rationale',
    quoteId: null,
    quotedText: 'The model made up a policy.',
    revision: 4,
    createdAt: '2026-11-29T11:05:00.000Z',
    outdated: false,
    resolved: null,
    replies: [],
    ...overrides,
  };
}

export function reviewDraft(overrides: Partial<ReviewDraft> = {}): ReviewDraft {
  return { status: status(), draft: syncDraft(), events: [], lastReview: null, evidence: [], ...overrides };
}

export function queuePage(items: ReviewStatus[] = [status()], overrides: Partial<QueuePage> = {}): QueuePage {
  return {
    items,
    total: items.length,
    counts: { submitted: items.length, in_review: 0, changes_requested: 0, approved: 0, rejected: 0, published: 0, withdrawn: 0 },
    nextOffset: null,
    ...overrides,
  };
}
