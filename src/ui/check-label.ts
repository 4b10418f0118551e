/** What a readiness check is called, for the checklist and for the worker's "not ready" answer. */
import { t, type MessageKey } from '../i18n/i18n.ts';
import type { CheckId } from '../workspace/readiness.ts';

export const checkLabel = (id: CheckId): string => t(id === 'provider' ? 're_readiness_provider' : (`readiness_${id}` as MessageKey));
