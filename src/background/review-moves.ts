/**
 * The author's own moves of a draft under review: resubmitting it after changes were requested (or after
 * withdrawing it), and withdrawing it. The archive decides each on a revision, so the device first sends its
 * pending edits and takes the archive's latest copy (a sync), then asks with that copy's revision; if the
 * draft changed in between (409 stale_revision) it syncs once more and asks again.
 */
import type { ApiResult } from '../archive/client.ts';
import { ReviewClient } from '../archive/review-client.ts';
import type { ReviewEvent } from '../core/review-contract.ts';
import { t } from '../i18n/i18n.ts';
import type { Reply } from '../messages.ts';
import { db } from '../store/db.ts';
import { refreshReview } from '../store/review-info.ts';
import { loadSettings } from '../store/settings.ts';
import { checkLabel } from '../ui/check-label.ts';
import { REQUIREMENTS_UNMET, unmetRequirementsWords } from '../workspace/requirement-words.ts';
import { runSync } from './sync-runner.ts';
import { submitBlockers } from './submit-readiness.ts';

export type AuthorMove = 'submitted' | 'withdrawn';

const isStale = (reply: ApiResult<unknown>) => !reply.ok && reply.failure.kind === 'http' && reply.failure.code === 'stale_revision';

export async function moveOwnDraft(draftId: string, to: AuthorMove): Promise<Reply<ReviewEvent>> {
  const settings = await loadSettings();
  if (!settings.archiveUrl || !settings.token) return { ok: false, error: t('re_move_needs_archive') };
  if (to === 'submitted') {
    const blockers = await submitBlockers(draftId);
    if (blockers.length > 0) return { ok: false, error: t('submit_not_ready', blockers.map(checkLabel).join('; ')) };
  }
  const client = new ReviewClient(settings.archiveUrl, settings.token);
  let reply: ApiResult<ReviewEvent> | undefined;
  for (let attempt = 0; attempt < 2 && (reply === undefined || isStale(reply)); attempt += 1) {
    await runSync(true);
    if ((await db().syncOps.where('draftId').equals(draftId).count()) > 0) return { ok: false, error: t('re_move_unsent') };
    const revision = (await db().syncCopies.get(draftId))?.copy?.rev;
    if (revision === undefined) return { ok: false, error: t('re_move_unsent') };
    reply = await client.transition(draftId, { to, revision });
  }
  if (!reply!.ok) {
    const { failure } = reply!;
    const unmet = failure.kind === 'http' && failure.code === REQUIREMENTS_UNMET;
    return { ok: false, error: unmet ? unmetRequirementsWords(failure.fields) : failure.message };
  }
  // The new state reaches the draft as any change does, by a pull; the review panel reads the rest.
  await runSync(true);
  await refreshReview(client, draftId);
  return { ok: true, value: reply!.value };
}
