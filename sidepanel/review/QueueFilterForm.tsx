import type { ComponentChildren } from 'preact';
import { t } from '../../src/i18n/i18n.ts';
import { stateLabel } from '../../src/ui/review/review-words.ts';
import { useTaxonomy } from '../../src/ui/use-taxonomy.ts';
import { AGES, DEFAULT_FORM, QUEUE_STATES, type QueueForm } from './queue-filters.ts';

function Choice<K extends keyof QueueForm>(props: { name: K; label: string; form: QueueForm; onChange: (patch: Partial<QueueForm>) => void; children: ComponentChildren }) {
  const id = `rq-filter-${props.name}`;
  return (
    <div>
      <label for={id}>{props.label}</label>
      <select id={id} value={props.form[props.name]} onChange={(e) => props.onChange({ [props.name]: e.currentTarget.value })}>
        {props.children}
      </select>
    </div>
  );
}

const AGE_KEYS = { any: 'rq_age_any', day: 'rq_age_day', week: 'rq_age_week', older: 'rq_age_older' } as const;

/** Folded away until wanted (the side panel is narrow). Every filter is a plain select: reached with Tab, changed with the arrow keys, applied at once. */
export function QueueFilterForm({ form, onChange }: { form: QueueForm; onChange: (patch: Partial<QueueForm>) => void }) {
  const taxonomy = useTaxonomy()?.taxonomy;
  const common = { form, onChange };
  const set = (Object.keys(DEFAULT_FORM) as (keyof QueueForm)[]).filter((key) => form[key] !== DEFAULT_FORM[key]).length;
  return (
    <details class="rq-filters">
      <summary>{set === 0 ? t('rq_filters') : t('rq_filters_set', set)}</summary>
      <div class="two">
        <Choice name="state" label={t('rq_filter_state')} {...common}>
          <option value="">{t('rq_filter_state_waiting')}</option>
          {QUEUE_STATES.map((state) => (
            <option key={state} value={state}>
              {stateLabel(state)}
            </option>
          ))}
        </Choice>
        <Choice name="claimed" label={t('rq_filter_claimed')} {...common}>
          <option value="any">{t('rq_filter_claimed_any')}</option>
          <option value="me">{t('rq_filter_claimed_me')}</option>
          <option value="none">{t('rq_filter_claimed_none')}</option>
        </Choice>
        <Choice name="provider" label={t('rq_filter_provider')} {...common}>
          <option value="">{t('rq_filter_all')}</option>
          {taxonomy?.providers.map((provider) => (
            <option key={provider.name} value={provider.name}>
              {provider.name}
            </option>
          ))}
        </Choice>
        <Choice name="code" label={t('rq_filter_code')} {...common}>
          <option value="">{t('rq_filter_all')}</option>
          {taxonomy?.codes.map((code) => (
            <option key={code.code} value={code.code}>
              {code.code} — {code.label}
            </option>
          ))}
        </Choice>
        <Choice name="severity" label={t('rq_filter_severity')} {...common}>
          <option value="">{t('rq_filter_all')}</option>
          {taxonomy?.severities.map((severity) => (
            <option key={severity.level} value={severity.level}>
              {severity.level} — {severity.label}
            </option>
          ))}
        </Choice>
        <Choice name="age" label={t('rq_filter_age')} {...common}>
          {(Object.keys(AGES) as (keyof typeof AGES)[]).map((age) => (
            <option key={age} value={age}>
              {t(AGE_KEYS[age])}
            </option>
          ))}
        </Choice>
        <Choice name="order" label={t('rq_filter_order')} {...common}>
          <option value="oldest">{t('rq_order_oldest')}</option>
          <option value="newest">{t('rq_order_newest')}</option>
        </Choice>
      </div>
    </details>
  );
}
