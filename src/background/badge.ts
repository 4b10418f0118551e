import { browser } from '../extension-api.ts';
import { t } from '../i18n/i18n.ts';

const FLASH_MS = 4_000;
let restore: ReturnType<typeof setTimeout> | undefined;
let steadyText = '';

/** The steady badge: how many submissions wait to be sent. */
export async function setPendingCount(count: number): Promise<void> {
  steadyText = count > 0 ? String(count) : '';
  if (restore === undefined) await browser.action.setBadgeText({ text: steadyText });
}

/** A short signal after a clip ('+1') or a failure ('!'), with the reason as the button's tooltip. */
export async function flashBadge(text: string, title: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: text === '!' ? '#b3261e' : '#1f6f43' });
  await browser.action.setBadgeText({ text });
  await browser.action.setTitle({ title: t('badge_title_reason', title) });
  clearTimeout(restore);
  restore = setTimeout(() => {
    restore = undefined;
    void browser.action.setBadgeBackgroundColor({ color: '#1f3a5f' });
    void browser.action.setBadgeText({ text: steadyText });
    void browser.action.setTitle({ title: t('extName') });
  }, FLASH_MS);
}
