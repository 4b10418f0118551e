// Runs while the page is still being parsed, before the editor's code has even been fetched: when the
// page opens on a draft, it asks the browser to open the extension's database (tens of milliseconds on a
// large store) and closes it again, so Dexie finds it ready. A plain script, as extension pages allow no
// inline code. The name is DB_NAME of src/store/db.ts.
if (new URLSearchParams(location.search).has('draft')) {
  try {
    const request = indexedDB.open('incident-clipper');
    // No database yet: create none here; Dexie creates it with its schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => request.result.close();
    request.onerror = (event) => event.preventDefault();
  } catch {
    // Nothing to prepare; Dexie reports real failures.
  }
}
