/**
 * Reads a whole object store of the extension's IndexedDB. Runs inside one of the extension's own contexts
 * (sent there as source by Playwright or WebDriver BiDi), so it is self-contained.
 */
export function readObjectStore<T>(storeName: string): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('incident-clipper');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(storeName).objectStore(storeName).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
      request.onerror = () => reject(request.error);
    };
  });
}
