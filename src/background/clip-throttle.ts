/**
 * Clips a page asks for (the in-page Clip button) are limited per tab: a person does not clip more than
 * a few passages a minute, and a compromised page must not fill the drafts list. Clips from the browser's
 * own menu, shortcut and popup are not counted: a page cannot forge those.
 */
export const PAGE_CLIPS_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

export type ThrottleVerdict = { ok: true } | { ok: false; retryInSeconds: number };

export function createClipThrottle(limit = PAGE_CLIPS_PER_MINUTE, now: () => number = Date.now) {
  const recent = new Map<number, number[]>();
  return (tabId: number): ThrottleVerdict => {
    const at = now();
    const times = (recent.get(tabId) ?? []).filter((time) => at - time < WINDOW_MS);
    if (times.length >= limit) {
      recent.set(tabId, times);
      return { ok: false, retryInSeconds: Math.ceil((times[0]! + WINDOW_MS - at) / 1000) };
    }
    recent.set(tabId, [...times, at]);
    return { ok: true };
  };
}
