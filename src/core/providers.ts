/** Guesses which AI providers a source is about: by its domain, then by names mentioned in its title or quotes. */
import type { SourceMetadata } from './draft.ts';
import { hostnameOf } from './url.ts';

export interface ProviderRef {
  name: string;
  domains: string[];
}

function hostBelongsTo(host: string, domain: string): boolean {
  const wanted = domain.toLowerCase().replace(/^\.+|\.+$/g, '');
  return wanted !== '' && (host === wanted || host.endsWith(`.${wanted}`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whole-word and case-sensitive, so "Meta" does not match "metadata" or "meta-analysis"
 * and "Apple" does not match "apple pie". Word boundaries are Unicode-aware.
 */
function mentions(text: string, name: string): boolean {
  const trimmed = name.trim();
  if (trimmed === '') return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(trimmed)}(?![\\p{L}\\p{N}_])`, 'u').test(text);
}

/**
 * Provider names in a deterministic order: providers owning the source's domain first,
 * then providers named in the title or the given text, each group in the order of `providers`.
 */
export function guessProviders(meta: SourceMetadata, text: string, providers: ProviderRef[]): string[] {
  const hosts = [hostnameOf(meta.url), hostnameOf(meta.originalUrl)].filter((host): host is string => !!host);
  const byDomain = providers.filter((provider) =>
    provider.domains.some((domain) => hosts.some((host) => hostBelongsTo(host, domain))),
  );
  const haystack = `${meta.title}\n${text}`;
  const byMention = providers.filter((provider) => mentions(haystack, provider.name));
  return [...new Set([...byDomain, ...byMention].map((provider) => provider.name))];
}
