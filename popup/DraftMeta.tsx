import type { Draft } from '../src/core/draft.ts';
import { draftState } from '../src/ui/draft-state.ts';
import { t } from '../src/i18n/i18n.ts';

/** How many sources, where the draft stands, and (while it is a draft) when it was last edited. */
export function DraftMeta({ draft }: { draft: Draft }) {
  const state = draftState(draft);
  return (
    <div class="meta muted">
      {t(draft.sources.length === 1 ? 'popup_one_source' : 'popup_n_sources', draft.sources.length)} ·{' '}
      <span class={`state state-${state.kind}`} data-state={state.kind}>
        {state.label}
      </span>
      {state.kind === 'draft' && ` · ${t('popup_state_edited', new Date(draft.updatedAt).toLocaleString())}`}
    </div>
  );
}
