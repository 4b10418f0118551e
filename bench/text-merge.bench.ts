/**
 * `sync.merge_text_100kb_ms`: the three-way merge of a 100 kB note edited far apart on two devices.
 * Baseline, same run: the two bare node-diff3 diffs of the same tokens, the library's part of the work.
 */
import { performance } from 'node:perf_hooks';
import { diffIndices } from 'node-diff3';
import { mergeText, tokenize } from '../src/core/text-merge.ts';
import { compared, median, round, type Figures } from './types.ts';

const RUNS = 9;

function timed(work: () => unknown): number {
  const began = performance.now();
  work();
  return performance.now() - began;
}

export function run(): Promise<Figures> {
  const base = Array.from({ length: 4000 }, (_, i) => `Sentence ${i} of the notes.${i % 10 === 9 ? '\n\n' : ' '}`).join('');
  const mine = base.replace('Sentence 5 ', 'Sentence five ');
  const theirs = base.replace('Sentence 3000 ', 'Sentence 3k ');
  const merges: number[] = [];
  const diffs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    merges.push(timed(() => mergeText(base, mine, theirs)));
    diffs.push(timed(() => [diffIndices(tokenize(base), tokenize(mine)), diffIndices(tokenize(base), tokenize(theirs))]));
  }
  const what = 'the two bare node-diff3 diffs (base→mine, base→theirs) of the same tokens';
  return Promise.resolve({
    'sync.merge_text_100kb_ms': compared(round(median(merges), 2), 'ms', { value: round(median(diffs), 2), what }),
  });
}
