import { t } from '../../src/i18n/i18n.ts';
import { useReviewSession } from '../../src/ui/review/review-session.ts';
import { ReviewQueue } from './ReviewQueue.tsx';
import { ReviewView } from './ReviewView.tsx';

/** The reviewer's side of the workspace (loaded only when opened): the queue, or one draft under review. */
export function ReviewPage({ draftId, onOpen }: { draftId: string | null; onOpen: (draftId: string) => void }) {
  const session = useReviewSession();
  if (!session) return <p class="muted">{t('rq_loading')}</p>;
  if (session.status === 'no-archive') return <p class="notice">{t('rq_no_archive')}</p>;
  if (session.status === 'failed') return <p class="notice error" role="alert">{session.message}</p>;
  if (session.user.role !== 'reviewer' && !draftId) return <p class="notice">{t('rq_not_reviewer', session.user.name)}</p>;
  return draftId ? <ReviewView key={draftId} session={session} draftId={draftId} /> : <ReviewQueue session={session} onOpen={onOpen} />;
}
