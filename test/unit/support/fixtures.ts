import type { PageCapture } from '../../../src/core/capture.ts';
import { ClipperDb } from '../../../src/store/db.ts';

let counter = 0;
/** A fresh database per test: fake-indexeddb keeps them apart by name. */
export function freshDb(): ClipperDb {
  counter += 1;
  return new ClipperDb(`test-${process.pid}-${counter}`);
}

export function capture(overrides: Partial<PageCapture['metadata']> = {}, quote = 'The chatbot invented a refund policy.'): PageCapture {
  const url = overrides.url ?? 'https://news.example/story';
  return {
    quote,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'An airline said that ', suffix: ' The tribunal ruled against it.' },
      position: { type: 'TextPositionSelector', start: 120, end: 120 + quote.length },
    },
    metadata: {
      url,
      originalUrl: `${url}?utm_source=x`,
      title: 'Airline chatbot invented a refund policy',
      authors: ['Dana Whitfield'],
      publisher: 'The Example Ledger',
      publishedDate: '2024-02-16',
      provenance: { publishedDate: 'json-ld:datePublished' },
      ...overrides,
    },
  };
}

/** A fetch that answers from a script of responses and records what was sent. */
export function scriptedFetch(replies: Array<() => Response | Promise<Response>>) {
  const sent: { url: string; init: RequestInit }[] = [];
  const impl = (async (input: string | URL | Request, init: RequestInit = {}) => {
    sent.push({ url: String(input), init });
    const next = replies.shift();
    if (!next) throw new Error('no scripted reply left');
    return next();
  }) as typeof fetch;
  return { impl, sent };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
