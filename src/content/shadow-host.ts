/**
 * A host element for in-page UI: a closed shadow root (the page cannot reach inside), and its own
 * placement set as inline `!important` styles, which outrank any page stylesheet, even `* { all: revert !important }`.
 */
export function createShadowHost(doc: Document, tag: string, css: string, placement: Record<string, string>) {
  const host = doc.createElement(tag);
  for (const [property, value] of Object.entries({ all: 'initial', display: 'block', 'z-index': '2147483647', ...placement })) {
    host.style.setProperty(property, value, 'important');
  }
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return {
    host,
    root,
    place(changes: Record<string, string>) {
      for (const [property, value] of Object.entries(changes)) host.style.setProperty(property, value, 'important');
    },
  };
}
