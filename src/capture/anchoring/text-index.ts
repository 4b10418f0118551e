/**
 * Maps between DOM boundary points and character offsets in `root.textContent`,
 * which is the concatenation of every descendant Text node in document order.
 */

export interface TextIndex {
  /** Equal to `root.textContent`. */
  text: string;
  /**
   * `text` with the characters a reader never sees (script, style, template, noscript) masked, same length:
   * quotes are searched here, so offsets stay those of `textContent` while hidden copies can never match.
   */
  visibleText: string;
  nodes: Text[];
  /** `ends[i]` is the offset just past `nodes[i]`; non-decreasing. */
  ends: number[];
}

const TEXT_NODE = 3;
/** Text, CDATA section, processing instruction, comment. */
const CHARACTER_DATA_TYPES = new Set([3, 4, 7, 8]);
const SHOW_TEXT = 0x4;
const SHOW_ALL = 0xffffffff;

/** Elements whose text is in `textContent` but never shown as page text. */
const HIDDEN_TEXT_CONTAINERS = 'script, style, template, noscript';
/**
 * NUL: no quote holds it, so no search matches across it. Made at run time: Chrome refuses to load an
 * extension script whose bytes hold a noncharacter such as U+FFFF, and a minifier may write the literal out.
 */
const MASK = String.fromCharCode(0);

export function indexText(root: Element): TextIndex {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const ends: number[] = [];
  const parts: string[] = [];
  const visibleParts: string[] = [];
  const hiddenParent = new Map<Element, boolean>();
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const parent = text.parentElement;
    let hidden = parent ? hiddenParent.get(parent) : false;
    if (hidden === undefined && parent) {
      hidden = parent.closest(HIDDEN_TEXT_CONTAINERS) !== null;
      hiddenParent.set(parent, hidden);
    }
    nodes.push(text);
    parts.push(text.data);
    visibleParts.push(hidden ? MASK.repeat(text.data.length) : text.data);
    offset += text.data.length;
    ends.push(offset);
  }
  return { text: parts.join(''), visibleText: visibleParts.join(''), nodes, ends };
}

/** The first node at or after the boundary point (container, offset), or null at the end of root. */
function nodeAtBoundary(root: Node, container: Node, offset: number): Node | null {
  const child = container.childNodes[offset];
  if (child) return child;
  for (let node: Node | null = container; node && node !== root; node = node.parentNode) {
    if (node.nextSibling) return node.nextSibling;
  }
  return null;
}

/** Character offset in `root.textContent` of a Range boundary point inside root. */
export function boundaryOffset(root: Element, container: Node, offset: number): number {
  if (!root.contains(container)) throw new Error('The range is not inside the page text root.');
  const isCharacterData = CHARACTER_DATA_TYPES.has(container.nodeType);
  // In a comment or processing instruction the offset counts characters that textContent leaves out.
  const stop = isCharacterData ? container : nodeAtBoundary(root, container, offset);
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ALL);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === stop) return node === container && node.nodeType === TEXT_NODE ? total + offset : total;
    if (node.nodeType === TEXT_NODE) total += (node as Text).data.length;
  }
  return total;
}

/** Smallest i with ends[i] > offset (strictly) or >= offset (inclusive), or -1. */
function firstNodeEndingAfter(ends: number[], offset: number, inclusive: boolean): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const end = ends[mid]!;
    if (inclusive ? end >= offset : end > offset) high = mid;
    else low = mid + 1;
  }
  return low < ends.length ? low : -1;
}

function pointAt(index: TextIndex, offset: number, isEnd: boolean): [Text, number] | null {
  const { nodes, ends } = index;
  // A start belongs to the node holding the next character, an end to the node holding the previous one.
  let i = firstNodeEndingAfter(ends, offset, isEnd);
  if (i < 0) i = nodes.length - 1;
  if (i < 0) return null;
  const node = nodes[i]!;
  return [node, offset - (ends[i]! - node.data.length)];
}

export function rangeFromOffsets(root: Element, start: number, end: number, index: TextIndex = indexText(root)): Range {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= index.text.length)) {
    throw new RangeError(`Offsets [${start}, ${end}) are outside the page text (length ${index.text.length}).`);
  }
  const range = root.ownerDocument.createRange();
  const from = pointAt(index, start, false);
  const to = pointAt(index, end, true);
  if (!from || !to) {
    range.selectNodeContents(root);
    range.collapse(true);
    return range;
  }
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}
