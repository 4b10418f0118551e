/**
 * Components whose code is fetched only when they are first shown, so a page's first paint carries
 * only what it needs (the editor: the draft's fields). `idle` ones wait until the page has painted and settled.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterPaint } from './after-paint.ts';

export type Lazy<P> = ComponentType<P> & { preload(): Promise<unknown> };

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
    const shownAtFirst = loaded !== undefined;
    useEffect(() => {
      // Loaded (by a `preload()` elsewhere) between the first render and this effect: show it now.
      if (loaded) {
        if (!shownAtFirst) setReady(true);
        return;
      }
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
