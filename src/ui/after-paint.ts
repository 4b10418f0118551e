/**
 * Runs `work` a moment after the page has painted, when it is idle: code that is not needed to draw the
 * first screen (panels, checklists, the store's schemas) then does not compete with drawing it, nor with
 * the first keystrokes. Returns a cancel function.
 */
export const SETTLE_MS = 150;
/** A hidden or throttled page may deliver no animation frame for a long time; the work runs anyway. */
const NO_FRAME_FALLBACK_MS = 1_000;

export function afterPaint(work: () => void): () => void {
  let cancelled = false;
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const settle = () => {
    if (settled) return;
    settled = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => cancelled || work(), { timeout: 500 });
      else if (!cancelled) work();
    }, SETTLE_MS);
  };
  const frame = requestAnimationFrame(settle);
  const fallback = setTimeout(settle, NO_FRAME_FALLBACK_MS);
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
