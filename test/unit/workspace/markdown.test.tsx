// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/workspace/markdown.ts';
import { Markdown } from '../../../src/ui/Markdown.tsx';

function rendered(source: string): HTMLElement {
  const root = document.createElement('div');
  render(<Markdown source={source} label="Notes" />, root);
  return root;
}

describe('editor notes Markdown', () => {
  it('renders headings, emphasis, lists, quotes, code and safe links as elements', () => {
    const root = rendered('# Heads up\n\nSee **this** and *that* with `code`.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n[Report](https://news.example/a)');
    expect(root.querySelector('h3')?.textContent).toBe('Heads up');
    expect(root.querySelector('strong')?.textContent).toBe('this');
    expect(root.querySelector('em')?.textContent).toBe('that');
    expect(root.querySelector('code')?.textContent).toBe('code');
    expect([...root.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(root.querySelector('ol li')?.textContent).toBe('first');
    expect(root.querySelector('blockquote')?.textContent).toBe('quoted');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://news.example/a');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('shows markup and script links as plain text, never as HTML', () => {
    const root = rendered('<img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>bad()</script>');
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('[click](javascript:alert(1))');
  });

  it('keeps a fenced code block verbatim', () => {
    expect(parseMarkdown('```\n**not bold**\n```')).toEqual([{ type: 'code', text: '**not bold**' }]);
  });
});
