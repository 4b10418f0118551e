/**
 * Who may move a draft from one review state to another. Claiming (submitted → in_review) and releasing
 * (in_review → submitted) have their own routes; an author's edit reopening review happens in sync.
 */
import type { ReviewState } from '../../src/core/draft.ts';
import { ApiProblem } from '../errors.ts';

export interface Actor {
  id: string;
  role: 'editor' | 'reviewer';
}

export interface ReviewFacts {
  state: ReviewState;
  ownerId: string;
  /** The reviewer holding the claim, and whether the lease is still running. */
  claim: { userId: string; live: boolean } | null;
}

type Mover = 'author' | 'claimant' | 'reviewer';

/** from → to → who. A reviewer here is any reviewer but the author; a claimant is the reviewer holding the live claim. */
const MOVES: Partial<Record<ReviewState, Partial<Record<ReviewState, Mover>>>> = {
  draft: { submitted: 'author' },
  changes_requested: { submitted: 'author', withdrawn: 'author' },
  withdrawn: { submitted: 'author' },
  submitted: { withdrawn: 'author' },
  in_review: { changes_requested: 'claimant', approved: 'claimant', rejected: 'claimant' },
  approved: { published: 'reviewer' },
};

const WHO: Record<Mover, string> = {
  author: 'the draft\'s author',
  claimant: 'the reviewer who claimed it',
  reviewer: 'a reviewer other than the author',
};

/** Throws the refusal (403 who, 409 state or claim, 400 missing reason) unless `actor` may move the draft to `to`. */
export function checkTransition(facts: ReviewFacts, to: ReviewState, actor: Actor, reason: string | undefined): void {
  const mover = MOVES[facts.state]?.[to];
  if (!mover) {
    const hint = facts.state === 'submitted' && to === 'in_review' ? ' Claim it instead.' : '';
    throw new ApiProblem(409, 'invalid_transition', `A draft that is ${facts.state} cannot become ${to}.${hint}`, [{ path: 'to', message: `Not allowed from ${facts.state}.` }]);
  }
  const isAuthor = actor.id === facts.ownerId;
  const allowed =
    mover === 'author' ? isAuthor : !isAuthor && actor.role === 'reviewer' && (mover === 'reviewer' || facts.claim?.userId === actor.id);
  if (!allowed) throw new ApiProblem(403, 'forbidden', `Only ${WHO[mover]} may move this draft from ${facts.state} to ${to}.`);
  if (mover === 'claimant' && !facts.claim?.live) {
    throw new ApiProblem(409, 'claim_expired', 'Your claim on this draft has expired; claim it again to decide.', [{ path: 'claim', message: 'Expired.' }]);
  }
  if (to === 'rejected' && !reason) throw new ApiProblem(400, 'validation_failed', 'A rejection needs a reason.', [{ path: 'reason', message: 'Required.' }]);
}
