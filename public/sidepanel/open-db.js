// Runs while the page is still being parsed, before the editor's code has even been fetched: when the
// page opens on a draft, it reads that draft (with its clips) and its conflicts with the bare IndexedDB API
// (the same reads as readDraftView in src/ui/draft-view.ts), so the fields can be drawn as soon as the
// editor's code is ready; Dexie's live query takes over from there. A plain script, as extension pages
// allow no inline code. The database name is DB_NAME of src/store/db.ts. Any surprise (no database, an
// older schema) gives undefined, and the editor simply waits for its live query.
{
  const draftId = new URLSearchParams(location.search).get('draft');
  if (draftId) {
    globalThis.clipperFirstView = new Promise((resolve) => {
      try {
        const request = indexedDB.open('incident-clipper');
        // No database yet: create none here; Dexie creates it with its schema.
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = (event) => {
          event.preventDefault();
          resolve(undefined);
        };
        request.onsuccess = () => {
          const db = request.result;
          try {
            const tx = db.transaction(['drafts', 'conflicts'], 'readonly');
            const view = { draft: undefined, clips: [], conflicts: [] };
            tx.objectStore('drafts').get(draftId).onsuccess = (event) => {
              view.draft = event.target.result;
              view.clips = view.draft?.clips ?? [];
            };
            tx.objectStore('conflicts').index('draftId').getAll(draftId).onsuccess = (event) => (view.conflicts = event.target.result);
            tx.oncomplete = () => resolve(view);
            tx.onabort = () => resolve(undefined);
          } catch {
            resolve(undefined);
          } finally {
            db.close(); // Takes effect once the transaction is done; never holds up a schema upgrade.
          }
        };
      } catch {
        resolve(undefined);
      }
    });
  }
}
