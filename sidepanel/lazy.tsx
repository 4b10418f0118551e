/**
 * Components whose code is fetched only when they are first shown, so the editor's first paint carries
 * only what it needs: the draft's fields. `idle` ones wait until the page has painted and is idle.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Lazy<P> = ComponentType<P> & { preload(): Promise<unknown> };

/** Runs `work` once the page has painted and is idle, so it never delays what is being drawn. */
export function afterPaint(work: () => void): () => void {
  let cancelled = false;
  let idle = 0;
  const frame = requestAnimationFrame(() => {
    idle = requestIdleCallback(() => cancelled || work(), { timeout: 300 });
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    cancelIdleCallback(idle);
  };
}

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, { idle = false, fallback = null }: { idle?: boolean; fallback?: ComponentChildren } = {}): Lazy<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // A later render tries again.
        throw error;
      },
    ));
  function LazyComponent(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      const start = () =>
        void preload().then(
          () => live && setReady(true),
          (error: unknown) => console.error(error),
        );
      const cancel = idle ? afterPaint(start) : (start(), undefined);
      return () => {
        live = false;
        cancel?.();
      };
    }, []);
    const Component = loaded;
    return Component ? <Component {...props} /> : <>{fallback}</>;
  }
  return Object.assign(LazyComponent, { preload });
}
