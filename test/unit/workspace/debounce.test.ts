import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounced } from '../../../src/workspace/debounce.ts';

describe('autosave debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after a quiet spell, not on every keystroke', async () => {
    const save = vi.fn(async () => undefined);
    const autosave = debounced(save, 400);
    for (let i = 0; i < 10; i += 1) {
      autosave.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flushes a pending save at once (page hidden or closed), and a flush with nothing pending saves nothing', async () => {
    const save = vi.fn(async () => undefined);
    const autosave = debounced(save, 400);
    autosave.schedule();
    expect(autosave.pending).toBe(true);
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.pending).toBe(false);
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('runs saves one after another, and keeps going after a failed one', async () => {
    const order: string[] = [];
    let fail = true;
    const autosave = debounced(async () => {
      order.push('start');
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      order.push('end');
    }, 10);
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(20);
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(200);
    expect(order).toEqual(['start', 'start', 'end']);
  });
});
