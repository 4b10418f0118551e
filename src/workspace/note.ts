/** An offline note: a draft started without any page or clip, which becomes a full draft later. */
import { Draft } from '../core/draft.ts';
import { systemClock, type Clock } from '../core/clip-ops.ts';

export function newNote(clock: Clock = systemClock, title = ''): Draft {
  const now = clock.now();
  return Draft.parse({ id: clock.uuid(), title, createdAt: now, updatedAt: now });
}

/** A note is a draft with no source yet. */
export function isNote(draft: Pick<Draft, 'sources'>): boolean {
  return draft.sources.length === 0;
}
