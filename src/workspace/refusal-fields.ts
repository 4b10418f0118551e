/**
 * Places the archive's reasons for refusing a submission on the draft fields they concern. The archive
 * names paths in the body it was sent (`title`, `codes.2`, `sources.1.publisher`, `sources.0.quotes.3`);
 * that body holds only quoted sources, so a source is found again by its address, and a quote by its text.
 */
import type { SubmissionRequest } from '../core/contract.ts';
import type { Draft } from '../core/draft.ts';
import { DRAFT_FIELDS, SOURCE_FIELDS, sourcePath, type FieldPath, type SourceField } from './field-paths.ts';

export interface PlacedRefusal {
  /** The path as the archive named it. */
  path: string;
  message: string;
  /** The editor's field it concerns, when there is one. */
  field?: FieldPath;
  /** The quote it concerns, when it is about a quote. */
  clipId?: string;
}

const isDraftField = (name: string | undefined): name is (typeof DRAFT_FIELDS)[number] => (DRAFT_FIELDS as readonly (string | undefined)[]).includes(name);
const isSourceField = (name: string | undefined): name is SourceField => (SOURCE_FIELDS as readonly (string | undefined)[]).includes(name);

export function placeRefusals(fields: readonly { path: string; message: string }[], body: SubmissionRequest | undefined, draft: Draft): PlacedRefusal[] {
  return fields.map(({ path, message }) => {
    const [head, index, member, quoteIndex] = path.split('.');
    if (isDraftField(head)) return { path, message, field: head };
    if (head !== 'sources' || !body) return { path, message };
    const sent = body.sources[Number(index)];
    const source = sent && draft.sources.find((candidate) => candidate.url === sent.url);
    if (!source) return { path, message };
    if (member === 'quotes') {
      const quote = sent.quotes[Number(quoteIndex)];
      const clip = draft.clips.find((candidate) => candidate.sourceId === source.id && candidate.quote === quote);
      return { path, message, clipId: clip?.id };
    }
    const field = member === 'originalUrl' ? 'url' : member;
    return isSourceField(field) ? { path, message, field: sourcePath(source.id, field) } : { path, message };
  });
}
