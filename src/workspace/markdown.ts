/**
 * A small, safe Markdown subset for editor notes, parsed into a tree that the UI renders as elements
 * and text nodes (never as HTML). Supported: headings (#, ##, ###), paragraphs, `-`/`*`/`1.` lists,
 * `>` quotes, fenced code, **strong**, *emphasis* / _emphasis_, `code` and [links](https://…).
 * Links keep only http(s) and mailto targets; anything else stays as plain text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; text: string };

export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const INLINE = /(\*\*([^*]+)\*\*)|(\*([^*\s][^*]*)\*)|(_([^_\s][^_]*)_)|(`([^`]+)`)|(\[([^\]]+)\]\(([^)\s]+)\))/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) });
    if (match[2] !== undefined) out.push({ type: 'strong', children: parseInline(match[2]) });
    else if (match[4] !== undefined) out.push({ type: 'em', children: parseInline(match[4]) });
    else if (match[6] !== undefined) out.push({ type: 'em', children: parseInline(match[6]) });
    else if (match[8] !== undefined) out.push({ type: 'code', text: match[8] });
    else {
      const href = safeHref(match[11]!);
      out.push(href ? { type: 'link', href, children: parseInline(match[10]!) } : { type: 'text', text: match[0] });
    }
    rest = rest.slice(match.index + match[0].length);
  }
  return out;
}

const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^```/.test(line.trim())) {
      flush();
      const code: string[] = [];
      for (i += 1; i < lines.length && !/^```/.test(lines[i]!.trim()); i += 1) code.push(lines[i]!);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, children: parseInline(heading[2]!.trim()) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const previous = blocks[blocks.length - 1];
      const entry = parseInline(item[3]!);
      if (previous?.type === 'list' && previous.ordered === ordered && /^\s*(?:[-*+]|\d+[.)])\s/.test(lines[i - 1] ?? '')) previous.items.push(entry);
      else blocks.push({ type: 'list', ordered, items: [entry] });
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      const previous = blocks[blocks.length - 1];
      if (previous?.type === 'quote' && /^>/.test(lines[i - 1] ?? '')) previous.children.push({ type: 'text', text: ' ' }, ...parseInline(quote[1]!));
      else blocks.push({ type: 'quote', children: parseInline(quote[1]!) });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
