/**
 * `npm run eval:metadata -- --pages DIR [--labels FILE] [--holdout FILE] [--holdout2 FILE] [--split SPLIT] [--misses FILE]`
 *
 * Scores the title, author and publisher extractor against hand-made labels
 * (test/fixtures/metadata/labels.json, holdout.json and holdout2.json; rules in LABELS.md), and runs metascraper on the same pages in
 * the same run for comparison. Per field it prints the share right for each system and lists this
 * project's misses; all misses of both go to the misses file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import metascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperPublisher from 'metascraper-publisher';
import metascraperTitle from 'metascraper-title';
import { extractMetadata } from '../src/capture/metadata/index.ts';
import { decodeHtml, parseDocument } from './eval-dates.ts';

export interface MetadataLabel {
  file: string;
  title: string[];
  authors: string[];
  publisher: string[];
}

export interface Answer {
  title: string;
  authors: string[];
  publisher: string;
}

export const FIELDS = ['title', 'authors', 'publisher'] as const;
export type Field = (typeof FIELDS)[number];

/** Case, Unicode form, spacing, quote marks, dashes and trailing punctuation do not count. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[«»„“”‟"‚‘’‛'`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.!?:;,]+$/, '');
}

export function isRight(field: Field, label: MetadataLabel, answer: Answer): boolean {
  if (field === 'authors') {
    const want = new Set(label.authors.map(normalise));
    const got = new Set(answer.authors.map(normalise).filter(Boolean));
    return want.size === got.size && [...want].every((name) => got.has(name));
  }
  const accepted = new Set(label[field].map(normalise));
  return accepted.has(normalise(answer[field]));
}

const scrape = metascraper([metascraperTitle(), metascraperAuthor(), metascraperPublisher()]);

async function metascraperAnswer(html: string, url: string): Promise<Answer> {
  const found = await scrape({ html, url });
  return { title: found.title ?? '', authors: found.author ? [found.author] : [], publisher: found.publisher ?? '' };
}

function projectAnswer(html: string, url: string): Answer {
  const meta = extractMetadata(parseDocument(html), url);
  return { title: meta.title, authors: meta.authors, publisher: meta.publisher ?? '' };
}

export interface FieldMiss {
  url: string;
  field: Field;
  expected: string[];
  got: string | string[];
}

export interface SystemScore {
  right: Record<Field, number>;
  misses: FieldMiss[];
}

export interface MetadataScore {
  total: number;
  project: SystemScore;
  metascraper: SystemScore;
}

function emptyScore(): SystemScore {
  return { right: { title: 0, authors: 0, publisher: 0 }, misses: [] };
}

function tally(score: SystemScore, url: string, label: MetadataLabel, answer: Answer): void {
  for (const field of FIELDS) {
    if (isRight(field, label, answer)) score.right[field]++;
    else score.misses.push({ url, field, expected: label[field], got: answer[field] });
  }
}

export async function scoreMetadata(labels: [string, MetadataLabel][], pagesDir: string): Promise<MetadataScore> {
  const project = emptyScore();
  const other = emptyScore();
  for (const [url, label] of labels) {
    const html = decodeHtml(await readFile(path.join(pagesDir, label.file)));
    tally(project, url, label, projectAnswer(html, url));
    tally(other, url, label, await metascraperAnswer(html, url));
  }
  return { total: labels.length, project, metascraper: other };
}

export const SPLITS = ['all', 'dev', 'even', 'odd', 'holdout', 'holdout2'] as const;
export type Split = (typeof SPLITS)[number];

export interface LabelSets<T> {
  dev: T[];
  holdout: T[];
  holdout2: T[];
}

/**
 * `even` and `odd` halve the development labels by index (rules are written on one half and checked on
 * the other); `holdout` is a separate set labelled before any rule was tuned against it; `holdout2` is a
 * later one, labelled blind and scored only as a final check; `dev` is both halves and `all` every
 * labelled page.
 */
export function pickSplit<T>(sets: LabelSets<T>, split: Split): T[] {
  switch (split) {
    case 'holdout':
    case 'holdout2':
    case 'dev':
      return sets[split];
    case 'even':
    case 'odd':
      return sets.dev.filter((_, index) => (index % 2 === 1) === (split === 'odd'));
    case 'all':
      return [...sets.dev, ...sets.holdout, ...sets.holdout2];
  }
}

const isSplit = (value: string): value is Split => (SPLITS as readonly string[]).includes(value);

const readLabels = async (file: string) =>
  Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, MetadataLabel>);

const share = (right: number, total: number) => `${(right / (total || 1)).toFixed(3)} (${right}/${total})`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      labels: { type: 'string', default: 'test/fixtures/metadata/labels.json' },
      holdout: { type: 'string', default: 'test/fixtures/metadata/holdout.json' },
      holdout2: { type: 'string', default: 'test/fixtures/metadata/holdout2.json' },
      pages: { type: 'string' },
      split: { type: 'string', default: 'all' },
      misses: { type: 'string', default: '.tmp/metadata-misses.json' },
    },
  });
  if (!values.pages) {
    console.error(`usage: npm run eval:metadata -- --pages DIR [--labels FILE] [--holdout FILE] [--holdout2 FILE] [--split ${SPLITS.join('|')}] [--misses FILE]`);
    process.exitCode = 2;
    return;
  }
  const split = values.split;
  if (!isSplit(split)) throw new Error(`--split must be one of ${SPLITS.join(', ')}, not ${split}`);
  const sets = {
    dev: await readLabels(values.labels),
    holdout: await readLabels(values.holdout),
    holdout2: await readLabels(values.holdout2),
  };
  const labels = pickSplit(sets, split);
  const score = await scoreMetadata(labels, values.pages);

  for (const miss of score.project.misses) {
    console.log(`miss ${miss.field}: ${miss.url}\n  expected ${JSON.stringify(miss.expected)}\n  got      ${JSON.stringify(miss.got)}`);
  }
  await mkdir(path.dirname(values.misses), { recursive: true });
  await writeFile(values.misses, `${JSON.stringify({ project: score.project.misses, metascraper: score.metascraper.misses }, null, 2)}\n`);
  console.log(`pages: ${score.total} (split: ${split}); misses of both written to ${values.misses}`);
  console.log(`${'field'.padEnd(10)} ${'this project'.padEnd(20)} metascraper`);
  for (const field of FIELDS) {
    console.log(`${field.padEnd(10)} ${share(score.project.right[field], score.total).padEnd(20)} ${share(score.metascraper.right[field], score.total)}`);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  await main();
}
