/**
 * What the page said when it was clipped: its main text, gzip-compressed, with its SHA-256.
 * Kept in a database of its own so that these large blobs never slow the drafts' queries.
 */
import { Dexie, type EntityTable } from 'dexie';

export interface EvidenceRow {
  clipId: string;
  url: string;
  sha256: string;
  textLength: number;
  gzip: Uint8Array;
  capturedAt: string;
}

class EvidenceDb extends Dexie {
  evidence!: EntityTable<EvidenceRow, 'clipId'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ evidence: 'clipId, url, sha256' });
  }
}

let shared: EvidenceDb | undefined;
export function evidenceDb(name = 'incident-clipper-evidence'): EvidenceDb {
  if (name !== 'incident-clipper-evidence') return new EvidenceDb(name);
  shared ??= new EvidenceDb(name);
  return shared;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `sha256`: the text's hash when the caller computed it already (it is then not computed twice). */
export async function saveEvidence(
  clipId: string,
  url: string,
  text: string,
  { sha256, store = evidenceDb(), now = new Date().toISOString() }: { sha256?: string; store?: EvidenceDb; now?: string } = {},
): Promise<EvidenceRow> {
  const row: EvidenceRow = {
    clipId,
    url,
    sha256: sha256 ?? (await sha256Hex(text)),
    textLength: text.length,
    gzip: await pipe(new TextEncoder().encode(text), new CompressionStream('gzip')),
    capturedAt: now,
  };
  await store.evidence.put(row);
  return row;
}

/** The page text as captured, verified against its hash. */
export async function readEvidence(clipId: string, store = evidenceDb()): Promise<{ text: string; intact: boolean } | undefined> {
  const row = await store.evidence.get(clipId);
  if (!row) return undefined;
  const text = new TextDecoder().decode(await pipe(row.gzip, new DecompressionStream('gzip')));
  return { text, intact: (await sha256Hex(text)) === row.sha256 };
}
