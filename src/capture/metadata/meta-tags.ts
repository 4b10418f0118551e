/** All `<meta>` tags of a page, keyed by lower-cased name, property, itemprop or http-equiv. */

export type MetaTags = Map<string, string[]>;

const KEY_ATTRIBUTES = ['property', 'name', 'itemprop', 'http-equiv'] as const;

export function readMetaTags(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const element of doc.querySelectorAll('meta')) {
    const content = (element.getAttribute('content') ?? element.getAttribute('value') ?? '').trim();
    if (content === '') continue;
    for (const attribute of KEY_ATTRIBUTES) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (!key) continue;
      const values = tags.get(key);
      if (values) values.push(content);
      else tags.set(key, [content]);
    }
  }
  return tags;
}

/** The first non-empty value among `keys`, in the order given, with the key it came from. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = tags.get(key)?.[0];
    if (value) return { key, value };
  }
  return undefined;
}
