/** Reads the extension's IndexedDB from one of its own pages (same origin), as the extension stores it. */
import type { Draft } from '../../../src/core/draft.ts';
import { readObjectStore } from '../../e2e/support/read-store.ts';
import type { Firefox } from './firefox.ts';
import { evaluate } from './pages.ts';

export async function readStore<T>(ff: Firefox, extensionContext: string, storeName: 'drafts' | 'outbox'): Promise<T[]> {
  return evaluate(ff, extensionContext, readObjectStore<T>, storeName);
}

export const readStoredDrafts = (ff: Firefox, extensionContext: string) => readStore<Draft>(ff, extensionContext, 'drafts');
