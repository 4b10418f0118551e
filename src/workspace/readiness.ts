/**
 * What a draft still needs. `required` checks block submission, exactly as the archive's submission
 * schema does (a title, a quoted source, anything else the schema refuses), so the checklist never
 * promises what the worker would refuse or refuses what the archive would take. `advised` checks make a
 * stronger entry: reviewers expect a severity and a code, but the archive accepts a submission without.
 * Pure: the editor and the popup render the same list.
 */
import type { Draft } from '../core/draft.ts';
import { submissionFromDraft } from '../core/submission.ts';
import { independentPublishers } from './source-tier.ts';

export type CheckId =
  | 'title'
  | 'quotedSource'
  | 'severity'
  | 'code'
  | 'archiveRules'
  | 'summary'
  | 'rationale'
  | 'counterfactual'
  | 'announcementDate'
  | 'independentSources';

export interface ReadinessCheck {
  id: CheckId;
  level: 'required' | 'advised';
  ok: boolean;
  /** What the archive's schema said, for `archiveRules` failures (field path and message). */
  details?: string[];
}

export interface Readiness {
  checks: ReadinessCheck[];
  ready: boolean;
  blockers: ReadinessCheck[];
  advice: ReadinessCheck[];
}

/** The archive's limit on a title (SubmissionRequest). */
const MAX_TITLE = 500;
const filled = (text: string) => text.trim().length > 0;

/** The schema paths that the title and quoted-source checks already name. */
const NAMED_BY_CHECKS = new Set(['title', 'sources']);

/** Problems the archive's submission schema finds beyond the ones named by the checks above. */
function otherArchiveProblems(draft: Draft): string[] {
  const build = submissionFromDraft(draft);
  if (build.ok) return [];
  return build.problems.filter((problem) => !NAMED_BY_CHECKS.has(problem.path)).map((problem) => problem.message);
}

export function readiness(draft: Draft): Readiness {
  const quotedSourceIds = new Set(draft.clips.map((clip) => clip.sourceId));
  const quotedSources = draft.sources.filter((source) => quotedSourceIds.has(source.id));
  const archiveProblems = otherArchiveProblems(draft);
  const checks: ReadinessCheck[] = [
    { id: 'title', level: 'required', ok: filled(draft.title) && draft.title.trim().length <= MAX_TITLE },
    { id: 'quotedSource', level: 'required', ok: quotedSources.length > 0 },
    { id: 'severity', level: 'advised', ok: draft.severity !== undefined },
    { id: 'code', level: 'advised', ok: draft.codes.length > 0 },
    { id: 'summary', level: 'advised', ok: filled(draft.summary) },
    { id: 'rationale', level: 'advised', ok: filled(draft.rationale) },
    { id: 'counterfactual', level: 'advised', ok: filled(draft.counterfactual) },
    { id: 'announcementDate', level: 'advised', ok: draft.announcementDate !== undefined },
    { id: 'independentSources', level: 'advised', ok: independentPublishers(quotedSources) >= 2 },
  ];
  if (archiveProblems.length > 0) checks.splice(2, 0, { id: 'archiveRules', level: 'required', ok: false, details: archiveProblems });
  const blockers = checks.filter((check) => check.level === 'required' && !check.ok);
  const advice = checks.filter((check) => check.level === 'advised' && !check.ok);
  return { checks, ready: blockers.length === 0, blockers, advice };
}
