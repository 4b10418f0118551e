import { z } from 'zod';
import { db, type ClipperDb } from './db.ts';

export const ArchiveSettings = z.object({
  archiveUrl: z.string().default(''),
  token: z.string().default(''),
  /** Set when the archive answered 401: the queue waits for a new token instead of burning retries. */
  paused: z.boolean().default(false),
});
export type ArchiveSettings = z.infer<typeof ArchiveSettings>;

declare const __CLIPPER_DEFAULTS__: { archiveUrl: string; token: string } | undefined;

/** Build-time defaults: `npm start` bakes in the local archive and its ready user. */
function buildDefaults(): Partial<ArchiveSettings> {
  return typeof __CLIPPER_DEFAULTS__ === 'undefined' ? {} : __CLIPPER_DEFAULTS__;
}

const KEY = 'archive';

export async function loadSettings(store: ClipperDb = db()): Promise<ArchiveSettings> {
  const row = await store.settings.get(KEY);
  const parsed = ArchiveSettings.safeParse(row?.value ?? buildDefaults());
  return parsed.success ? parsed.data : ArchiveSettings.parse({});
}

export async function saveSettings(patch: Partial<ArchiveSettings>, store: ClipperDb = db()): Promise<ArchiveSettings> {
  return store.transaction('rw', store.settings, async () => {
    const next = ArchiveSettings.parse({ ...(await loadSettings(store)), ...patch });
    await store.settings.put({ key: KEY, value: next });
    return next;
  });
}
