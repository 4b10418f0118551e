/**
 * The badge's count of drafts waiting on this person, asked of the archive after a sync: an editor's own
 * drafts with changes requested, or, for a reviewer, the drafts nobody has claimed in the queue. Offline,
 * the last count stays.
 */
import { ReviewClient } from '../archive/review-client.ts';
import { db } from '../store/db.ts';
import { loadSettings } from '../store/settings.ts';
import { readEngine } from '../sync/state.ts';
import { setBadgeCounts } from './badge.ts';

/** As many as the archive lists at once: more drafts than that sent back for changes is past counting. */
const OWN_DRAFTS_PAGE = 200;

export async function countWaitingOnYou(client: ReviewClient, role: 'editor' | 'reviewer'): Promise<number | undefined> {
  if (role === 'reviewer') {
    const page = await client.queue({ claimed: 'none', limit: 1 });
    return page.ok ? page.value.total : undefined;
  }
  // Asked by state: a draft sent back long ago, behind many more recent ones, still waits on its editor.
  const mine = await client.myDrafts(0, OWN_DRAFTS_PAGE, 'changes_requested');
  return mine.ok ? mine.value.filter((status) => status.state === 'changes_requested').length : undefined;
}

export async function refreshWaitingBadge(): Promise<void> {
  const [settings, engine] = await Promise.all([loadSettings(), readEngine(db())]);
  if (!settings.archiveUrl || !settings.token) return setBadgeCounts({ waitingOnYou: 0 });
  const role = engine.user?.token === settings.token ? engine.user.role : undefined;
  if (!role) return;
  const waiting = await countWaitingOnYou(new ReviewClient(settings.archiveUrl, settings.token), role);
  if (waiting !== undefined) await setBadgeCounts({ waitingOnYou: waiting, role });
}
