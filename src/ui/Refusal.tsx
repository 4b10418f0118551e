/** The archive's reasons for refusing a draft, each named by the field it concerns (popup and editor). */
import type { Draft } from '../core/draft.ts';
import { refusalOf } from '../store/outbox.ts';
import { placeRefusals, type PlacedRefusal } from '../workspace/refusal-fields.ts';
import { fieldLabel } from './field-label.ts';
import { t } from '../i18n/i18n.ts';
import { useLiveQuery } from './live-query.ts';
import { withoutBidiControls } from './PageText.tsx';

/** The refusal of this draft's last submission, placed on its fields; [] when it was not refused. */
export function useRefusals(draft: Draft | undefined): PlacedRefusal[] {
  const refusal = useLiveQuery(async () => (draft ? ((await refusalOf(draft.id)) ?? null) : null), [draft?.id]);
  return refusal && draft ? placeRefusals(refusal.fields ?? [], refusal.body, draft) : [];
}

function where(refusal: PlacedRefusal, draft: Draft): string {
  if (refusal.field) return fieldLabel(refusal.field, draft);
  const clip = refusal.clipId && draft.clips.find((candidate) => candidate.id === refusal.clipId);
  if (clip) return t('refusal_quote', withoutBidiControls(clip.quote.slice(0, 60)));
  return refusal.path || t('refusal_whole_draft');
}

/** `onShow`: the editor moves the focus to the field; the popup has no field to move to. */
export function RefusalList({ refusals, draft, onShow }: { refusals: PlacedRefusal[]; draft: Draft; onShow?: (refusal: PlacedRefusal) => void }) {
  if (refusals.length === 0) return null;
  return (
    <ul class="refusals" aria-label={t('refusal_list')}>
      {refusals.map((refusal) => (
        <li key={refusal.path + refusal.message}>
          {onShow && refusal.field ? (
            <button type="button" class="link" onClick={() => onShow(refusal)}>
              {where(refusal, draft)}
            </button>
          ) : (
            <strong>{where(refusal, draft)}</strong>
          )}
          : <bdi>{withoutBidiControls(refusal.message)}</bdi>
        </li>
      ))}
    </ul>
  );
}
