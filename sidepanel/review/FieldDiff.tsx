import type { DiffPart } from '../../src/core/review-diff.ts';
import { t } from '../../src/i18n/i18n.ts';
import { PageText } from '../../src/ui/PageText.tsx';

/** Removed words struck through, added words underlined; each run also says which it is, for screen readers. */
export function FieldDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="rq-diff" aria-label={t('rq_diff_label')}>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <PageText key={index} text={part.text} />
        ) : part.kind === 'removed' ? (
          <del key={index} aria-label={t('rq_diff_removed', part.text)}>
            <PageText text={part.text} />
          </del>
        ) : (
          <ins key={index} aria-label={t('rq_diff_added', part.text)}>
            <PageText text={part.text} />
          </ins>
        ),
      )}
    </p>
  );
}
