import { parseHTML } from 'linkedom';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';
import type { SourceMetadata } from '../../../src/core/draft.ts';

export const NOW = new Date('2024-06-01T12:00:00Z');

export function docOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Extracts from a page built of a head and a body, at a fixed "now". */
export function extract(head: string, body = '', url = 'https://news.example.com/story', lang = 'en'): SourceMetadata {
  return extractMetadata(docOf(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`), url, { now: NOW });
}
