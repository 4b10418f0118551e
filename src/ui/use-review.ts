/**
 * The review of one of the editor's own drafts: the kept copy at once, then the archive's answer, asked
 * again whenever the draft's review state moves (a sync pulled a decision) or a page opens it.
 */
import { useEffect } from 'preact/hooks';
import type { Draft } from '../core/draft.ts';
import { cachedReview, type ReviewInfo } from '../store/review-info.ts';
import { useLiveQuery } from './live-query.ts';

/** Under review as far as the device knows: sent through the outbox, or moved by the archive since. */
export const inReview = (draft: Pick<Draft, 'reviewState' | 'submission'>): boolean => draft.reviewState !== 'draft' || draft.submission?.state === 'accepted';

/** One question per draft and state at a time, however many parts of the page ask (the panel, the fields). */
const asking = new Map<string, Promise<void>>();

function refresh(draftId: string, state: string): Promise<void> {
  const key = `${draftId}:${state}`;
  const running = asking.get(key);
  if (running) return running;
  const question = (async () => {
    const [{ ReviewClient }, { loadSettings }, { refreshReview }] = await Promise.all([
      import('../archive/review-client.ts'),
      import('../store/settings.ts'),
      import('../store/review-info.ts'),
    ]);
    const settings = await loadSettings();
    if (settings.archiveUrl && settings.token) await refreshReview(new ReviewClient(settings.archiveUrl, settings.token), draftId);
  })().finally(() => asking.delete(key));
  asking.set(key, question);
  return question;
}

/** `null` while the draft is not under review (or no copy is kept yet); undefined while reading. */
export function useReview(draft: Draft | undefined): ReviewInfo | undefined | null {
  const watching = draft !== undefined && inReview(draft);
  const id = draft?.id;
  useEffect(() => {
    if (watching && id) void refresh(id, draft.reviewState).catch((error: unknown) => console.warn('review', error));
  }, [id, draft?.reviewState, watching]);
  return useLiveQuery(async () => (watching && id ? ((await cachedReview(id)) ?? null) : null), [id, watching]);
}
