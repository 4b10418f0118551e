/**
 * The sync engine on the device side, in Node on fake-indexeddb (slower than Chromium's IndexedDB, so an
 * upper bound), against the real archive in-process on PGlite (on disk):
 * - `sync.edit_local.p95_ms`: one editor save of a long text (the draft and its sync op in one
 *   transaction), beside the same saves on a database without the sync middleware (same run);
 * - `sync.queue_1000.drain_ms`: a device back from a week offline with 1,000 queued edits drains them
 *   (push, then pull), beside a drain with nothing queued (same run).
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArchiveClient } from '../src/archive/client.ts';
import { draftFromCapture } from '../src/core/clip-ops.ts';
import { ClipperDb } from '../src/store/db.ts';
import { saveCapture } from '../src/store/drafts.ts';
import { saveFieldEdits } from '../src/store/editing.ts';
import { saveSettings } from '../src/store/settings.ts';
import { syncOutboxMiddleware } from '../src/store/sync-outbox.ts';
import { syncNow } from '../src/sync/engine.ts';
import { startArchiveServer } from '../server/index.ts';
import { capture } from '../test/unit/support/fixtures.ts';
import { compared, percentile, round, type Figures } from './types.ts';

const EDITS = 300;
const QUEUED = 1_000;
let databases = 0;

async function editTimes(withSync: boolean): Promise<number[]> {
  const store = new ClipperDb(`bench-sync-${(databases += 1)}`);
  if (!withSync) store.unuse({ stack: 'dbcore', name: syncOutboxMiddleware.name! });
  const { draft } = await saveCapture(capture(), 'new', { store });
  let text = draft.rationale;
  const times: number[] = [];
  for (let i = 0; i < EDITS; i += 1) {
    const next = `${text} Sentence ${i} of the rationale, typed a little at a time.`;
    const started = performance.now();
    await saveFieldEdits(draft.id, [{ path: 'rationale', base: text, value: next }], store);
    times.push(performance.now() - started);
    text = next;
  }
  store.close();
  return times.slice(20);
}

async function drainTime(url: string, token: string, queued: number): Promise<number> {
  const store = new ClipperDb(`bench-sync-${(databases += 1)}`);
  await saveSettings({ archiveUrl: url, token }, store);
  const deps = { store, clientFor: (base: string, key: string) => new ArchiveClient(base, key), force: true };
  await syncNow(deps);
  if (queued > 0) {
    const { draft } = draftFromCapture(capture());
    await store.drafts.put(draft);
    // Two fields in turn, as an editor going back and forth: consecutive edits of one field would fold into one op.
    let [title, summary] = [draft.title, draft.summary];
    for (let i = 1; (await store.syncOps.count()) < queued; i += 1) {
      const edit = i % 2 === 0 ? { path: 'title' as const, base: title, value: `Title, version ${i}` } : { path: 'summary' as const, base: summary, value: `${summary} Line ${i}.` };
      await saveFieldEdits(draft.id, [edit], store);
      if (edit.path === 'title') title = edit.value;
      else summary = edit.value;
    }
  }
  const started = performance.now();
  await syncNow(deps);
  const elapsed = performance.now() - started;
  if ((await store.syncOps.count()) !== 0) throw new Error('The queue did not drain.');
  store.close();
  return elapsed;
}

export async function run(): Promise<Figures> {
  const baseline = await editTimes(false);
  const synced = await editTimes(true);
  const root = await mkdtemp(path.join(tmpdir(), 'bench-sync-'));
  const server = await startArchiveServer({ port: 0, dataDir: path.join(root, 'db'), logLevel: 'silent' });
  try {
    const { token } = await server.createUser({ name: 'Bench', role: 'editor' });
    const empty = await drainTime(server.url, token, 0);
    const full = await drainTime(server.url, token, QUEUED);
    return {
      'sync.edit_local.p95_ms': compared(round(percentile(synced, 0.95)), 'ms', { value: round(percentile(baseline, 0.95)), what: 'the same saves on a database without the sync middleware (Node, fake-indexeddb)' }, 'value ≤ 10 ms'),
      'sync.queue_1000.drain_ms': compared(round(full, 0), 'ms', { value: round(empty, 0), what: 'a drain with nothing queued (push skipped, one empty pull)' }, 'value ≤ 30,000 ms'),
    };
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}
