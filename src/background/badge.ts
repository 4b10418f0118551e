import { browser } from '../extension-api.ts';
import { t } from '../i18n/i18n.ts';

const FLASH_MS = 4_000;
const COLOURS = { waiting: '#8a4b00', unsent: '#1f3a5f' } as const;
let restore: ReturnType<typeof setTimeout> | undefined;

/**
 * What the steady badge counts. `waitingOnYou` comes first: drafts that wait for this person (an editor's
 * drafts with changes requested; for a reviewer, the queue's unclaimed drafts). Otherwise, submissions still
 * waiting to be sent.
 */
export interface BadgeCounts {
  unsent: number;
  waitingOnYou: number;
  role: 'editor' | 'reviewer';
}

let counts: BadgeCounts = { unsent: 0, waitingOnYou: 0, role: 'editor' };

export function steadyBadge({ unsent, waitingOnYou, role }: BadgeCounts): { text: string; colour: string; title: string } {
  const parts = [
    waitingOnYou > 0 && (role === 'reviewer' ? t('re_badge_unclaimed', waitingOnYou) : t('re_badge_changes_requested', waitingOnYou)),
    unsent > 0 && t('re_badge_unsent', unsent),
  ].filter((part): part is string => Boolean(part));
  return {
    text: waitingOnYou > 0 ? String(waitingOnYou) : unsent > 0 ? String(unsent) : '',
    colour: waitingOnYou > 0 ? COLOURS.waiting : COLOURS.unsent,
    title: parts.length > 0 ? `${t('extName')}: ${parts.join('; ')}` : t('extName'),
  };
}

async function showSteady(): Promise<void> {
  const steady = steadyBadge(counts);
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ color: steady.colour }),
    browser.action.setBadgeText({ text: steady.text }),
    browser.action.setTitle({ title: steady.title }),
  ]);
}

/** Updates what the steady badge counts (the rest stays as it was). */
export async function setBadgeCounts(patch: Partial<BadgeCounts>): Promise<void> {
  counts = { ...counts, ...patch };
  if (restore === undefined) await showSteady();
}

/** How many submissions wait to be sent. */
export function setPendingCount(count: number): Promise<void> {
  return setBadgeCounts({ unsent: count });
}

/** A short signal after a clip ('+1') or a failure ('!'), with the reason as the button's tooltip. */
export async function flashBadge(text: string, title: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: text === '!' ? '#b3261e' : '#1f6f43' });
  await browser.action.setBadgeText({ text });
  await browser.action.setTitle({ title: t('badge_title_reason', title) });
  clearTimeout(restore);
  restore = setTimeout(() => {
    restore = undefined;
    void showSteady();
  }, FLASH_MS);
}
