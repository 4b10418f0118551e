import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveCapture } from '../../../src/store/drafts.ts';
import { aiidCsv, aiidSubmissions, AIID_FIELDS } from '../../../src/workspace/io/aiid.ts';
import { parseCsv } from '../../../src/workspace/io/csv.ts';
import { draftToMarkdown } from '../../../src/workspace/io/draft-markdown.ts';
import { capture, freshDb } from '../support/fixtures.ts';

const hostileTitle = 'Breaking <img src=x onerror=alert(1)> [click](javascript:alert(2))';

async function hostileDraft(overrides: Parameters<typeof capture>[0] = {}, quote?: string) {
  const store = freshDb();
  const { draft } = await saveCapture(
    capture({ title: hostileTitle, authors: ['<script>alert(3)</script>', 'Ann ](javascript:alert(4))'], publisher: '**Wire**\n# heading', ...overrides }, quote),
    'new',
    { store },
  );
  return draft;
}

/** Every HTML tag and every link target a Markdown renderer would produce from the text. */
function activeParts(markdown: string) {
  return {
    tags: markdown.match(/<\/?[a-z][^>]*>/gi) ?? [],
    links: [...markdown.matchAll(/(?<!\\)\]\(([^)\s]*)/g)].map((match) => match[1]),
  };
}

describe('Markdown export of page text', () => {
  it('shows a page title and authors holding HTML and javascript: links as text, with no tag and no javascript: link', async () => {
    const draft = await hostileDraft({}, 'Quote with <b>bold</b> and [x](javascript:void 0)');
    const markdown = draftToMarkdown(draft);
    const { tags, links } = activeParts(markdown);
    expect(tags).toEqual([]);
    expect(links).toEqual(['https://news.example/story']);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('\\[click\\](javascript:alert(2))');
    // A newline in a page's publisher does not start a heading of its own.
    expect(markdown).not.toMatch(/^# heading/m);
  });

  it('links only http(s) source addresses', async () => {
    const draft = await hostileDraft({ url: 'https://news.example/a(b)c' });
    const [, link] = draftToMarkdown(draft).match(/(?<!\\)\]\((\S+)\)/) ?? [];
    expect(link).toBe('https://news.example/a%28b%29c');
  });
});

describe('AIID CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula (=, +, -, @, tab, CR), and keeps them readable', async () => {
    const draft = await hostileDraft({ title: '=HYPERLINK("http://evil.example","x")', authors: ['+1+cmd|calc', '@SUM(A1)'] }, '-2+3');
    const rows = aiidSubmissions(draft);
    rows[0]!.editor_notes = '\t=1+1';
    rows[0]!.tags = '\r=1+1';
    const parsed = parseCsv(aiidCsv(rows));
    const cells = parsed[1]!;
    for (const field of ['title', 'authors', 'text', 'editor_notes', 'tags'] as const) {
      expect(cells[AIID_FIELDS.indexOf(field)], field).toMatch(/^'/);
    }
    expect(cells[AIID_FIELDS.indexOf('title')]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(cells[AIID_FIELDS.indexOf('url')]).toBe('https://news.example/story');
  });
});
