/** What the database's upgrades (src/store/db.ts) do to the rows earlier versions stored. */
import { byCreation } from '../core/clip-order.ts';
import type { Clip, Draft } from '../core/draft.ts';
import { parseStoredDraft, repairedDraftRow } from '../core/stored-draft.ts';

/** A quote as versions 1 and 2 kept it, in a table of its own: with the id of its draft. */
export type ClipOfTable = Clip & { draftId: string; url?: string };

/**
 * Version 2's drafts with the quotes of its `clips` table moved in. Nothing is dropped in an upgrade: a
 * quote whose draft is gone gets a draft of its own, and a quote citing a source its draft no longer lists
 * gets that source back (from the quote's URL), so every draft passes the schema afterwards.
 */
export function draftsWithTheirClips(drafts: Draft[], clips: ClipOfTable[], now: string): Draft[] {
  const byDraft = new Map<string, Clip[]>();
  for (const clip of clips) byDraft.set(clip.draftId, [...(byDraft.get(clip.draftId) ?? []), clip]);
  const joined = drafts.map((draft) => ({ ...draft, clips: byDraft.get(draft.id) ?? [] }));
  for (const draft of drafts) byDraft.delete(draft.id);
  for (const [draftId, orphans] of byDraft) joined.push(recoveredDraft(draftId, orphans, now));
  return joined.map((draft) => repairedDraftRow({ ...draft, clips: draft.clips.sort(byCreation) }) as Draft);
}

function recoveredDraft(id: string, clips: Clip[], now: string): Draft {
  const createdAt = clips.reduce((oldest, clip) => (clip.createdAt < oldest ? clip.createdAt : oldest), now);
  return {
    id,
    title: 'Recovered quotes',
    summary: '',
    rationale: '',
    counterfactual: '',
    codes: [],
    providers: [],
    tags: ['recovered-quotes'],
    deployers: [],
    harmedParties: [],
    notes: '',
    sources: [],
    reviewState: 'draft',
    clips,
    createdAt,
    updatedAt: now,
  };
}

/**
 * The row as the schema makes it. A row the schema still refuses after repair is kept as it was, with the
 * lists that readers rely on added: an upgrade drops nothing, and the row's problem shows when it is edited.
 */
export function throughTheSchema<Row>(row: Row): Row {
  const parsed = parseStoredDraft(row);
  if (parsed.success) return parsed.data as Row;
  console.warn('upgrade: a stored draft does not pass the schema; kept as it was', parsed.error.issues[0]);
  return repairedDraftRow(row) as Row;
}
