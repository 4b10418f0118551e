/**
 * A quote's evidence hashes in the review view: short forms in the summary, the full SHA-256 values (selectable,
 * to compare with a copy) when opened. The page hash is the one the clipping device recorded with the page text it keeps.
 */
import type { QuoteEvidence as Evidence } from '../../src/core/review-contract.ts';
import { t } from '../../src/i18n/i18n.ts';

const short = (hash: string) => `${hash.slice(0, 12)}…`;

export function QuoteEvidence({ evidence }: { evidence: Evidence | undefined }) {
  if (!evidence) return null;
  const { quoteSha256, pageSha256 } = evidence;
  return (
    <details class="rg-evidence meta">
      <summary>
        {t('rg_evidence_summary', short(quoteSha256), pageSha256 ? short(pageSha256) : t('rg_evidence_page_none'))}
      </summary>
      <dl>
        <dt>{t('rg_evidence_quote')}</dt>
        <dd>
          <code title={quoteSha256}>{quoteSha256}</code>
        </dd>
        <dt>{t('rg_evidence_page')}</dt>
        <dd>{pageSha256 ? <code title={pageSha256}>{pageSha256}</code> : t('rg_evidence_page_missing')}</dd>
      </dl>
    </details>
  );
}
