// @vitest-environment happy-dom
import { render } from 'preact';
import { expect, it } from 'vitest';
import { lazy } from '../../../src/ui/lazy.tsx';

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

it('shows a lazy part whose code a preload() elsewhere loaded after its first render but before its effect ran', async () => {
  // The popup preloads its parts together in its own effect; a part first rendered (as its fallback) just
  // before must still show once its code is there.
  let finish: (component: () => preact.JSX.Element) => void = () => undefined;
  const Part = lazy(() => new Promise<() => preact.JSX.Element>((resolve) => (finish = resolve)), { fallback: 'loading' });
  const root = document.createElement('div');
  document.body.append(root);
  render(<Part />, root);
  expect(root.textContent).toBe('loading');
  const preloading = Part.preload();
  finish(() => <p>the part</p>);
  await preloading;
  await settle();
  expect(root.textContent).toBe('the part');
  render(null, root);
});

it('loads and shows a lazy part on its own', async () => {
  const Part = lazy(() => Promise.resolve(() => <p>on its own</p>));
  const root = document.createElement('div');
  document.body.append(root);
  render(<Part />, root);
  await settle();
  expect(root.textContent).toBe('on its own');
  render(null, root);
});
