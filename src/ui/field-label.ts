/** The visible label of a field path, for messages such as conflicts. */
import type { Draft } from '../core/draft.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { parsePath, type DraftField, type SourceField } from '../workspace/field-paths.ts';

const DRAFT_LABELS: Record<DraftField, MessageKey> = {
  title: 'field_title',
  summary: 'field_summary',
  severity: 'field_severity',
  announcementDate: 'field_announcement_date',
  incidentDate: 'field_incident_date',
  rationale: 'field_rationale',
  counterfactual: 'field_counterfactual',
  codes: 'field_codes',
  providers: 'field_providers',
  tags: 'field_tags',
  deployers: 'field_deployers',
  harmedParties: 'field_harmed_parties',
  notes: 'field_notes',
};

const SOURCE_LABELS: Record<SourceField, MessageKey> = {
  title: 'source_title',
  url: 'source_url',
  publisher: 'source_publisher',
  authors: 'source_authors',
  publishedDate: 'source_published',
};

export function fieldLabel(path: string, draft: Draft | undefined): string {
  const parsed = parsePath(path);
  if (!parsed) return path;
  if (parsed.kind === 'draft') return t(DRAFT_LABELS[parsed.field]);
  const index = draft?.sources.findIndex((source) => source.id === parsed.sourceId) ?? -1;
  return `${t('source_heading', index + 1)} · ${t(SOURCE_LABELS[parsed.field])}`;
}
