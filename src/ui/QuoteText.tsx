import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n/i18n.ts';
import { PageText } from './PageText.tsx';

/** Longer quotes show their start, with the whole text a click away (a 19,000-character quote would fill 25 screens). */
export const QUOTE_PREVIEW_CHARS = 600;

/** A quote as a blockquote: wrapped, bidi-isolated, and long ones folded until asked for. */
export function QuoteText({ quote }: { quote: string }) {
  const [whole, setWhole] = useState(false);
  const long = quote.length > QUOTE_PREVIEW_CHARS;
  return (
    <>
      <blockquote dir="auto">
        <PageText text={long && !whole ? `${quote.slice(0, QUOTE_PREVIEW_CHARS)}…` : quote} />
      </blockquote>
      {long && (
        <button type="button" class="link" aria-expanded={whole} onClick={() => setWhole(!whole)}>
          {whole ? t('quote_show_less') : t('quote_show_all', formatNumber(quote.length))}
        </button>
      )}
    </>
  );
}
