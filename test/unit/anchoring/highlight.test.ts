// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearHighlights,
  highlightStyleText,
  isHighlightApiAvailable,
  paintHighlights,
  watchTextChanges,
} from '../../../src/capture/highlight.ts';
import { loadPage } from './page.ts';

/** Stands in for the browser's HighlightRegistry and Highlight where the test DOM lacks them. */
class FakeHighlight {
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

function installFakeHighlightApi(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  return registry;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function rangeOfText(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}

describe('highlights', () => {
  it('reports whether the Custom Highlight API exists, and painting without it is a harmless no-op', () => {
    vi.stubGlobal('CSS', undefined);
    expect(isHighlightApiAvailable(document)).toBe(false);
    const body = loadPage('<p>quote</p>');
    expect(() => paintHighlights(document, [rangeOfText(body)])).not.toThrow();
    installFakeHighlightApi();
    expect(isHighlightApiAvailable(document)).toBe(true);
  });

  it('paints ranges under a name, replaces them on repaint and clears them, without touching the DOM', () => {
    const registry = installFakeHighlightApi();
    const body = loadPage('<p>first <b>second</b></p><p>third</p>');
    const before = body.textContent;
    const childCount = body.querySelectorAll('*').length;
    const [first, second] = body.querySelectorAll('p');

    paintHighlights(document, [rangeOfText(first!), rangeOfText(second!)]);
    const [name] = registry.keys();
    expect(registry.get(name!)?.ranges.map(String)).toEqual(['first second', 'third']);

    paintHighlights(document, [rangeOfText(second!)]);
    expect(registry.get(name!)?.ranges.map(String)).toEqual(['third']);

    paintHighlights(document, [rangeOfText(first!)], 'other');
    clearHighlights(document);
    expect([...registry.keys()]).toEqual(['other']);
    expect(body.textContent).toBe(before);
    expect(body.querySelectorAll('*').length).toBe(childCount);
  });

  it('keeps no registry entry the page can list while the tab is hidden, and paints again when it is shown (finding 6)', () => {
    const registry = installFakeHighlightApi();
    const body = loadPage('<p>clipped passage</p>');
    const setVisibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    clearHighlights(document, 'other');
    paintHighlights(document, [rangeOfText(body.querySelector('p')!)]);
    expect([...registry.keys()]).toEqual(['incident-clipper']);
    setVisibility('hidden');
    expect(registry.size).toBe(0);
    setVisibility('visible');
    expect(registry.get('incident-clipper')?.ranges.map(String)).toEqual(['clipped passage']);
    paintHighlights(document, []);
    setVisibility('hidden');
    setVisibility('visible');
    expect(registry.size).toBe(0);
  });

  it('gives a ::highlight rule for the name and refuses names that would break out of it', () => {
    expect(highlightStyleText('clip-quotes')).toMatch(/^::highlight\(clip-quotes\) \{[^}]*background-color:[^}]*\}$/);
    expect(highlightStyleText()).toMatch(/^::highlight\([\w-]+\)/);
    expect(() => highlightStyleText('x) {} body { display: none')).toThrow();
  });
});

describe('watchTextChanges', () => {
  it('calls back once after a burst of text changes, and not after unsubscribing', async () => {
    const body = loadPage('<p id="live">loading…</p>');
    const onChange = vi.fn();
    const stop = watchTextChanges(document, onChange, 20);
    const live = body.querySelector('#live')!;
    live.textContent = 'Incident report';
    live.append(document.createElement('span'));
    (live.firstChild as Text).data = 'Incident report, updated';
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onChange).toHaveBeenCalledTimes(1);

    stop();
    live.textContent = 'changed again';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
