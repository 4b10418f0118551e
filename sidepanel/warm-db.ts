/**
 * Opens the extension's database with the bare IndexedDB API, then closes it again, so the browser has
 * it open (an open takes tens of milliseconds on a large store) by the time the editor's code has loaded
 * and Dexie asks for it. No dependencies: it runs before anything else is fetched.
 */
import type { DB_NAME } from '../src/store/db.ts';

const NAME: typeof DB_NAME = 'incident-clipper';

export function warmDatabase(): void {
  try {
    const request = indexedDB.open(NAME);
    // No database yet: do not create an empty one; Dexie creates it with its schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => request.result.close();
    request.onerror = (event) => event.preventDefault();
  } catch {
    // Nothing to warm; Dexie reports real failures.
  }
}
