import { describe, expect, it } from 'vitest';
import { isSameSite, siteOf } from '../../../src/core/site.ts';
import { extract } from '../metadata/helpers.ts';

const SHARED_HOSTS = ['azurewebsites.net', 'github.io', 'blogspot.com', 'herokuapp.com', 'pages.dev', 'vercel.app', 'appspot.com'];

describe('sites on shared hosting (issue 12, finding 9)', () => {
  it.each(SHARED_HOSTS)('two tenants of %s are two sites', (suffix) => {
    expect(isSameSite(`https://attacker.${suffix}/post`, `https://victim.${suffix}/story`)).toBe(false);
    expect(isSameSite(`https://victim.${suffix}/a`, `https://victim.${suffix}/b`)).toBe(true);
  });

  it('keeps ordinary sites and country registries whole', () => {
    expect(siteOf('https://news.bbc.co.uk/x')).toBe('bbc.co.uk');
    expect(isSameSite('https://m.example.com/a', 'https://www.example.com/a')).toBe(true);
    expect(isSameSite('http://127.0.0.1:8000/a', 'http://127.0.0.1:9000/b')).toBe(true);
    expect(siteOf('not a url')).toBeUndefined();
  });

  it.each(SHARED_HOSTS)('the capture ignores a canonical URL naming another tenant of %s', (suffix) => {
    const meta = extract(`<link rel="canonical" href="https://victim.${suffix}/story">`, '', `https://attacker.${suffix}/post`);
    expect(meta.url).toBe(`https://attacker.${suffix}/post`);
    expect(meta.provenance['url']).toBe('page');
  });

  it('the capture still accepts a canonical on the www or parent host of a subdomain', () => {
    expect(extract('<link rel="canonical" href="https://www.example.com/story">', '', 'https://m.example.com/story').url).toBe('https://www.example.com/story');
    expect(extract('<link rel="canonical" href="https://example.com/story">', '', 'https://amp.example.com/story').url).toBe('https://example.com/story');
  });
});

describe('the quote against the selection Chrome saw at the menu click (finding 7)', () => {
  it('accepts the same text with other whitespace, refuses another text', async () => {
    const { matchesMenuSelection } = await import('../../../src/background/trusted-capture.ts');
    expect(matchesMenuSelection('The bot\n  said   yes.', 'The bot said yes.')).toBe(true);
    expect(matchesMenuSelection('The editor endorses this planted sentence.', 'The bot said yes.')).toBe(false);
    expect(matchesMenuSelection('The bot said yes.', 'The bot said')).toBe(false);
    const long = 'word '.repeat(400);
    expect(matchesMenuSelection(`${long}and more`, long.slice(0, 1_200))).toBe(true);
  });
});
