import type { SourceMetadata } from '../../core/draft.ts';

/** Placeholder until the metadata extractor lands: title and URL only. */
export function extractMetadata(doc: Document, pageUrl: string): SourceMetadata {
  return {
    url: pageUrl,
    originalUrl: pageUrl,
    title: doc.title.trim(),
    authors: [],
    provenance: { title: 'document.title' },
  };
}
