/** A debounced action that can be flushed at once (on `pagehide`) so no pending change is dropped. */
export interface Debounced {
  schedule(): void;
  flush(): Promise<void>;
  readonly pending: boolean;
}

export function debounced(action: () => Promise<void>, delayMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    timer = undefined;
    running = running.then(action, action);
    return running;
  };
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    },
    flush() {
      if (timer === undefined) return running;
      clearTimeout(timer);
      return run();
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
