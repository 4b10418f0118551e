/**
 * The readiness checklist, shared by the editor and the popup: what blocks submission, then the advice
 * (marked as advice, never blocking). "Ready to submit" shows only when nothing blocks.
 */
import type { Readiness, ReadinessCheck } from '../workspace/readiness.ts';
import { t } from '../i18n/i18n.ts';
import { checkLabel } from './check-label.ts';

function Item({ check }: { check: ReadinessCheck }) {
  const mark = check.ok ? '✓' : check.level === 'required' ? '✗' : '•';
  const state = check.ok ? t('readiness_done') : check.level === 'required' ? t('readiness_blocks') : t('readiness_advised');
  return (
    <li class={`check ${check.ok ? 'ok' : check.level === 'required' ? 'error' : 'muted'}`} data-check={check.id} data-level={check.level} data-ok={String(check.ok)}>
      <span aria-hidden="true" class="mark">
        {mark}
      </span>{' '}
      {checkLabel(check.id)} <span class="sr-only">({state})</span>
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

function Group({ heading, checks, level }: { heading: string; checks: ReadinessCheck[]; level: ReadinessCheck['level'] }) {
  if (checks.length === 0) return null;
  return (
    <>
      <p class="check-group muted" id={`readiness-${level}`}>
        {heading}
      </p>
      <ul class="checks" aria-labelledby={`readiness-${level}`} data-level={level}>
        {checks.map((check) => (
          <Item key={check.id} check={check} />
        ))}
      </ul>
    </>
  );
}

export function ReadinessList({ readiness, compact = false }: { readiness: Readiness; compact?: boolean }) {
  const shown = compact ? readiness.checks.filter((check) => !check.ok) : readiness.checks;
  return (
    <section aria-label={t('readiness_heading')} class="readiness" data-ready={String(readiness.ready)}>
      <p role="status" class={readiness.ready ? 'ok' : 'error'} data-testid="readiness-verdict">
        {readiness.ready ? t('readiness_ready') : t(readiness.blockers.length === 1 ? 'readiness_blocked_one' : 'readiness_blocked', readiness.blockers.length)}
      </p>
      <Group heading={t('re_readiness_required')} checks={shown.filter((check) => check.level === 'required')} level="required" />
      <Group heading={t('re_readiness_advice')} checks={shown.filter((check) => check.level === 'advised')} level="advised" />
    </section>
  );
}
