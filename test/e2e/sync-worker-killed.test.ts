/**
 * The service worker killed in the middle of a push, after the archive stored it but before its reply
 * arrived: the restarted worker resumes from IndexedDB and the archive ends with every op exactly once.
 * A gate in front of the real archive (on its embedded database) holds the push reply, so the kill
 * lands at that moment on any machine, however loaded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/index.ts';
import type { SyncOpRow } from '../../src/store/db.ts';
import type { ClientRow } from '../../src/store/sync-outbox.ts';
import { startTestArchive, type TestArchive } from './support/archive.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { dumpStores, openEditorPage, typeInto, waitSaved } from './support/editor.ts';
import { configureArchive } from './support/pages.ts';
import { killWorker, wakeWorker } from './support/waits.ts';

interface PushedOp {
  seq: number;
  opId: string;
}

/**
 * Passes every request on to the archive. While closed, each push is passed on and the archive's reply is
 * kept back: `held` resolves once the archive has answered the first, and the device never gets those answers.
 */
class PushGate {
  readonly pushes: { clientId: string; ops: PushedOp[] }[] = [];
  private open = false;
  private readonly heldReplies: ServerResponse[] = [];
  private server: Server;
  private notifyHeld!: (ops: PushedOp[]) => void;
  readonly held = new Promise<PushedOp[]>((resolve) => (this.notifyHeld = resolve));

  constructor(private readonly target: string) {
    // An archive that is gone (the test's teardown, while the restarted worker still syncs) answers as a
    // gateway would, not with an unhandled rejection in the test run.
    this.server = createServer((request, response) => void this.relay(request, response).catch(() => (response.headersSent ? response.destroy() : response.writeHead(502).end())));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** From now on every reply goes through; the held ones are dropped, as a dead worker's connection is. */
  release(): void {
    this.open = true;
    for (const reply of this.heldReplies) reply.destroy();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async relay(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = Object.entries(request.headers).flatMap(([name, value]) => (name === 'host' || value === undefined ? [] : [[name, String(value)] as [string, string]]));
    const upstream = await fetch(this.target + request.url, { method: request.method, headers, ...(body.length > 0 ? { body } : {}) });
    const reply = Buffer.from(await upstream.arrayBuffer());
    const isPush = request.url === '/v1/sync/push';
    if (isPush) this.pushes.push(JSON.parse(body.toString()) as { clientId: string; ops: PushedOp[] });
    if (isPush && !this.open) {
      this.heldReplies.push(response);
      if (this.heldReplies.length === 1) this.notifyHeld(this.pushes.at(-1)!.ops.map(({ seq, opId }) => ({ seq, opId })));
      return;
    }
    const passed: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'content-encoding' && name !== 'transfer-encoding') passed[name] = value;
    });
    response.writeHead(upstream.status, passed).end(reply);
  }
}

let archive: TestArchive;
let gate: PushGate;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  archive = await startTestArchive();
  gate = new PushGate(archive.server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await gate?.close();
  await archive?.server.close();
});

const outbox = async (b: ExtensionBrowser) => {
  const stores = await dumpStores(b, ['syncOps', 'syncMeta']);
  const client = (stores.syncMeta as { key: string; value: unknown }[]).find((row) => row.key === 'client')?.value as ClientRow;
  return { ops: (stores.syncOps as SyncOpRow[]).map((row) => ({ seq: row.seq, opId: row.op.opId })), clientId: client?.clientId };
};

describe('the service worker killed mid-push', () => {
  it('resumes from IndexedDB after the restart: the held ops go again under the same seqs, and the archive holds each op once', async () => {
    const url = await gate.listen();
    browser = await launchWithExtension();
    await (await configureArchive(browser, url, archive.editorToken)).close();

    const editor = await openEditorPage(browser);
    await editor.getByRole('button', { name: 'New note' }).click();
    await typeInto(editor, 'Title', 'Assistant invented a court ruling');
    await waitSaved(editor);
    const held = await gate.held;
    const { clientId } = await outbox(browser);
    expect(held.length).toBeGreaterThan(0);

    // The archive stored the push; its reply never reaches the worker, which is killed now.
    const killedAt = await killWorker(browser, editor);
    const afterKill = await editor.evaluate(async () => {
      const open = indexedDB.open('incident-clipper');
      await new Promise((resolve) => (open.onsuccess = resolve));
      const request = open.result.transaction('syncOps').objectStore('syncOps').getAll();
      await new Promise((resolve) => (request.onsuccess = resolve));
      open.result.close();
      return (request.result as SyncOpRow[]).map((row) => ({ seq: row.seq, opId: row.op.opId }));
    });
    expect(afterKill.slice(0, held.length)).toEqual(held);

    // An edit made while the worker is down wakes it (the page asks for a sync); this time replies pass.
    // The page opened again asks for a sync that no backoff holds back, as a person opening it would.
    gate.release();
    await wakeWorker(browser, killedAt, async () => {
      await typeInto(editor, 'Why this is an AI incident', 'It cited a ruling that does not exist.');
      await waitSaved(editor);
    });
    await editor.reload();
    await editor.locator('.sync-status').filter({ hasText: 'Synced with the archive.' }).waitFor({ timeout: 120_000 });
    expect((await outbox(browser)).ops).toEqual([]);

    // Every push came from this device's one client id, and a seq always carried the same op.
    const sent = gate.pushes.flatMap((push) => push.ops.map((op) => ({ ...op, clientId: push.clientId })));
    expect(new Set(sent.map((op) => op.clientId))).toEqual(new Set([clientId]));
    const opOfSeq = new Map<number, string>();
    for (const op of sent) {
      expect(op.opId).toBe(opOfSeq.get(op.seq) ?? op.opId);
      opOfSeq.set(op.seq, op.opId);
    }
    // Only the held ops went again (the reply the device never got), and each of them did.
    const repeated = sent.filter((op, index) => sent.findIndex((other) => other.seq === op.seq) !== index);
    expect([...new Set(repeated.map((op) => op.seq))]).toEqual(held.map((op) => op.seq));

    // The archive's draft has both edits, and its database one row per op: seqs 1..n, none refused.
    const pulled = await fetch(`${archive.server.url}/v1/sync/pull`, {
      method: 'POST',
      headers: { authorization: `Bearer ${archive.editorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    const { drafts } = (await pulled.json()) as { drafts: { texts: Record<string, { v: unknown }>; fields: Record<string, { v: unknown }>; applied: Record<string, number> }[] };
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.fields.title?.v).toBe('Assistant invented a court ruling');
    expect(drafts[0]!.texts.rationale?.v).toBe('It cited a ruling that does not exist.');
    const lastSeq = Math.max(...sent.map((op) => op.seq));
    expect(drafts[0]!.applied[clientId]).toBe(lastSeq);

    await archive.server.close();
    const db = await openDatabase({ dataDir: archive.dataDir });
    try {
      const rows = await db.query<{ seq: number; op_id: string; status: string }>('select seq, op_id, status from sync_ops where client_id = $1 order by seq', [clientId]);
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: lastSeq }, (_, index) => index + 1));
      expect(rows.map((row) => ({ seq: row.seq, opId: row.op_id }))).toEqual([...opOfSeq].sort(([a], [b]) => a - b).map(([seq, opId]) => ({ seq, opId })));
      expect(rows.filter((row) => row.status === 'rejected')).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
