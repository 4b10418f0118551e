/**
 * `t(key, ...substitutions)`: every UI string comes from `_locales/<lang>/messages.json` through
 * `i18n.getMessage`. Outside an extension (unit tests) the English catalogue answers, with the
 * same `$name$` placeholder rules. Content scripts use `tr()` from `./i18n-runtime.ts` instead,
 * which does not bundle the catalogue.
 */
import english from '../../public/_locales/en/messages.json' with { type: 'json' };
import { extensionMessage, type MessageKey } from './i18n-runtime.ts';

export type { MessageKey } from './i18n-runtime.ts';
export { formatNumber } from './i18n-runtime.ts';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const catalogue: Catalogue = english;

function fromCatalogue(key: string, substitutions: string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (!content) return whole;
    return content.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  return extensionMessage(key, subs) || fromCatalogue(key, subs);
}

/** A sentence stored as a key and its substitutions, so it is rendered in the language shown, not the one stored. */
export interface StoredMessage {
  key: string;
  params: string[];
}

export function storedMessage(key: MessageKey, ...params: (string | number)[]): StoredMessage {
  return { key, params: params.map(String) };
}

/** Renders a stored message; '' if its key is no longer in the catalogue (the caller shows its stored text then). */
export function tStored(stored: StoredMessage | undefined): string {
  return stored ? t(stored.key as MessageKey, ...stored.params) : '';
}
