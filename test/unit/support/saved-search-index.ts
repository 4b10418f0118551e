import { Dexie } from 'dexie';

/** Whether the search index is saved in its database, as the next page (a cold start) would look for it. */
export async function savedIndexCount(name: string): Promise<number> {
  const searchDb = new Dexie(`${name}-search`);
  searchDb.version(1).stores({ snapshots: 'key' });
  try {
    return await searchDb.table('snapshots').count();
  } finally {
    searchDb.close();
  }
}
