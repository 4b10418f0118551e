/**
 * fast-check arbitraries for the archive's whole input boundary: every route (submissions, sync, review,
 * drafts and comments, users, lookups), every body field, path
 * parameter, query and header, filled with arbitrary unicode (NUL and unpaired surrogates included)
 * and arbitrary JSON structures.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { submission } from './harness.ts';

export interface BoundaryRequest {
  method: string;
  path: string;
  /** Which of the harness's tokens to send, or a literal Authorization value. */
  auth: 'editor' | 'reviewer' | 'none' | { header: string };
  body?: string;
  key?: string;
  contentType?: string;
}

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const headerSafe = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((unit) => String.fromCharCode(unit)), maxLength: 60 });

/** Strings a sender may write in JSON: whole code points, raw UTF-16 units, and the classic troublemakers. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 20 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d', '\u202e', '\ufeff'), fc.string({ maxLength: 10 })).map((parts) => parts.join('')),
  fc.constantFrom('', ' ', 'INC-000001', 'https://a.example/', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '2024-02-30', 'SEV-1'),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 0, -1, 1e308, true, [], {}) },
);

/** Percent-encodes any JS string, unpaired surrogates as the 3 bytes UTF-8 would give them (WTF-8). */
export function encodeAny(text: string): string {
  let out = '';
  for (const char of text) {
    try {
      out += encodeURIComponent(char);
    } catch {
      const unit = char.charCodeAt(0);
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    }
  }
  return out;
}

const SUBMISSION_PATHS = [
  ...['draftId', 'title', 'summary', 'severity', 'announcementDate', 'incidentDate', 'rationale', 'counterfactual', 'codes', 'providers', 'tags', 'sources'],
  ...['codes.0', 'providers.0', 'tags.0', 'sources.0', 'sources.1'],
  ...['url', 'originalUrl', 'title', 'publisher', 'authors', 'authors.0', 'publishedDate', 'accessedAt', 'quotes', 'quotes.0', 'quotes.1'].map((field) => `sources.0.${field}`),
];

/** Sets `value` at a dotted path of a JSON copy of `base` (creating containers on the way). */
function withValueAt(base: unknown, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (at[key] === null || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
  return copy;
}

/** A valid body with one field replaced, a field added, or the whole body replaced. */
function mutatedBody(base: () => unknown, paths: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...paths), nastyValue).map(([path, value]) => JSON.stringify(withValueAt(base(), path, value))) },
    { weight: 1, arbitrary: fc.tuple(nastyString, nastyValue).map(([key, value]) => JSON.stringify({ ...(base() as object), [key]: value })) },
    { weight: 1, arbitrary: nastyValue.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(base())) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  );
}

const contentType = fc.option(
  fc.constantFrom('application/json; charset=utf-8', 'application/vnd.api+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
  { freq: 3, nil: undefined },
);
const auth = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('editor' as const, 'reviewer' as const) },
  { weight: 1, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: headerSafe.map((header) => ({ header })) },
);
const idempotencyKey = fc.oneof(fc.uuid(), headerSafe);
const idSegment = fc.oneof(fc.constantFrom('INC-000001', 'INC-000002', 'INC-999999'), nastyString).map(encodeAny);
const query = fc.array(fc.tuple(nastyString, nastyString), { maxLength: 3 }).map((pairs) => pairs.map(([name, value]) => `${encodeAny(name)}=${encodeAny(value)}`));
const withQuery = (path: string, extra: string[]) => (extra.length > 0 ? `${path}${path.includes('?') ? '&' : '?'}${extra.join('&')}` : path);

/** A valid first push of a new device: one op that creates a draft. */
const syncPush = () => ({
  clientId: randomUUID(),
  ops: [{ seq: 1, opId: randomUUID(), type: 'create', draftId: randomUUID(), title: 'Fuzzed', texts: { summary: 'S.' }, lists: { providers: ['OpenAI'] } }],
});
const SYNC_PUSH_PATHS = ['clientId', 'ops', 'ops.0', 'ops.0.seq', 'ops.0.opId', 'ops.0.type', 'ops.0.draftId', 'ops.0.title', 'ops.0.texts', 'ops.0.texts.summary', 'ops.0.lists', 'ops.0.lists.providers', 'ops.0.lists.providers.0', 'ops.1'];
const draftPath = (tail: string) => fc.oneof(fc.uuid(), nastyString).map((id) => `/v1/drafts/${encodeAny(id)}${tail}`);
const COMMENT_PATHS = ['body', 'parentId', 'field', 'quoteId', 'quotedText'];

export const boundaryRequest: fc.Arbitrary<BoundaryRequest> = fc.oneof(
  fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/sync/push'), auth, body: mutatedBody(syncPush, SYNC_PUSH_PATHS), contentType }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/sync/pull'), auth, body: mutatedBody(() => ({ clientId: randomUUID(), limit: 10 }), ['cursor', 'clientId', 'limit']), contentType }),
  fc.record({ method: fc.constant('GET'), path: query.map((extra) => withQuery('/v1/review/queue', extra)), auth }),
  fc.record({ method: fc.constant('GET'), path: fc.tuple(fc.constantFrom('state', 'claimed', 'provider', 'code', 'severity', 'minAgeHours', 'maxAgeHours', 'offset', 'limit'), nastyString).map(([name, value]) => `/v1/review/queue?${name}=${encodeAny(value)}`), auth }),
  fc.record({ method: fc.constant('GET'), path: fc.tuple(fc.constantFrom('/v1/drafts'), query).map(([path, extra]) => withQuery(path, extra)), auth }),
  fc.record({ method: fc.constant('GET'), path: fc.oneof(draftPath(''), draftPath('/comments')), auth }),
  fc.record({ method: fc.constant('POST'), path: draftPath('/comments'), auth, body: mutatedBody(() => ({ body: 'A comment.', field: 'rationale' }), COMMENT_PATHS), contentType }),
  fc.record({ method: fc.constant('POST'), path: fc.oneof(draftPath('/claim'), draftPath('/release')), auth, body: mutatedBody(() => ({ revision: 1 }), ['revision']), contentType }),
  fc.record({ method: fc.constant('POST'), path: draftPath('/transitions'), auth, body: mutatedBody(() => ({ to: 'approved', revision: 1, reason: 'Fine.' }), ['to', 'revision', 'reason']), contentType }),
  fc.record({ method: fc.constant('POST'), path: fc.tuple(fc.uuid(), fc.oneof(fc.uuid(), nastyString)).map(([id, comment]) => `/v1/drafts/${id}/comments/${encodeAny(comment)}/resolve`), auth, body: mutatedBody(() => ({ resolved: true }), ['resolved']), contentType }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/submissions'), auth, body: mutatedBody(() => submission(), SUBMISSION_PATHS), key: idempotencyKey, contentType }),
  fc.record({
    method: fc.constant('POST'),
    path: idSegment.map((id) => `/v1/submissions/${id}/review`),
    auth,
    body: mutatedBody(() => ({ decision: 'rejected', comment: '' }), ['decision', 'comment']),
    contentType,
  }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/users'), auth, body: mutatedBody(() => ({ name: 'Fuzz', role: 'editor' }), ['name', 'role']), contentType }),
  // The local admin endpoint of a PGlite server on disk (no test token is its admin token).
  fc.record({ method: fc.constant('POST'), path: fc.constant('/admin/users'), auth, body: mutatedBody(() => ({ name: 'Fuzz', role: 'editor' }), ['name', 'role']) }),
  fc.record({ method: fc.constant('GET'), path: fc.tuple(idSegment, query).map(([id, extra]) => withQuery(`/v1/submissions/${id}`, extra)), auth }),
  fc.record({ method: fc.constant('GET'), path: fc.tuple(nastyString, query).map(([url, extra]) => withQuery(`/v1/sources?url=${encodeAny(url)}`, extra)), auth }),
  fc.record({ method: fc.constant('GET'), path: fc.tuple(fc.constantFrom('/v1/me', '/v1/taxonomy', '/healthz', '/v1/sources'), query).map(([path, extra]) => withQuery(path, extra)), auth }),
  fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), path: fc.array(nastyString, { minLength: 1, maxLength: 3 }).map((segments) => `/v1/${segments.map(encodeAny).join('/')}`), auth }),
);
