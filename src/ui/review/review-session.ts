/**
 * Who the archive says this token is, and a review client for it: asked once per page, when a view first
 * needs it. The client's code is fetched only then, so the editor's first paint does not wait for it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReviewClient } from '../../archive/review-client.ts';
import type { Me } from '../../core/contract.ts';
import { t } from '../../i18n/i18n.ts';
import { afterPaint } from '../after-paint.ts';

export type ReviewSession =
  | { status: 'ready'; client: ReviewClient; user: Me['user'] }
  | { status: 'no-archive' }
  | { status: 'failed'; message: string };

let session: Promise<ReviewSession> | undefined;

async function open(): Promise<ReviewSession> {
  const [{ ReviewClient }, { loadSettings }, { reviewFailure }] = await Promise.all([
    import('../../archive/review-client.ts'),
    import('../../store/settings.ts'),
    import('./failure-words.ts'),
  ]);
  const settings = await loadSettings();
  if (!settings.archiveUrl || !settings.token) return { status: 'no-archive' };
  const client = new ReviewClient(settings.archiveUrl, settings.token);
  const me = await client.me();
  if (!me.ok) {
    session = undefined; // Asked again next time: the archive may be back.
    return { status: 'failed', message: reviewFailure(me.failure) };
  }
  return { status: 'ready', client, user: me.value.user };
}

export function reviewSession(): Promise<ReviewSession> {
  return (session ??= open().catch((error: unknown) => {
    session = undefined;
    return { status: 'failed', message: t('rq_err_other', 0, String(error)) };
  }));
}

/** For tests: forget the token's answer. */
export function forgetReviewSession(): void {
  session = undefined;
}

/**
 * `later`: asked once the page has painted and settled (see afterPaint), for views that only adorn the page
 * with the answer: asking loads the store and the archive client, which would otherwise compete with the
 * page's first data for the thread.
 */
export function useReviewSession({ later = false } = {}): ReviewSession | undefined {
  const [current, setCurrent] = useState<ReviewSession>();
  useEffect(() => {
    let live = true;
    const ask = () => void reviewSession().then((value) => live && setCurrent(value));
    const cancel = later ? afterPaint(ask) : (ask(), undefined);
    return () => {
      live = false;
      cancel?.();
    };
  }, []);
  return current;
}

export const isReviewer = (session: ReviewSession | undefined): session is Extract<ReviewSession, { status: 'ready' }> =>
  session?.status === 'ready' && session.user.role === 'reviewer';
