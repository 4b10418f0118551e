/** The text a reader sees: `textContent` without scripts, styles and templates (ad snippets there carry their own dates). */

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const MAX_CHARS = 300_000;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The text nodes a reader sees, in document order, up to `maxChars` of text. */
export function visibleTextNodes(root: Element, maxChars = MAX_CHARS): Node[] {
  const nodes: Node[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && length < maxChars; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        nodes.push(child);
        length += child.nodeValue?.length ?? 0;
      } else if (child.nodeType === ELEMENT_NODE && !HIDDEN.has((child as Element).tagName.toUpperCase())) {
        walk(child);
      }
    }
  };
  walk(root);
  return nodes;
}

export function visibleText(root: Element, maxChars = MAX_CHARS): string {
  return visibleTextNodes(root, maxChars)
    .map((node) => node.nodeValue ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}
