/** JSON-LD blocks of a page, flattened into nodes, tolerant of the malformed JSON found in the wild. */

export type JsonObject = Record<string, unknown>;

export interface JsonLdNode {
  node: JsonObject;
  /** 0 for top-level and `@graph` members, +1 per level of nesting inside another node. */
  depth: number;
}

const MAX_DEPTH = 6;
const MAX_NODES = 400;

/** Repairs the usual breakage: HTML comments or CDATA around the JSON, trailing commas, raw newlines in strings. */
function parseLenient(text: string): unknown {
  const trimmed = text.trim().replace(/^<!--|-->$|^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '').trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      return JSON.parse(trimmed.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, depth: number, out: JsonLdNode[]): void {
  if (out.length >= MAX_NODES || depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, depth, out);
    return;
  }
  const node = value as JsonObject;
  out.push({ node, depth });
  for (const [key, child] of Object.entries(node)) {
    if (key === '@context') continue;
    collect(child, key === '@graph' ? depth : depth + 1, out);
  }
}

export interface JsonLd {
  nodes: JsonLdNode[];
  /** Raw text of blocks that would not parse, for a last-resort field search. */
  broken: string[];
}

export function readJsonLd(doc: Document): JsonLd {
  const nodes: JsonLdNode[] = [];
  const broken: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    const parsed = parseLenient(text);
    if (parsed === undefined) broken.push(text);
    else collect(parsed, 0, nodes);
  }
  return { nodes, broken };
}

export function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((item): item is string => typeof item === 'string');
}

/** Articles and blog posts, in schema.org's families (NewsArticle, BlogPosting, ReportageNewsArticle, LiveBlogPosting…). */
export function isArticle(node: JsonObject): boolean {
  return typesOf(node).some((type) => /Article|Posting|Report|Blog$|Review$|^Episode$/.test(type));
}

export function isWebPage(node: JsonObject): boolean {
  return typesOf(node).some((type) => /WebPage$|Page$/.test(type));
}

/**
 * Nodes that carry `field`, best first: articles before web pages before anything else,
 * shallow before nested (nested articles are usually "related" lists).
 */
export function rankedWith(jsonLd: JsonLd, field: string): JsonObject[] {
  const rank = ({ node, depth }: JsonLdNode) => depth * 3 + (isArticle(node) ? 0 : isWebPage(node) ? 1 : 2);
  return jsonLd.nodes
    .filter(({ node }) => node[field] !== undefined)
    .sort((a, b) => rank(a) - rank(b))
    .map(({ node }) => node);
}

/**
 * A value that only points at another node (`{"@id": "…#organization"}`, as Yoast's graphs write
 * authors and publishers) replaced by that node, when the page holds it.
 */
export function resolved(jsonLd: JsonLd, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => resolved(jsonLd, item));
  if (!value || typeof value !== 'object') return value;
  const object = value as JsonObject;
  const id = object['@id'];
  if (typeof id !== 'string' || object['name'] !== undefined) return value;
  return jsonLd.nodes.find(({ node }) => node['@id'] === id && node['name'] !== undefined)?.node ?? value;
}

/** Text of a JSON-LD value that may be a string, a number, an array, or `{name}` / `{@value}` objects. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? textOf(value[0]) : undefined;
  if (value && typeof value === 'object') {
    const object = value as JsonObject;
    return textOf(object['name'] ?? object['@value']);
  }
  return undefined;
}

/** `"field": "value"` from blocks that would not parse as JSON. */
export function fieldFromBroken(jsonLd: JsonLd, field: string): string | undefined {
  const pattern = new RegExp(`"${field}"\\s*:\\s*"([^"]{1,200})"`);
  for (const text of jsonLd.broken) {
    const match = pattern.exec(text);
    if (match) return match[1];
  }
  return undefined;
}
