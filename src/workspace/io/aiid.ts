/**
 * The AI Incident Database's submission fields, one row per quoted source of a draft
 * (the AIID takes one report URL per submission).
 */
import type { Draft } from '../../core/draft.ts';
import { toCsv } from './csv.ts';

export const AIID_FIELDS = [
  'url',
  'title',
  'authors',
  'date_published',
  'date_downloaded',
  'text',
  'incident_date',
  'deployers',
  'developers',
  'harmed_parties',
  'editor_notes',
  'tags',
] as const;
export type AiidSubmission = Record<(typeof AIID_FIELDS)[number], string>;

export function aiidSubmissions(draft: Draft): AiidSubmission[] {
  return draft.sources.map((source) => ({
    url: source.url,
    title: draft.title || source.title,
    authors: source.authors.join(', '),
    date_published: source.publishedDate ?? draft.announcementDate ?? '',
    date_downloaded: source.accessedAt.slice(0, 10),
    text: draft.clips
      .filter((clip) => clip.sourceId === source.id)
      .map((clip) => clip.quote)
      .join('\n\n'),
    incident_date: draft.incidentDate ?? '',
    deployers: draft.deployers.join(', '),
    developers: draft.providers.join(', '),
    harmed_parties: draft.harmedParties.join(', '),
    editor_notes: [draft.summary, draft.rationale && `Why this is an AI incident: ${draft.rationale}`, draft.counterfactual && `But-for test: ${draft.counterfactual}`, draft.notes]
      .filter(Boolean)
      .join('\n\n'),
    tags: [...draft.codes, ...draft.tags, draft.severity ?? ''].filter(Boolean).join(', '),
  }));
}

export function aiidCsv(rows: AiidSubmission[]): string {
  return toCsv(AIID_FIELDS, rows.map((row) => AIID_FIELDS.map((field) => row[field])));
}
