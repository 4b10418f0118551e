/**
 * Error text kept on a draft is bounded: a 5 MB reply from a broken proxy, stored whole, would make the
 * draft (and every backup holding it) too large to restore. Capped where it is written and where it is
 * imported.
 */
export const MAX_ERROR_CHARS = 2_000;

export function capErrorText(text: string): string {
  return text.length <= MAX_ERROR_CHARS ? text : `${text.slice(0, MAX_ERROR_CHARS - 1)}…`;
}

/**
 * The same cap on a draft row not yet parsed (an imported file's or an earlier version's): its submission's
 * error text (kept by earlier versions) and the substitutions of its stored message. Anything else is left for the schema to judge.
 */
export function capDraftErrors(row: unknown): unknown {
  const submission = (row as { submission?: unknown } | null)?.submission;
  if (!submission || typeof submission !== 'object') return row;
  const record = submission as { error?: unknown; errorMessage?: { params?: unknown } };
  const capped: Record<string, unknown> = { ...record };
  if (typeof record.error === 'string') capped.error = capErrorText(record.error);
  const params = record.errorMessage?.params;
  if (Array.isArray(params)) capped.errorMessage = { ...record.errorMessage, params: params.map((param) => (typeof param === 'string' ? capErrorText(param) : param)) };
  return { ...(row as object), submission: capped };
}
