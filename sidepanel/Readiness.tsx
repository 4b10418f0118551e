import type { Draft } from '../src/core/draft.ts';
import { ReadinessList } from '../src/ui/ReadinessList.tsx';
import { useTaxonomy } from '../src/ui/use-taxonomy.ts';
import { readiness } from '../src/workspace/readiness.ts';

/** The readiness checklist of the draft being edited, blocking on what the archive's taxonomy requires. */
export function DraftReadiness({ draft }: { draft: Draft }) {
  const required = useTaxonomy()?.taxonomy.requiredToSubmit;
  return <ReadinessList readiness={readiness(draft, required)} />;
}
