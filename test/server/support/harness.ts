/** Test harness: a running archive server, an HTTP helper that checks every reply against the OpenAPI document. */
import { randomUUID } from 'node:crypto';
import { startArchiveServer, type ArchiveServerOptions, type StartedServer } from '../../../server/index.ts';
import type { SubmissionRequest } from '../../../src/core/contract.ts';
import { OpenApiChecker, type OpenApiDocument } from './openapi.ts';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  /** Raw body text (sent as application/json unless headers say otherwise). */
  body?: string;
  headers?: Record<string, string>;
  key?: string;
}

export class Api {
  constructor(
    readonly url: string,
    readonly checker: OpenApiChecker | null,
  ) {}

  static async connect(server: { url: string }): Promise<Api> {
    const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as OpenApiDocument;
    return new Api(server.url, new OpenApiChecker(doc));
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const body = options.body ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
        ...options.headers,
      },
      body,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (method !== 'OPTIONS' && !path.startsWith('/v1/openapi.json')) {
      if (json === undefined) throw new Error(`${method} ${path} answered ${response.status} with a non-JSON body: ${text.slice(0, 200)}`);
      this.checker?.check(method, new URL(path, this.url).pathname, response.status, json);
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }

  post(path: string, options?: RequestOptions) {
    return this.request('POST', path, options);
  }
}

export function submission(overrides: Partial<SubmissionRequest> = {}): SubmissionRequest {
  return {
    draftId: randomUUID(),
    title: 'Chatbot invents a refund policy',
    summary: 'An airline chatbot told a customer about a refund policy that did not exist.',
    rationale: 'The chatbot invented the policy it quoted.',
    counterfactual: 'Without the chatbot, no customer would have been told of the policy.',
    severity: 'SEV-3',
    announcementDate: '2024-02-14',
    codes: ['M1', 'F3'],
    providers: ['OpenAI'],
    sources: [
      {
        url: `https://news.example/${randomUUID()}`,
        publisher: 'News Example',
        publishedDate: '2024-02-15',
        quotes: ['The tribunal found the airline liable for its chatbot.'],
      },
    ],
    ...overrides,
  };
}

export interface Harness {
  server: StartedServer;
  api: Api;
  editor: string;
  otherEditor: string;
  reviewer: string;
}

export async function startHarness(options: ArchiveServerOptions): Promise<Harness> {
  const server = await startArchiveServer({ port: 0, logLevel: 'silent', ...options });
  const [editor, otherEditor, reviewer] = await Promise.all([
    server.createUser({ name: 'Edna Editor', role: 'editor' }),
    server.createUser({ name: 'Otto Other', role: 'editor' }),
    server.createUser({ name: 'Rita Reviewer', role: 'reviewer' }),
  ]);
  return { server, api: await Api.connect(server), editor: editor.token, otherEditor: otherEditor.token, reviewer: reviewer.token };
}
