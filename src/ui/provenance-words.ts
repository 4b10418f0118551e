/**
 * Where a captured value came from, in words an editor understands ("from the page's structured
 * data"), with the technical origin (`json-ld:datePublished`) kept for a tooltip.
 */
import { t, type MessageKey } from '../i18n/i18n.ts';

/** Technical origins, by their leading part, to the message saying where that is on the page. */
const ORIGIN_WORDS: [RegExp, MessageKey][] = [
  [/^(?:json-ld|itemprop):/, 'provenance_from_structured_data'],
  [/^meta:(?:og|twitter|fb):/, 'provenance_from_sharing_tags'],
  [/^meta:/, 'provenance_from_meta_tags'],
  [/^link\[rel=canonical\]/, 'provenance_from_canonical_link'],
  [/^page$/, 'provenance_from_address_bar'],
  [/^url(?::|$)/, 'provenance_from_address'],
  [/^image-url:/, 'provenance_from_image_address'],
  [/^document\.title$/, 'provenance_from_tab_title'],
  [/^h1$/, 'provenance_from_headline'],
  [/^html\[lang\]$/, 'provenance_from_declared_language'],
  [/^markup:author$/, 'provenance_from_byline'],
  [/^script$/, 'provenance_from_scripts'],
  [/^(?:time\[|class:|text|wiki:|microformat:)/, 'provenance_from_page_text'],
];

const FIELD_LABELS: Record<string, MessageKey> = {
  url: 'source_url',
  title: 'source_title',
  publisher: 'source_publisher',
  authors: 'source_authors',
  publishedDate: 'source_published',
  modifiedDate: 'provenance_field_modified',
  language: 'provenance_field_language',
  description: 'provenance_field_description',
};

export interface ProvenanceLine {
  /** "Publisher: from the page's structured data". */
  words: string;
  /** The technical origin, as the extractor recorded it ("publisher ← json-ld:publisher"). */
  detail: string;
}

export function originInWords(origin: string): string {
  const key = ORIGIN_WORDS.find(([pattern]) => pattern.test(origin))?.[1] ?? 'provenance_from_page';
  let words = t(key);
  if (origin.includes('(shown on page)')) words = t('provenance_also_shown', words);
  if (origin.includes('(local time)')) words = t('provenance_local_day', words);
  return words;
}

export function provenanceLines(provenance: Record<string, string>): ProvenanceLine[] {
  return Object.entries(provenance).map(([field, origin]) => {
    const label = FIELD_LABELS[field];
    return { words: t('provenance_line', label ? t(label) : field, originInWords(origin)), detail: `${field} ← ${origin}` };
  });
}

/** "UTC−04:00", "UTC" or nothing, from the offset a machine timestamp ends with. */
export function timestampZone(raw: string): string | undefined {
  const zone = /\d\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)$/i.exec(raw.trim())?.[1];
  if (!zone) return undefined;
  if (/^(?:z|gmt|utc|[+-]00:?00)$/i.test(zone)) return 'UTC';
  const digits = zone.slice(1).replace(':', '');
  return `UTC${zone[0] === '-' ? '−' : '+'}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/** "Written by the page as 2020-07-09T01:30:00+02:00 (UTC+02:00)". */
export function timestampInWords(raw: string): string {
  const zone = timestampZone(raw);
  return zone ? t('provenance_timestamp_zone', raw, zone) : t('provenance_timestamp_no_zone', raw);
}
