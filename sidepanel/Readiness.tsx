import type { Draft } from '../src/core/draft.ts';
import { ReadinessList } from '../src/ui/ReadinessList.tsx';
import { readiness } from '../src/workspace/readiness.ts';

/** The readiness checklist of the draft being edited. */
export function DraftReadiness({ draft }: { draft: Draft }) {
  return <ReadinessList readiness={readiness(draft)} />;
}
