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

  it('keeps the held-out pages out of both development halves', () => {
    const dev = ['d0', 'd1', 'd2', 'd3', 'd4'];
    const holdout = ['h0', 'h1'];
    expect(pickSplit(dev, holdout, 'even')).toEqual(['d0', 'd2', 'd4']);
    expect(pickSplit(dev, holdout, 'odd')).toEqual(['d1', 'd3']);
    expect(pickSplit(dev, holdout, 'dev')).toEqual(dev);
    expect(pickSplit(dev, holdout, 'holdout')).toEqual(holdout);
    expect(pickSplit(dev, holdout, 'all')).toEqual([...dev, ...holdout]);
  });
});
