/** The text a reader sees: `textContent` without scripts, styles and templates (ad snippets there carry their own dates). */

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const MAX_CHARS = 300_000;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function visibleText(root: Element, maxChars = MAX_CHARS): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && length < maxChars; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const text = child.nodeValue ?? '';
        parts.push(text);
        length += text.length;
      } else if (child.nodeType === ELEMENT_NODE && !HIDDEN.has((child as Element).tagName.toUpperCase())) {
        walk(child);
      }
    }
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}
