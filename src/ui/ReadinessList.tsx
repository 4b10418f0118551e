/** The readiness checklist, shared by the editor and the popup. */
import type { Readiness, ReadinessCheck } from '../workspace/readiness.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';

function Item({ check }: { check: ReadinessCheck }) {
  const mark = check.ok ? '✓' : check.level === 'required' ? '✗' : '•';
  const state = check.ok ? t('readiness_done') : check.level === 'required' ? t('readiness_blocks') : t('readiness_advised');
  return (
    <li class={`check ${check.ok ? 'ok' : check.level === 'required' ? 'error' : 'muted'}`} data-check={check.id} data-ok={String(check.ok)}>
      <span aria-hidden="true" class="mark">
        {mark}
      </span>{' '}
      {t(`readiness_${check.id}` as MessageKey)} <span class="sr-only">({state})</span>
      {check.details && (
        <ul>
          {check.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ReadinessList({ readiness, compact = false }: { readiness: Readiness; compact?: boolean }) {
  const shown = compact ? readiness.checks.filter((check) => !check.ok) : readiness.checks;
  return (
    <section aria-label={t('readiness_heading')} class="readiness">
      <p role="status" class={readiness.ready ? 'ok' : 'error'}>
        {readiness.ready ? t('readiness_ready') : t(readiness.blockers.length === 1 ? 'readiness_blocked_one' : 'readiness_blocked', readiness.blockers.length)}
      </p>
      <ul class="checks">
        {shown.map((check) => (
          <Item key={check.id} check={check} />
        ))}
      </ul>
    </section>
  );
}
