/**
 * Clips as W3C Web Annotations (JSON-LD), with a TextQuoteSelector and a TextPositionSelector on each
 * target, as Hypothesis and Apache Annotator read and write them; and back again into clips.
 */
import { z } from 'zod';
import { Clip, TextPositionSelector, TextQuoteSelector, type Draft, type Source } from '../../core/draft.ts';
import { canonicalizeUrl } from '../../core/url.ts';
import { quoteUrl } from '../../core/quote-url.ts';
import type { Clock } from '../../core/clip-ops.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The quote as an annotation of its source's page. */
export function clipToAnnotation(clip: Clip, pageUrl: string | undefined) {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${clip.id}`,
    type: 'Annotation',
    motivation: clip.note ? 'commenting' : 'highlighting',
    created: clip.createdAt,
    ...(clip.note ? { body: { type: 'TextualBody', value: clip.note, format: 'text/plain' } } : {}),
    target: { source: pageUrl, selector: [clip.selectors.quote, clip.selectors.position] },
  };
}

/** The draft's quotes, each an annotation of its source's page. */
export function annotationCollection(draft: Pick<Draft, 'sources' | 'clips'>, label: string) {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: draft.clips.length,
    first: { type: 'AnnotationPage', items: draft.clips.map((clip) => clipToAnnotation(clip, quoteUrl(draft, clip))) },
  };
}

const Selector = z.union([TextQuoteSelector.loose(), TextPositionSelector.loose(), z.looseObject({ type: z.string() })]);
const Annotation = z.looseObject({
  id: z.string().optional(),
  created: z.string().optional(),
  body: z.union([z.looseObject({ value: z.string().optional() }), z.array(z.looseObject({ value: z.string().optional() }))]).optional(),
  target: z.union([
    z.looseObject({ source: z.url(), selector: z.union([Selector, z.array(Selector)]) }),
    z.array(z.looseObject({ source: z.url(), selector: z.union([Selector, z.array(Selector)]) })).min(1),
  ]),
});

/** Annotations from a collection, a page, an array, or a single annotation. */
function annotationItems(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  const object = json as { items?: unknown[]; first?: { items?: unknown[] } } | null;
  return object?.first?.items ?? object?.items ?? (object ? [object] : []);
}

export interface AnnotationImport {
  draft: Draft;
  clips: Clip[];
  rejected: { index: number; reason: string }[];
}

/** Adds the annotations' quotes to `draft` (`clips` lists the added ones), creating a source per new page. Ids are fresh. */
export function annotationsIntoDraft(json: unknown, draft: Draft, clock: Clock): AnnotationImport {
  const sources: Source[] = [...draft.sources];
  const clips: Clip[] = [];
  const rejected: AnnotationImport['rejected'] = [];
  annotationItems(json).forEach((item, index) => {
    const parsed = Annotation.safeParse(item);
    if (!parsed.success) return rejected.push({ index, reason: parsed.error.issues[0]?.message ?? 'not an annotation' });
    const target = Array.isArray(parsed.data.target) ? parsed.data.target[0]! : parsed.data.target;
    const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as z.infer<typeof TextQuoteSelector> | undefined;
    const position = selectors.find((s) => s.type === 'TextPositionSelector') as z.infer<typeof TextPositionSelector> | undefined;
    if (!quote?.exact) return rejected.push({ index, reason: 'no TextQuoteSelector with an exact quote' });
    const url = canonicalizeUrl(target.source);
    let source = sources.find((candidate) => candidate.url === url);
    if (!source) {
      source = { id: clock.uuid(), url, originalUrl: target.source, title: '', authors: [], provenance: {}, accessedAt: clock.now() };
      sources.push(source);
    }
    const bodies = Array.isArray(parsed.data.body) ? parsed.data.body : parsed.data.body ? [parsed.data.body] : [];
    const clip = Clip.safeParse({
      id: clock.uuid(),
      sourceId: source.id,
      quote: quote.exact.trim() || quote.exact,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
        position: { type: 'TextPositionSelector', start: position?.start ?? 0, end: position?.end ?? 0 },
      },
      note: bodies.map((body) => body.value ?? '').filter(Boolean).join('\n'),
      createdAt: parsed.data.created && !Number.isNaN(Date.parse(parsed.data.created)) ? new Date(parsed.data.created).toISOString() : clock.now(),
    });
    if (!clip.success) return rejected.push({ index, reason: clip.error.issues[0]?.message ?? 'invalid quote' });
    clips.push(clip.data);
  });
  return { draft: { ...draft, sources, clips: [...draft.clips, ...clips], updatedAt: clock.now() }, clips, rejected };
}
