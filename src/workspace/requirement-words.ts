/**
 * What a readiness check is called (the checklist, the worker's "not ready" answer), and the archive's own
 * refusal of a draft lacking what it requires (422 `requirements_unmet`) said in those same words.
 */
import { t, type MessageKey } from '../i18n/i18n.ts';
import type { CheckId } from './readiness.ts';

export const checkLabel = (id: CheckId): string => t(id === 'provider' ? 're_readiness_provider' : (`readiness_${id}` as MessageKey));

/** The field of a submission body the archive names, as the check that asks for it. */
const CHECK_OF_FIELD: Record<string, CheckId> = {
  title: 'title',
  severity: 'severity',
  codes: 'code',
  providers: 'provider',
  summary: 'summary',
  rationale: 'rationale',
  counterfactual: 'counterfactual',
  announcementDate: 'announcementDate',
  sources: 'quotedSource',
};

export const REQUIREMENTS_UNMET = 'requirements_unmet';

/** The checklist's names for the fields the archive named, `; `-separated (a field not known here, as named). */
export function unmetRequirementLabels(fields: readonly { path: string }[]): string {
  const labels = fields.map(({ path }) => (CHECK_OF_FIELD[path] ? checkLabel(CHECK_OF_FIELD[path]) : path));
  return [...new Set(labels)].join('; ');
}

/** The refusal as a sentence: what the archive still needs before it takes the draft. */
export const unmetRequirementsWords = (fields: readonly { path: string }[]): string => t('rg_requirements_unmet', unmetRequirementLabels(fields));
