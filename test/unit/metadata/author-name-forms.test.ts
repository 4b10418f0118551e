import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const metaAuthor = (content: string) => extract(`<meta name="author" content="${content}">`, '<h1>Headline</h1>').authors;

describe('titles, degrees and job titles around a name', () => {
  it('drops academic titles before a name and degrees after it', () => {
    expect(metaAuthor('Grant Tinsley, PhD')).toEqual(['Grant Tinsley']);
    expect(metaAuthor('Dr. Anna Schmidt')).toEqual(['Anna Schmidt']);
    expect(metaAuthor('Prof. Dr. Hans Meier')).toEqual(['Hans Meier']);
    expect(metaAuthor('Jill Corleone, MS, RDN')).toEqual(['Jill Corleone']);
  });

  it('drops a job title after the name', () => {
    expect(metaAuthor('Jane Roe, Senior Editor')).toEqual(['Jane Roe']);
  });

  it('keeps a surname that only looks like a degree, and a trailing initial', () => {
    expect(metaAuthor('Jane Do')).toEqual(['Jane Do']);
    expect(metaAuthor('Nicolas Gutierrez C.')).toEqual(['Nicolas Gutierrez C']);
  });
});

describe('several people in one declared value', () => {
  it('splits a list of people written in one meta tag', () => {
    expect(metaAuthor('April Roach, Daniel O&#x27;Mahony')).toEqual(['April Roach', "Daniel O'Mahony"]);
    expect(metaAuthor('Ana Ruiz and Ben Okafor')).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect(metaAuthor('Glen Owe And Brendan Carl For The Mail On Sunday')).toEqual(['Glen Owe', 'Brendan Carl']);
  });

  it('takes the meta tags’ list when the JSON-LD names only the first of its writers', () => {
    const head = `<meta name="author" content="April Roach, Daniel O'Mahony">${ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'April Roach' } })}`;
    expect(extract(head, '<h1>Headline</h1>').authors).toEqual(['April Roach', "Daniel O'Mahony"]);
    const other = `<meta name="author" content="Ben Okafor">${ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'April Roach' } })}`;
    expect(extract(other, '<h1>Headline</h1>').authors).toEqual(['April Roach']);
  });
});

describe('a hyphen inside a name', () => {
  it('does not cut a site name at its hyphen and keep the first part as a person', () => {
    const head = '<meta property="og:site_name" content="Là-bas si j\'y suis"><meta name="author" content="Là-bas si j\'y suis">';
    expect(extract(head, '<h1>Headline</h1>').authors).toEqual([]);
  });
});

describe('the site written out in full', () => {
  it('is not an author when its initials spell the host name, and the article’s author tag is read instead', () => {
    const head = '<meta name="author" content="Preußische Allgemeine Zeitung"><meta property="og:article:author" content="Hagen Rit">';
    expect(extract(head, '<h1>Headline</h1>', 'https://paz.example/artikel/1.html').authors).toEqual(['Hagen Rit']);
  });

  it('keeps an institution’s name whole: its "für" is part of it, not an outlet after a writer', () => {
    expect(metaAuthor('Brendan Carl For The Mail')).toEqual(['Brendan Carl']);
    expect(metaAuthor('Bayerische Landesanstalt für Wald')).toEqual(['Bayerische Landesanstalt für Wald']);
    expect(metaAuthor('Deutscher Caritasverband e. V.')).toEqual([]);
  });

  it('is not a person when the name starts with "The": another outlet credited', () => {
    expect(extract('<meta property="og:article:author" content="The Wall Street Journal">', '<h1>Headline</h1>').authors).toEqual([]);
  });

  it('keeps a person whose initials happen to be short or unrelated', () => {
    expect(extract('<meta name="author" content="Anna Maria Zeller">', '<h1>Headline</h1>', 'https://news.example/a').authors).toEqual(['Anna Maria Zeller']);
  });
});
