/**
 * What must hold after everyone synced: every copy is the archive's; every op has exactly one result, and
 * its effect is in the drafts (applied or merged) or in a conflict row every device sees (conflict), or it
 * was refused on purpose (rejected). Nothing is applied twice: every marker appears at most once.
 */
import { tokenize } from '../../../../src/core/text-merge.ts';
import { visibleTo, type SyncDraft } from '../../../../src/core/sync/state.ts';
import type { Device, Intent } from './device.ts';
import type { MemoryStore } from './memory-store.ts';

function fail(message: string, detail?: unknown): never {
  throw new Error(detail === undefined ? message : `${message}: ${JSON.stringify(detail).slice(0, 2_000)}`);
}

const canonical = (drafts: Map<string, SyncDraft>) => JSON.stringify([...drafts.values()].sort((a, b) => a.id.localeCompare(b.id)));

export function checkSynced(store: MemoryStore, devices: Device[]): void {
  for (const d of devices) {
    const truth = canonical(store.visible(d.user));
    if (d.outbox.length > 0) fail(`device ${d.tag} still has ${d.outbox.length} ops waiting`);
    if (d.sent.length > 0) fail(`device ${d.tag} never pulled the effect of ${d.sent.length} acknowledged ops`, d.sent.map((op) => op.seq));
    const foreign = [...d.copy.values()].find((draft) => !visibleTo(draft, d.user));
    if (foreign) fail(`device ${d.tag} received a draft its user may not see: ${foreign.id}`);
    if (canonical(d.copy) !== truth) fail(`device ${d.tag}'s copy differs from the archive`);
    if (canonical(d.view) !== truth) fail(`device ${d.tag} shows something other than the archive`);
  }
  const intents = devices.flatMap((d) => d.intents);
  for (const d of devices) {
    for (let seq = 1; seq <= d.seq; seq += 1) {
      const stored = store.results.get(`${d.clientId}#${seq}`);
      if (!stored) fail(`op ${d.tag}#${seq} was lost: the archive has no result for it`);
      const seen = d.statuses.get(seq);
      if (!seen || seen.status !== stored.status) fail(`op ${d.tag}#${seq}: the device saw ${JSON.stringify(seen)}, the archive stored ${stored.status}`);
    }
    const extra = [...store.results.values()].filter((result) => result.clientId === d.clientId && result.seq > d.seq);
    if (extra.length > 0) fail(`the archive holds ops ${d.tag} never made`, extra);
  }
  for (const intent of intents) checkIntent(store, intent, intents);
  for (const draft of store.drafts.values()) {
    for (const field of ['summary', 'notes'] as const) {
      const tokens = tokenize(String(draft.texts[field].v));
      if (new Set(tokens).size !== tokens.length) fail(`a sentence appears twice in ${field}`, tokens);
    }
    for (const conflict of draft.conflicts) {
      const source = store.results.get(`${conflict.clientId}#${conflict.seq}`);
      if (source?.status !== 'conflict') fail('a conflict row names an op that did not end in conflict', conflict);
    }
  }
}

function checkIntent(store: MemoryStore, intent: Intent, all: Intent[]): void {
  const result = store.results.get(`${intent.clientId}#${intent.seq}`)!;
  const label = `op ${intent.kind} ${intent.clientId.slice(0, 2)}#${intent.seq}`;
  if ((result.status === 'rejected') !== (intent.kind === 'invalid')) fail(`${label} ended ${result.status}`, result);
  if (result.status === 'rejected') return;
  const draft = store.drafts.get(intent.draftId);
  if (!draft) fail(`${label}: its draft is missing`);
  const ownConflicts = draft.conflicts.filter((conflict) => conflict.clientId === intent.clientId && conflict.seq === intent.seq);
  if (result.status === 'conflict' && ownConflicts.length === 0) fail(`${label} ended in conflict but no conflict row shows it`);
  const marker = intent.marker;
  if (!marker) return;
  const removed = (kind: Intent['kind']) => all.some((other) => other.kind === kind && other.marker === marker && store.results.get(`${other.clientId}#${other.seq}`)?.status !== 'rejected');
  const inConflict = ownConflicts.some((conflict) => JSON.stringify(conflict.ours).includes(marker));
  switch (intent.kind) {
    case 'tagAdd':
      if (!removed('tagRemove') && !draft.lists.tags.includes(marker)) fail(`${label}: tag ${marker} was lost`);
      return;
    case 'textInsert': {
      const kept = tokenize(String(draft.texts.summary.v)).includes(marker) || tokenize(String(draft.texts.notes.v)).includes(marker);
      if (!kept && !removed('textDelete') && !(result.status === 'conflict' && inConflict)) fail(`${label}: sentence "${marker}" was lost`, result);
      return;
    }
    case 'sourceAdd':
      if (!Object.values(draft.sources).some((row) => row.fields.title?.v === marker)) fail(`${label}: source ${marker} was lost`);
      return;
    case 'quoteAdd':
      if (!Object.values(draft.quotes).some((row) => row.fields.quote?.v === marker)) fail(`${label}: quote ${marker} was lost`);
      return;
    case 'title':
    case 'sourceEdit':
    case 'quoteEdit': {
      // A quote edited under a source another device deleted is stored on the quote; its conflict row flags
      // the source (to restore it), so a later edit may replace the note like any applied value.
      const flagsOnlyItsSource = ownConflicts.length > 0 && ownConflicts.every((conflict) => conflict.kind === 'row_deleted' && conflict.path.startsWith('source:'));
      // A later edit may replace an applied value; a value that clashed must stay visible (in its conflict row).
      if (result.status === 'conflict' && !flagsOnlyItsSource && !inConflict && !JSON.stringify(draft).includes(marker)) fail(`${label}: its value is nowhere in the draft`, ownConflicts);
      return;
    }
    default:
      return;
  }
}
