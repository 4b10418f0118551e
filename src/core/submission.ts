/** Turns a draft and its clips into the archive's submission body, or says what blocks it. */
import { SubmissionRequest } from '../archive/contract.ts';
import type { Clip, Draft } from './draft.ts';

export type SubmissionBuild = { ok: true; body: SubmissionRequest } | { ok: false; problems: string[] };

export function submissionFromDraft(draft: Draft, clips: Clip[]): SubmissionBuild {
  const sources = draft.sources
    .map((source) => ({
      url: source.url,
      originalUrl: source.originalUrl,
      title: source.title || undefined,
      publisher: source.publisher,
      authors: source.authors,
      publishedDate: source.publishedDate,
      accessedAt: source.accessedAt,
      quotes: clips.filter((clip) => clip.sourceId === source.id).map((clip) => clip.quote),
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
      if (path === 'title') return 'The draft needs a title.';
      if (path === 'sources') return 'The draft needs at least one source with a quote.';
      return `${path}: ${issue.message}`;
    }),
  };
}
