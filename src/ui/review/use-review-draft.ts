/**
 * One draft under review as the archive has it now: the draft, its comments, and what the reviewer is
 * doing to it. Every action ends by reading the draft again, so what is shown is what the archive decided;
 * a refusal is kept as a sentence until the next action.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../archive/client.ts';
import type { ReviewClient } from '../../archive/review-client.ts';
import type { ReviewComment, ReviewDraft } from '../../core/review-contract.ts';
import { reviewFailure } from './failure-words.ts';

export interface ReviewDraftState {
  read?: ReviewDraft;
  comments: ReviewComment[];
  /** The last refusal or failed read, in plain words. */
  error?: string;
  /** An action is on its way: buttons wait. */
  busy: boolean;
  reload(): Promise<void>;
  /** Runs one request; true when the archive took it. */
  act(request: (client: ReviewClient) => Promise<ApiResult<unknown>>): Promise<boolean>;
}

export function useReviewDraft(client: ReviewClient, draftId: string): ReviewDraftState {
  const [read, setRead] = useState<ReviewDraft>();
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const [draft, list] = await Promise.all([client.draft(draftId), client.comments(draftId)]);
    if (draft.ok) setRead(draft.value);
    if (list.ok) setComments(list.value);
    const failed = !draft.ok ? draft.failure : !list.ok ? list.failure : undefined;
    if (failed) setError(reviewFailure(failed));
  }, [client, draftId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const act = useCallback(
    async (request: (client: ReviewClient) => Promise<ApiResult<unknown>>) => {
      setBusy(true);
      setError(undefined);
      try {
        const result = await request(client);
        if (!result.ok) setError(reviewFailure(result.failure));
        await reload();
        if (!result.ok) setError(reviewFailure(result.failure));
        return result.ok;
      } finally {
        setBusy(false);
      }
    },
    [client, reload],
  );

  return { read, comments, error, busy, reload, act };
}
