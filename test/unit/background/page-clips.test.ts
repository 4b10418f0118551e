import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/extension-api.ts', () => ({ browser: {} }));
const { pageUrlsFor } = await import('../../../src/background/page-clips.ts');

describe('which clips a page may see', () => {
  it('its own address without tracking parameters or fragment', () => {
    expect(pageUrlsFor('https://news.example/story?utm_source=x&id=3#top')).toEqual(['https://news.example/story?id=3']);
  });

  it('also its declared canonical URL when that is on its own origin', () => {
    expect(pageUrlsFor('https://news.example/story?page=1', 'https://news.example/story')).toEqual([
      'https://news.example/story?page=1',
      'https://news.example/story',
    ]);
  });

  it('never another site, whatever the page claims', () => {
    expect(pageUrlsFor('https://evil.example/', 'https://news.example/story')).toEqual(['https://evil.example/']);
    expect(pageUrlsFor('https://evil.example/', 'not a url')).toEqual(['https://evil.example/']);
  });
});
