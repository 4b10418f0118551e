import type { Clip, Draft } from '../src/core/draft.ts';
import { ReadinessList } from '../src/ui/ReadinessList.tsx';
import { readiness } from '../src/workspace/readiness.ts';

/** The readiness checklist of the draft being edited. */
export function DraftReadiness({ draft, clips }: { draft: Draft; clips: Clip[] }) {
  return <ReadinessList readiness={readiness(draft, clips)} />;
}
