/**
 * Work deferred "until after paint" (the notes preview, the side panel's checklists) still runs when the
 * browser never delivers an animation frame, as in a hidden or heavily throttled page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../src/ui/after-paint.ts';

describe('afterPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1); // a frame that never comes
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('requestIdleCallback', undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs the work once even when no animation frame ever arrives', () => {
    const work = vi.fn();
    afterPaint(work);
    vi.advanceTimersByTime(5_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does not run cancelled work', () => {
    const work = vi.fn();
    afterPaint(work)();
    vi.advanceTimersByTime(5_000);
    expect(work).not.toHaveBeenCalled();
  });
});
