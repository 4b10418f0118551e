import { useEffect, useState } from 'preact/hooks';
import type { Draft } from '../src/core/draft.ts';
import { t, tStored } from '../src/i18n/i18n.ts';
import { RefusalList, useRefusals } from '../src/ui/Refusal.tsx';
import { refusalsByField, type RefusalsByField } from '../src/ui/field-refusals.ts';
import { send } from '../src/ui/send.ts';

const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9-]/g, '-')}`;

/**
 * A draft the archive refused: its reasons, each a link to its field (the fields show them too, through
 * `onPlaced`), and "Submit again" once the editor has changed what was refused.
 */
export function RefusalPanel({ draft, onPlaced }: { draft: Draft; onPlaced: (byField: RefusalsByField) => void }) {
  const refused = draft.submission?.state === 'failed';
  const refusals = useRefusals(refused ? draft : undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const key = JSON.stringify(refusals.map(({ field, message }) => [field, message]));
  useEffect(() => onPlaced(refusalsByField(refusals)), [key]);
  if (!refused) return null;
  async function submitAgain() {
    setProblem(null);
    const reply = await send('draft.submit', { draftId: draft.id });
    if (!reply.ok) setProblem(reply.error);
  }
  return (
    <section class="notice error refusal" aria-label={t('refusal_list')}>
      <p role="alert">{tStored(draft.submission?.errorMessage)}</p>
      {refusals.length > 0 && <p>{t('submission_refused_fields')}</p>}
      <RefusalList refusals={refusals} draft={draft} onShow={(refusal) => document.getElementById(fieldId(refusal.field!))?.focus()} />
      {problem && <p role="alert">{problem}</p>}
      <button type="button" class="primary" onClick={() => void submitAgain()}>
        {t('popup_submit_again')}
      </button>
    </section>
  );
}
