import { describe, expect, it } from 'vitest';
import { isRight, pickSplit, type MetadataLabel } from '../../../scripts/eval-metadata.ts';

const label: MetadataLabel = {
  file: 'x.html',
  title: ['„Loriot 100“: Eine Hommage', 'Loriot 100'],
  authors: ['Ana Ruiz', 'Ben Okafor'],
  publisher: ['BBC News', 'BBC'],
};
const answer = { title: '"Loriot 100": Eine Hommage.', authors: ['ben okafor', 'Ana Ruiz'], publisher: 'BBC' };

describe('eval:metadata scoring', () => {
  it('accepts any labelled title or publisher, whatever the quote marks, case and trailing dot', () => {
    expect(isRight('title', label, answer)).toBe(true);
    expect(isRight('publisher', label, answer)).toBe(true);
    expect(isRight('publisher', label, { ...answer, publisher: 'BBC World' })).toBe(false);
  });

  it('takes authors as a set: order and case aside, none missing and none extra', () => {
    expect(isRight('authors', label, answer)).toBe(true);
    expect(isRight('authors', label, { ...answer, authors: ['Ana Ruiz'] })).toBe(false);
    expect(isRight('authors', label, { ...answer, authors: ['Ana Ruiz', 'Ben Okafor', 'BBC News'] })).toBe(false);
    expect(isRight('authors', { ...label, authors: [] }, { ...answer, authors: [] })).toBe(true);
  });

  it('keeps both held-out sets out of the development halves and apart from each other', () => {
    const sets = { dev: ['d0', 'd1', 'd2', 'd3', 'd4'], holdout: ['h0', 'h1'], holdout2: ['n0', 'n1'] };
    expect(pickSplit(sets, 'even')).toEqual(['d0', 'd2', 'd4']);
    expect(pickSplit(sets, 'odd')).toEqual(['d1', 'd3']);
    expect(pickSplit(sets, 'dev')).toEqual(sets.dev);
    expect(pickSplit(sets, 'holdout')).toEqual(sets.holdout);
    expect(pickSplit(sets, 'holdout2')).toEqual(sets.holdout2);
    expect(pickSplit(sets, 'all')).toEqual([...sets.dev, ...sets.holdout, ...sets.holdout2]);
  });
});
