/**
 * The store's actions on sources and quotes, loaded on first use rather than with the editor: their
 * modules carry the schemas, which drawing the fields does not need.
 */
import type * as Clips from '../src/store/clips.ts';
import type * as Editing from '../src/store/editing.ts';

const editing = () => import('../src/store/editing.ts');

export async function addQuote(...args: Parameters<typeof Editing.addQuote>) {
  return (await editing()).addQuote(...args);
}

export async function addSource(...args: Parameters<typeof Editing.addSource>) {
  return (await editing()).addSource(...args);
}

export async function removeSource(...args: Parameters<typeof Editing.removeSource>) {
  return (await editing()).removeSource(...args);
}

export async function removeClip(...args: Parameters<typeof Clips.removeClip>) {
  return (await import('../src/store/clips.ts')).removeClip(...args);
}
