/** The texts a page prints as a whole text node: a headline in a `<span>`, a site name in a footer. */
import { visibleTextNodes } from './dates/visible-text.ts';

const MIN_CHARS = 3;
const MAX_CHARS = 400;

export function printedTexts(root: Element, keep: (node: Node) => boolean = () => true): string[] {
  const runs: string[] = [];
  let previous: Node | undefined;
  for (const node of visibleTextNodes(root)) {
    if (!keep(node)) continue;
    // Some parsers split "&copy; 2021 Site" into two adjacent text nodes, where a browser keeps one.
    if (previous && node.previousSibling === previous) runs[runs.length - 1] += node.nodeValue ?? '';
    else runs.push(node.nodeValue ?? '');
    previous = node;
  }
  return runs.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text.length >= MIN_CHARS && text.length <= MAX_CHARS);
}
