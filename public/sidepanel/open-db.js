// Runs while the page is still being parsed, before the editor's code has even been fetched: when the
// page opens on a draft, it fetches that draft's row and its conflict rows with the bare IndexedDB API
// (the rows readOpenedDraft of src/store/draft-read.ts reads), so the fields can be drawn as soon as the
// editor's code is ready. Only the fetch is here: the editor makes them into an opened draft with
// draft-read.ts's openedDraftOf, as it does the live query's rows, and Dexie's live query takes over. A plain script, as extension pages
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
            const rows = { row: undefined, conflicts: [] };
            tx.objectStore('drafts').get(draftId).onsuccess = (event) => (rows.row = event.target.result);
            // Requests answer in the order made: with the last answer both rows are here. A read-only
            // transaction's answers are final, so they are taken without waiting for its commit's round trip.
            tx.objectStore('conflicts').index('draftId').getAll(draftId).onsuccess = (event) => {
              rows.conflicts = event.target.result;
              resolve(rows);
            };
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
