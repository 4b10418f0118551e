/** Small editor preferences kept with the drafts (extension origin only). */
import { z } from 'zod';
import { db, type ClipperDb } from './db.ts';
import { readDraft } from './draft-read.ts';

const ACTIVE_DRAFT = 'activeDraftId';

/** The draft that clips from the menu and shortcut go into; none means a new draft per clip. */
export async function loadActiveDraftId(store: ClipperDb = db()): Promise<string | undefined> {
  const row = await store.settings.get(ACTIVE_DRAFT);
  const id = z.uuid().safeParse(row?.value);
  if (!id.success) return undefined;
  return (await readDraft(store, id.data)) ? id.data : undefined;
}

export async function saveActiveDraftId(id: string | undefined, store: ClipperDb = db()): Promise<void> {
  if (id === undefined) await store.settings.delete(ACTIVE_DRAFT);
  else await store.settings.put({ key: ACTIVE_DRAFT, value: id });
}

const EVERY_PAGE_MODE = 'everyPageMode';

/** The editor's opt-in to the Clip button and highlight restore on every page. */
export async function loadEveryPageMode(store: ClipperDb = db()): Promise<boolean> {
  return (await store.settings.get(EVERY_PAGE_MODE))?.value === true;
}

export async function saveEveryPageMode(enabled: boolean, store: ClipperDb = db()): Promise<void> {
  await store.settings.put({ key: EVERY_PAGE_MODE, value: enabled });
}
