/** Turns a draft (with its quotes) into the archive's submission body, or says what blocks it. */
import { SubmissionRequest } from './contract.ts';
import type { Draft } from './draft.ts';
import { t } from '../i18n/i18n.ts';

/** What the archive's schema refuses: the field path ('' for the whole body) and a sentence for people. */
export interface SubmissionProblem {
  path: string;
  message: string;
}

export type SubmissionBuild = { ok: true; body: SubmissionRequest } | { ok: false; problems: SubmissionProblem[] };

function describeProblem(path: string, schemaMessage: string): string {
  if (path === 'title') return t('submit_needs_title');
  if (path === 'sources') return t('submit_needs_quoted_source');
  return `${path}: ${schemaMessage}`;
}

export function submissionFromDraft(draft: Draft): SubmissionBuild {
  const sources = draft.sources
    .map((source) => ({
      url: source.url,
      // The archive takes only http(s) links; a page first opened as file: or urn: is cited by its canonical url.
      originalUrl: /^https?:/i.test(source.originalUrl) ? source.originalUrl : undefined,
      title: source.title || undefined,
      publisher: source.publisher,
      authors: source.authors,
      publishedDate: source.publishedDate,
      accessedAt: source.accessedAt,
      quotes: draft.clips.filter((clip) => clip.sourceId === source.id).map((clip) => clip.quote),
    }))
    .filter((source) => source.quotes.length > 0);

  const candidate = {
    draftId: draft.id,
    title: draft.title,
    summary: draft.summary,
    severity: draft.severity,
    announcementDate: draft.announcementDate,
    incidentDate: draft.incidentDate,
    rationale: draft.rationale,
    counterfactual: draft.counterfactual,
    codes: draft.codes,
    providers: draft.providers,
    tags: draft.tags,
    sources,
  };
  const parsed = SubmissionRequest.safeParse(candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      return { path, message: describeProblem(path, issue.message) };
    }),
  };
}
