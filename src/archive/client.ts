/** Typed HTTP client for the archive API. Every reply is parsed; nothing from the network is trusted. */
import type { z } from 'zod';
import {
  ApiError,
  IDEMPOTENCY_HEADER,
  Me,
  SourcesLookup,
  Submission,
  Taxonomy,
  type SubmissionRequest,
} from '../core/contract.ts';
import { PullResponse, PushResponse, SeqGapError, type PullRequest, type PushRequest } from '../core/sync/wire.ts';
import { t } from '../i18n/i18n.ts';

export type ApiFailure =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; code: string; message: string; fields: { path: string; message: string }[]; retryAfterMs?: number; expectedSeq?: number }
  | { kind: 'malformed'; status: number; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

const TIMEOUT_MS = 15_000;
/** The longest wait a `Retry-After` header can ask for; a larger one is a mistake or an attack, not a plan. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const at = Date.parse(header);
  const wait = Number.isFinite(seconds) ? seconds * 1000 : Number.isNaN(at) ? undefined : at - Date.now();
  return wait === undefined ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, wait));
}

/** A 409 from sync push names the seq the archive expects next. */
function seqHint(json: unknown): { expectedSeq?: number } {
  const expectedSeq = SeqGapError.safeParse(json).data?.error.expectedSeq;
  return expectedSeq === undefined ? {} : { expectedSeq };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export class ArchiveClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  me(): Promise<ApiResult<Me>> {
    return this.request('GET', '/v1/me', Me);
  }

  taxonomy(): Promise<ApiResult<Taxonomy>> {
    return this.request('GET', '/v1/taxonomy', Taxonomy);
  }

  /** A reply naming another draft is no answer to this one: it is treated as garbled (and retried under the same key). */
  submit(body: SubmissionRequest, idempotencyKey: string): Promise<ApiResult<Submission>> {
    return this.request('POST', '/v1/submissions', Submission, {
      body,
      headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      mismatch: (reply) => (reply.draftId === body.draftId ? undefined : t('archive_reply_other_draft', reply.draftId, body.draftId)),
    });
  }

  submission(id: string): Promise<ApiResult<Submission>> {
    return this.request('GET', `/v1/submissions/${encodeURIComponent(id)}`, Submission);
  }

  sources(url: string): Promise<ApiResult<SourcesLookup>> {
    return this.request('GET', `/v1/sources?url=${encodeURIComponent(url)}`, SourcesLookup);
  }

  syncPush(body: PushRequest): Promise<ApiResult<PushResponse>> {
    return this.request('POST', '/v1/sync/push', PushResponse, { body });
  }

  syncPull(body: PullRequest): Promise<ApiResult<PullResponse>> {
    return this.request('POST', '/v1/sync/pull', PullResponse, { body });
  }

  /** One call: a network failure, an archive error, a reply the schema (or `mismatch`) refuses, or the parsed value. */
  protected async request<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    options: { body?: unknown; headers?: Record<string, string>; mismatch?: (value: T) => string | undefined } = {},
  ): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const message = t(timedOut ? 'archive_timed_out' : 'archive_unreachable', this.baseUrl, TIMEOUT_MS / 1000);
      return { ok: false, failure: { kind: 'network', message } };
    }
    const json = await readJson(response);
    if (!response.ok) {
      const error = ApiError.safeParse(json);
      if (!error.success) {
        return { ok: false, failure: { kind: 'malformed', status: response.status, message: t('archive_error_without_body', response.status) } };
      }
      return {
        ok: false,
        failure: {
          kind: 'http',
          status: response.status,
          code: error.data.error.code,
          message: error.data.error.message,
          fields: error.data.error.fields,
          retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
          ...seqHint(json),
        },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return { ok: false, failure: { kind: 'malformed', status: response.status, message: t('archive_reply_not_archive', `${this.baseUrl}${path}`) } };
    }
    const mismatch = options.mismatch?.(parsed.data);
    if (mismatch) return { ok: false, failure: { kind: 'malformed', status: response.status, message: mismatch } };
    return { ok: true, value: parsed.data };
  }
}
