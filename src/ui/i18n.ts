/**
 * `t(key, ...substitutions)`: every UI string comes from `_locales/<lang>/messages.json` through
 * `i18n.getMessage`. Outside an extension (unit tests) the English catalogue answers, with the
 * same `$name$` placeholder rules.
 */
import english from '../../public/_locales/en/messages.json' with { type: 'json' };

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof english;

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

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

function extensionI18n(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  return extensionI18n()?.getMessage(key, subs) || fromCatalogue(key, subs);
}
