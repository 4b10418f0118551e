/**
 * The review of one of the editor's own drafts: the kept copy at once, then the archive's answer, asked
 * again whenever the draft's review state moves (a sync pulled a decision) or the page opens it.
 */
import { useEffect } from 'preact/hooks';
import type { Draft } from '../core/draft.ts';
import { cachedReview, type ReviewInfo } from '../store/review-info.ts';
import { useLiveQuery } from './live-query.ts';

/** Under review as far as the device knows: sent through the outbox, or moved by the archive since. */
export const inReview = (draft: Pick<Draft, 'reviewState' | 'submission'>): boolean => draft.reviewState !== 'draft' || draft.submission?.state === 'accepted';

async function refresh(draftId: string): Promise<void> {
  const [{ ReviewClient }, { loadSettings }, { refreshReview }] = await Promise.all([
    import('../archive/review-client.ts'),
    import('../store/settings.ts'),
    import('../store/review-info.ts'),
  ]);
  const settings = await loadSettings();
  if (settings.archiveUrl && settings.token) await refreshReview(new ReviewClient(settings.archiveUrl, settings.token), draftId);
}

export function useReview(draft: Draft): ReviewInfo | undefined | null {
  const watching = inReview(draft);
  useEffect(() => {
    if (watching) void refresh(draft.id).catch((error: unknown) => console.warn('review', error));
  }, [draft.id, draft.reviewState, watching]);
  return useLiveQuery(async () => (watching ? ((await cachedReview(draft.id)) ?? null) : null), [draft.id, watching]);
}
