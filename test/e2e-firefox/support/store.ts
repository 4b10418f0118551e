/** Reads the extension's IndexedDB from one of its own pages (same origin), as the extension stores it. */
import type { Draft } from '../../../src/core/draft.ts';
import type { Firefox } from './firefox.ts';
import { evaluate } from './pages.ts';

export async function readStore<T>(ff: Firefox, extensionContext: string, storeName: 'drafts' | 'outbox'): Promise<T[]> {
  return evaluate(
    ff,
    extensionContext,
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('incident-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        };
      }),
    storeName,
  );
}

export const readStoredDrafts = (ff: Firefox, extensionContext: string) => readStore<Draft>(ff, extensionContext, 'drafts');
