/**
 * What a draft still needs. `required` checks block submission: what the archive's submission schema
 * refuses (a title, a quoted source, anything else it refuses) and what the archive's taxonomy names in
 * `requiredToSubmit` (the seed's archive: severity, a code, a provider, rationale, but-for test). So the
 * checklist never promises what the worker would refuse. Every other check is advice: it makes a stronger
 * entry, but nothing waits for it. Pure: the editor, the popup and the worker's submit use the same list.
 */
import type { Draft } from '../core/draft.ts';
import { submissionFromDraft } from '../core/submission.ts';
import { independentPublishers } from './source-tier.ts';

export type CheckId =
  | 'title'
  | 'quotedSource'
  | 'severity'
  | 'code'
  | 'provider'
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

/** Always required, whatever the archive says: its submission schema refuses a draft without them. */
const SCHEMA_REQUIRED: ReadonlySet<CheckId> = new Set(['title', 'quotedSource']);

/**
 * `requiredToSubmit`: the archive taxonomy's list (none known: only the schema's needs block). Names this
 * extension has no check for are left to the archive.
 */
export function readiness(draft: Draft, requiredToSubmit: readonly string[] = []): Readiness {
  const required = new Set<string>([...SCHEMA_REQUIRED, ...requiredToSubmit]);
  const level = (id: CheckId): ReadinessCheck['level'] => (required.has(id) ? 'required' : 'advised');
  const quotedSourceIds = new Set(draft.clips.map((clip) => clip.sourceId));
  const quotedSources = draft.sources.filter((source) => quotedSourceIds.has(source.id));
  const archiveProblems = otherArchiveProblems(draft);
  const found: [CheckId, boolean][] = [
    ['title', filled(draft.title) && draft.title.trim().length <= MAX_TITLE],
    ['quotedSource', quotedSources.length > 0],
    ['severity', draft.severity !== undefined],
    ['code', draft.codes.length > 0],
    ['provider', draft.providers.some(filled)],
    ['summary', filled(draft.summary)],
    ['rationale', filled(draft.rationale)],
    ['counterfactual', filled(draft.counterfactual)],
    ['announcementDate', draft.announcementDate !== undefined],
    ['independentSources', independentPublishers(quotedSources) >= 2],
  ];
  const checks: ReadinessCheck[] = found.map(([id, ok]) => ({ id, level: level(id), ok }));
  if (archiveProblems.length > 0) checks.push({ id: 'archiveRules', level: 'required', ok: false, details: archiveProblems });
  // Blocking items first, then advice, each in the order above.
  checks.sort((a, b) => Number(a.level === 'advised') - Number(b.level === 'advised'));
  const blockers = checks.filter((check) => check.level === 'required' && !check.ok);
  const advice = checks.filter((check) => check.level === 'advised' && !check.ok);
  return { checks, ready: blockers.length === 0, blockers, advice };
}
