import { describe, expect, it } from 'vitest';
import { SourceMetadata } from '../../../src/core/draft.ts';
import { stripSiteSuffix } from '../../../src/capture/metadata/title.ts';
import { extract } from './helpers.ts';

describe('title', () => {
  it.each([
    ['Chatbot gives bad advice | The Daily Example', ['The Daily Example'], 'Chatbot gives bad advice'],
    ['Chatbot gives bad advice - The Verge', ['The Verge'], 'Chatbot gives bad advice'],
    ['Example News — Chatbot gives bad advice', ['Example News'], 'Chatbot gives bad advice'],
    ['Chatbot gives bad advice | Some Blog', [], 'Chatbot gives bad advice'],
    ['Python 3.6.0 - now available', ['blog.python.org'], 'Python 3.6.0 - now available'],
  ])('%s', (title, sites, expected) => {
    expect(stripSiteSuffix(title, sites)).toBe(expected);
  });

  it('uses og:title and strips the site name from <title> using og:site_name', () => {
    expect(extract('<title>Incident report · Acme Times</title><meta property="og:site_name" content="Acme Times">').title).toBe('Incident report');
    const meta = extract('<title>Incident | Acme</title><meta property="og:title" content="Incident report, in full">');
    expect(meta.title).toBe('Incident report, in full');
    expect(meta.provenance['title']).toBe('meta:og:title');
  });
});

describe('canonical URL', () => {
  it('prefers a same-site rel=canonical and drops tracking parameters and the fragment', () => {
    const meta = extract(
      '<link rel="canonical" href="/story?id=7&utm_source=x#top">',
      '',
      'https://news.example.com/story?id=7&fbclid=abc&utm_medium=social#comments',
    );
    expect(meta.url).toBe('https://news.example.com/story?id=7');
    expect(meta.originalUrl).toBe('https://news.example.com/story?id=7&fbclid=abc&utm_medium=social#comments');
    expect(meta.provenance['url']).toBe('link[rel=canonical]');
  });

  it('ignores a canonical on another site, a non-http one, or a bare home page', () => {
    const page = 'https://news.example.com/story?gclid=1';
    for (const href of ['https://evil.example.org/story', 'javascript:alert(1)', 'https://news.example.com/']) {
      const meta = extract(`<link rel="canonical" href="${href}">`, '', page);
      expect(meta.url).toBe('https://news.example.com/story');
      expect(meta.provenance['url']).toBe('page');
    }
  });
});

describe('other fields', () => {
  it('reads publisher, authors, language and description, valid against the schema', () => {
    const meta = extract(
      `<meta property="og:site_name" content="Acme Times"><meta name="author" content="By Grace Hopper">
       <meta name="description" content="What happened."><meta name="citation_author" content="Hopper, Grace">`,
      '',
      'https://news.example.com/story',
      'en-GB',
    );
    expect(meta.publisher).toBe('Acme Times');
    expect(meta.authors).toEqual(['Hopper, Grace']);
    expect(meta.language).toBe('en-GB');
    expect(meta.description).toBe('What happened.');
    expect(() => SourceMetadata.parse(meta)).not.toThrow();
  });

  it('drops profile URLs as author names', () => {
    expect(extract('<meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="Ann Example">').authors).toEqual(['Ann Example']);
  });
});
