/**
 * The catalogue-free half of `t()`: it asks the extension's i18n API and nothing else, so the content
 * scripts (self-contained bundles with a size budget) do not carry the English catalogue, which the
 * browser already has. Extension pages, the worker and unit tests use `t()` from `./i18n.ts`, which
 * falls back to the bundled English catalogue outside an extension.
 */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage?(): string;
}

function extensionI18n(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

/** The extension's message for `key`, or '' outside an extension (or when the key is unknown). */
export function extensionMessage(key: string, substitutions: string[]): string {
  try {
    return extensionI18n()?.getMessage(key, substitutions) ?? '';
  } catch {
    return ''; // The extension was reloaded under an orphaned content script.
  }
}

/** `t()` for content scripts: the extension's message, or the key itself if there is none. */
export function tr(key: MessageKey, ...substitutions: (string | number)[]): string {
  return extensionMessage(key, substitutions.map(String)) || key;
}

/** A number written the way the browser's UI language writes it. */
export function formatNumber(value: number): string {
  let language = 'en';
  try {
    language = extensionI18n()?.getUILanguage?.() || 'en';
  } catch {
    // keep English
  }
  try {
    return value.toLocaleString(language);
  } catch {
    return value.toLocaleString('en');
  }
}
