/**
 * The worker refuses a submission the checklist blocks, so no page (or an old popup) can send a draft
 * the archive's taxonomy says is not ready. The taxonomy is the cached copy: offline, the last known rules.
 */
import { db } from '../store/db.ts';
import { readDraft } from '../store/draft-read.ts';
import { cachedTaxonomy } from '../store/taxonomy.ts';
import { readiness, type CheckId } from '../workspace/readiness.ts';

/** What still blocks the draft (nothing for a draft that does not exist: the queue says so itself). */
export async function submitBlockers(draftId: string): Promise<CheckId[]> {
  const [draft, taxonomy] = await Promise.all([readDraft(db(), draftId), cachedTaxonomy()]);
  if (!draft) return [];
  // The schema's own problems are the queue's to explain, field by field.
  return readiness(draft, taxonomy?.requiredToSubmit).blockers.map((check) => check.id).filter((id) => id !== 'archiveRules');
}
