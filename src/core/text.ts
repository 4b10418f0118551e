/**
 * Text that cannot be stored: U+0000 (PostgreSQL's text and jsonb refuse it) and UTF-16 surrogates
 * without their pair (no UTF-8 form exists). Both arrive in JSON as `\u0000` and `\ud800` escapes.
 */
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * Dotted paths (`sources.0.quotes.1`) of the strings and object keys in a JSON value that hold
 * unstorable text, at most `limit` of them. Walks without recursion and builds a path only for a hit:
 * the nesting depth is the sender's choice.
 */
export function unstorablePaths(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  const pending: Visit[] = [{ value, key: '', parent: null }];
  while (pending.length > 0 && found.length < limit) {
    const visit = pending.pop()!;
    if (typeof visit.value === 'string') {
      if (!isStorableText(visit.value)) found.push(pathOf(visit));
    } else if (visit.value !== null && typeof visit.value === 'object') {
      for (const [key, inner] of Object.entries(visit.value)) {
        const child = { value: inner, key, parent: visit };
        if (isStorableText(key)) pending.push(child);
        else found.push(pathOf(child));
      }
    }
  }
  return found.slice(0, limit);
}
