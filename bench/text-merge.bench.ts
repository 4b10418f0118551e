/**
 * `sync.merge_text_100kb_ms`: the three-way merge of a 100 kB note edited far apart on two devices.
 * Baseline, same run: splitting the same three texts into sentences, one bare pass over each. (The bare node-diff3
 * diffs of the whole token lists are no baseline: they take 25 times longer than the merge, which diffs only the
 * stretch between the common start and end.)
 */
import { mergeText, tokenize } from '../src/core/text-merge.ts';
import { compared, median, round, timed, type Figures } from './types.ts';

const RUNS = 9;

export function run(): Promise<Figures> {
  const base = Array.from({ length: 4000 }, (_, i) => `Sentence ${i} of the notes.${i % 10 === 9 ? '\n\n' : ' '}`).join('');
  const mine = base.replace('Sentence 5 ', 'Sentence five ');
  const theirs = base.replace('Sentence 3000 ', 'Sentence 3k ');
  const merges: number[] = [];
  const passes: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    merges.push(timed(() => mergeText(base, mine, theirs)));
    passes.push(timed(() => [tokenize(base), tokenize(mine), tokenize(theirs)]));
  }
  const what = 'splitting the same three texts into sentences';
  return Promise.resolve({
    'sync.merge_text_100kb_ms': compared(round(median(merges), 2), 'ms', { value: round(median(passes), 2), what }),
  });
}
