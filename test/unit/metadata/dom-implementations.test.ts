// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';
import { NOW, docOf } from './helpers.ts';

const PAGE = `<!doctype html><html lang="fr"><head><title>Fuite de données | Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien"></head>
<body><article><h1>Fuite de données</h1><p class="byline">Publié le 3 mars 2024</p></article></body></html>`;

describe('the same result in happy-dom and linkedom', () => {
  it('extracts identical metadata from both DOMs', () => {
    const happy = extractMetadata(new DOMParser().parseFromString(PAGE, 'text/html'), 'https://lequotidien.example/a', { now: NOW });
    const linked = extractMetadata(docOf(PAGE), 'https://lequotidien.example/a', { now: NOW });
    expect(happy.publishedDate).toBe('2024-03-03');
    expect(happy.title).toBe('Fuite de données');
    expect(happy).toEqual(linked);
  });
});
