/**
 * The baselines of the drafts benchmark, run inside an extension page (same origin as the extension's
 * database) with the bare IndexedDB API: what the same work costs without the product's code.
 * Each function is sent to the page as source, so it is self-contained.
 */
import type { Page } from 'playwright-core';

export const STORE_DB = 'incident-clipper';

/** Puts the rows the import stored, read back first, into a fresh database with the same store and indexes. */
export async function barePutsMs(page: Page): Promise<number> {
  return page.evaluate(async (dbName) => {
    const wait = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const source = await wait(indexedDB.open(dbName));
    const store = source.transaction('drafts').objectStore('drafts');
    const rows = await wait(store.getAll());
    const indexes = [...store.indexNames].map((name) => store.index(name));
    const shape = indexes.map((index) => ({ name: index.name, keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique }));
    const keyPath = store.keyPath;
    source.close();
    const bareName = 'bench-bare-puts';
    await wait(indexedDB.deleteDatabase(bareName));
    const opening = indexedDB.open(bareName, 1);
    opening.onupgradeneeded = () => {
      const created = opening.result.createObjectStore('drafts', { keyPath });
      for (const index of shape) created.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry, unique: index.unique });
    };
    const target = await wait(opening);
    const start = performance.now();
    // One transaction, as the import writes (it is all or nothing). Batches of 500 per transaction would
    // be the softer baseline: on this machine they took about 10% longer than one transaction.
    const transaction = target.transaction('drafts', 'readwrite');
    const drafts = transaction.objectStore('drafts');
    for (const row of rows) drafts.put(row);
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    const ms = performance.now() - start;
    target.close();
    await wait(indexedDB.deleteDatabase(bareName));
    return ms;
  }, STORE_DB);
}

export type BareRead = { kind: 'recent'; count: number } | { kind: 'one'; id: string } | { kind: 'all' };

/** Opens the database and reads what a page needs (the newest drafts, one draft, or every draft). */
export async function bareReadMs(page: Page, read: BareRead): Promise<number> {
  return page.evaluate(
    async ({ dbName, read }) => {
      const wait = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const start = performance.now();
      const database = await wait(indexedDB.open(dbName));
      const store = database.transaction('drafts').objectStore('drafts');
      if (read.kind === 'one') await wait(store.get(read.id));
      else if (read.kind === 'all') await wait(store.getAll());
      else {
        await new Promise<void>((resolve, reject) => {
          const rows: unknown[] = [];
          const cursor = store.index('updatedAt').openCursor(null, 'prev');
          cursor.onsuccess = () => {
            if (cursor.result && rows.length < read.count) {
              rows.push(cursor.result.value);
              cursor.result.continue();
            } else resolve();
          };
          cursor.onerror = () => reject(cursor.error);
        });
      }
      const ms = performance.now() - start;
      database.close();
      return ms;
    },
    { dbName: STORE_DB, read },
  );
}

/** A bare substring scan of every draft's title and quotes, per query (the rows read beforehand). */
export async function bareScanMs(page: Page, queries: string[]): Promise<number[]> {
  return page.evaluate(
    async ({ dbName, queries }) => {
      const wait = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const database = await wait(indexedDB.open(dbName));
      const rows = (await wait(database.transaction('drafts').objectStore('drafts').getAll())) as { title: string; clips: { quote: string }[] }[];
      database.close();
      const texts = rows.map((row) => `${row.title} ${row.clips.map((clip) => clip.quote).join(' ')}`.toLowerCase());
      return queries.map((query) => {
        const words = query.toLowerCase().split(/\s+/);
        const start = performance.now();
        texts.filter((text) => words.some((word) => text.includes(word))).slice(0, 50);
        return performance.now() - start;
      });
    },
    { dbName: STORE_DB, queries },
  );
}

/** Waits until the search index is saved in its own database; the time it took, or NaN after `timeoutMs`. */
export async function waitForSavedIndexMs(page: Page, timeoutMs: number): Promise<number> {
  return page.evaluate(
    async ({ name, timeoutMs }) => {
      const start = performance.now();
      while (performance.now() - start < timeoutMs) {
        const saved = await new Promise<boolean>((resolve) => {
          const open = indexedDB.open(name);
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const database = open.result;
            if (!database.objectStoreNames.contains('snapshots')) {
              database.close();
              return resolve(false);
            }
            const count = database.transaction('snapshots').objectStore('snapshots').count();
            count.onsuccess = () => {
              database.close();
              resolve(count.result > 0);
            };
            count.onerror = () => resolve(false);
          };
        });
        if (saved) return performance.now() - start;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return Number.NaN;
    },
    { name: `${STORE_DB}-search`, timeoutMs },
  );
}

/** Deletes the saved search index, so the next first query has to build it. */
export async function dropSavedIndex(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('snapshots', 'readwrite');
          transaction.objectStore('snapshots').clear();
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    `${STORE_DB}-search`,
  );
}
