/** The queue's filter form as the reviewer sets it, and the archive query it stands for. */
import type { QueueFilters } from '../../src/archive/review-client.ts';
import { REVIEW_STATES, type ReviewState } from '../../src/core/draft.ts';

export const AGES = { any: {}, day: { maxAgeHours: 24 }, week: { minAgeHours: 24, maxAgeHours: 24 * 7 }, older: { minAgeHours: 24 * 7 } } as const;
export type Age = keyof typeof AGES;

export interface QueueForm {
  /** '' is the queue proper: submitted and in review. */
  state: ReviewState | '';
  claimed: 'any' | 'me' | 'none';
  provider: string;
  code: string;
  severity: string;
  age: Age;
  order: 'oldest' | 'newest';
}

export const DEFAULT_FORM: QueueForm = { state: '', claimed: 'any', provider: '', code: '', severity: '', age: 'any', order: 'oldest' };

export const PAGE_SIZE = 20;

export const QUEUE_STATES = REVIEW_STATES.filter((state) => state !== 'draft');

export function toFilters(form: QueueForm, offset: number): QueueFilters {
  return {
    ...(form.state ? { state: [form.state] } : {}),
    claimed: form.claimed,
    provider: form.provider,
    code: form.code,
    severity: form.severity,
    ...AGES[form.age],
    order: form.order,
    offset,
    limit: PAGE_SIZE,
  };
}
