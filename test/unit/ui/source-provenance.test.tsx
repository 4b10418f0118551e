// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PublishedTimestamp, SourceProvenance } from '../../../sidepanel/SourceProvenance.tsx';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';
import { timestampZone } from '../../../src/ui/provenance-words.ts';

function shown(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

const PAGE = `<!doctype html><html lang="en"><head><title>Vote | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vote","datePublished":"2020-07-09T23:40:00-04:00","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
</head><body><article><h1>Vote</h1><p>Text.</p></article></body></html>`;

describe('where a source’s details came from, in the editor', () => {
  it('says it in words an editor understands, with the technical origin in a tooltip', () => {
    const meta = extractMetadata(new DOMParser().parseFromString(PAGE, 'text/html'), 'https://ledger.example/2020/07/vote');
    const root = shown(<SourceProvenance source={meta} />);
    const items = [...root.querySelectorAll('li')];
    const text = items.map((item) => item.textContent);
    expect(text).toContain("Authors: from the page's structured data");
    expect(text).toContain('Publisher: from the page\'s sharing tags (for social media)');
    expect(text).toContain('Address (URL): from the address you were reading');
    expect(root.textContent).not.toMatch(/←|json-ld|meta:/);
    expect(items.find((item) => item.textContent?.startsWith('Authors'))?.title).toBe('authors ← json-ld:author');
  });

  it('shows the timestamp the date was read from, as written, with its zone', () => {
    const meta = extractMetadata(new DOMParser().parseFromString(PAGE, 'text/html'), 'https://ledger.example/vote');
    expect(meta.publishedDate).toBe('2020-07-09');
    const root = shown(<PublishedTimestamp source={meta} />);
    expect(root.textContent).toBe('The page gives the time as 2020-07-09T23:40:00-04:00 (time zone UTC−04:00).');
  });

  it('shows no timestamp for a date printed without a time', () => {
    const meta = extractMetadata(
      new DOMParser().parseFromString('<html><body><h1>Vote</h1><p>Published 9 July 2020</p></body></html>', 'text/html'),
      'https://ledger.example/vote',
    );
    expect(shown(<PublishedTimestamp source={meta} />).textContent).toBe('');
  });

  it('names the zone of a timestamp in UTC terms', () => {
    expect(timestampZone('2020-07-09T23:40:00Z')).toBe('UTC');
    expect(timestampZone('2020-07-09T23:40:00+0530')).toBe('UTC+05:30');
    expect(timestampZone('2020-07-09 23:40 GMT')).toBe('UTC');
    expect(timestampZone('2020-07-09T23:40:00')).toBeUndefined();
  });
});
