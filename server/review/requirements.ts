/**
 * What the archive requires before it takes a draft for review (`submit_requirements`, served with the
 * taxonomy as `requiredToSubmit`), enforced here as well as in the extension's checklist: a script, an old
 * extension or a stale taxonomy cache could otherwise send a bare draft. Checked on both ways in, the move to
 * submitted and `POST /v1/submissions`; a refusal is a 422 naming each missing field by its body path.
 * The list is read before any transaction (on PGlite a read outside an open transaction would wait for it).
 */
import type { z } from 'zod';
import type { SubmissionRequest } from '../../src/core/contract.ts';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import type { Queryable } from '../db/index.ts';
import { ApiProblem } from '../errors.ts';

/** A draft's content as the requirements see it, whichever way it came in. */
export interface EntryFacts {
  title: string;
  severity?: unknown;
  summary: string;
  rationale: string;
  counterfactual: string;
  announcementDate?: unknown;
  codes: string[];
  providers: string[];
  quotedSources: number;
}

const filled = (text: string) => text.trim() !== '';

/** requirement → the field it names in a submission body, and whether the draft meets it. */
const REQUIREMENTS: Record<string, { path: string; words: string; met: (e: EntryFacts) => boolean }> = {
  title: { path: 'title', words: 'a title', met: (e) => filled(e.title) },
  severity: { path: 'severity', words: 'a severity', met: (e) => e.severity !== undefined && e.severity !== null },
  code: { path: 'codes', words: 'at least one code', met: (e) => e.codes.some(filled) },
  provider: { path: 'providers', words: 'a provider', met: (e) => e.providers.some(filled) },
  summary: { path: 'summary', words: 'a summary', met: (e) => filled(e.summary) },
  rationale: { path: 'rationale', words: 'the rationale', met: (e) => filled(e.rationale) },
  counterfactual: { path: 'counterfactual', words: 'the but-for test', met: (e) => filled(e.counterfactual) },
  announcementDate: { path: 'announcementDate', words: 'an announcement date', met: (e) => e.announcementDate !== undefined && e.announcementDate !== null },
  quotedSource: { path: 'sources', words: 'at least one quoted source', met: (e) => e.quotedSources > 0 },
};

export function factsOfRequest(request: z.output<typeof SubmissionRequest>): EntryFacts {
  return { ...request, quotedSources: request.sources.filter((source) => source.quotes.length > 0).length };
}

export function factsOfDraft(draft: SyncDraft): EntryFacts {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const liveSources = new Set(Object.values(draft.sources).filter((row) => !row.deleted).map((row) => row.id));
  const quoted = new Set(Object.values(draft.quotes).filter((row) => !row.deleted && filled(text(row.fields.quote?.v))).map((row) => row.fields.sourceId?.v));
  return {
    title: text(draft.fields.title?.v),
    severity: draft.fields.severity?.v ?? undefined,
    announcementDate: draft.fields.announcementDate?.v ?? undefined,
    summary: text(draft.texts.summary?.v),
    rationale: text(draft.texts.rationale?.v),
    counterfactual: text(draft.texts.counterfactual?.v),
    codes: draft.lists.codes ?? [],
    providers: draft.lists.providers ?? [],
    quotedSources: [...liveSources].filter((id) => quoted.has(id)).length,
  };
}

/** The list changes only through migrations, which run before the server listens: read once per database. */
const loaded = new WeakMap<Queryable, Promise<string[]>>();
export function requirementsOf(db: Queryable): Promise<string[]> {
  let list = loaded.get(db);
  if (!list) {
    list = db.query<{ requirement: string }>('select requirement from submit_requirements order by position').then((rows) => rows.map((row) => row.requirement));
    list.catch(() => loaded.delete(db));
    loaded.set(db, list);
  }
  return list;
}

/** The 422 `requirements_unmet` naming every one of `required` the draft misses (names this archive has no rule for are ignored), or null. */
export function unmetRequirements(required: readonly string[], facts: EntryFacts): ApiProblem | null {
  const missing = required.map((name) => REQUIREMENTS[name]).filter((rule) => rule !== undefined && !rule.met(facts));
  if (missing.length === 0) return null;
  return new ApiProblem(
    422,
    'requirements_unmet',
    `The archive takes a draft for review only once it has ${missing.map((rule) => rule!.words).join(', ')}. Add ${missing.length === 1 ? 'it' : 'them'} and submit again.`,
    missing.map((rule) => ({ path: rule!.path, message: `Required to submit: ${rule!.words}.` })),
  );
}

/** Throws `unmetRequirements`' refusal, if any. */
export function checkRequirements(required: readonly string[], facts: EntryFacts): void {
  const refusal = unmetRequirements(required, facts);
  if (refusal) throw refusal;
}
