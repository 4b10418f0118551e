import type { Source } from '../src/core/draft.ts';
import { t } from '../src/i18n/i18n.ts';
import { provenanceLines, timestampInWords } from '../src/ui/provenance-words.ts';

/** Where the clipper found each field, in words, so the editor can judge it; the technical origin is in each tooltip. */
export function SourceProvenance({ source }: { source: Pick<Source, 'provenance'> }) {
  const lines = provenanceLines(source.provenance);
  if (lines.length === 0) {
    return (
      <p class="muted hint" data-testid="provenance">
        {t('source_provenance_none')}
      </p>
    );
  }
  return (
    <div class="muted hint" data-testid="provenance">
      <p>{t('provenance_heading')}</p>
      <ul>
        {lines.map(({ words, detail }) => (
          <li key={detail} title={detail}>
            {words}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The machine timestamp the date was read from, as the page wrote it, with its zone: near midnight the day depends on it. */
export function PublishedTimestamp({ source }: { source: Pick<Source, 'publishedTimestamp' | 'provenance'> }) {
  const raw = source.publishedTimestamp;
  if (!raw) return null;
  return (
    <p class="muted hint" data-testid="published-timestamp" title={`publishedDate ← ${source.provenance['publishedDate'] ?? '?'}`}>
      {timestampInWords(raw)}
    </p>
  );
}
