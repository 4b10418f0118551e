import { describe, expect, it } from 'vitest';
import { anchorText } from '../../../src/capture/anchoring/index.ts';
import { seedRegions } from '../../../src/capture/anchoring/seed-regions.ts';
import { generateProse } from '../../fixtures/anchoring/prose.ts';
import { selectorsAt } from '../../fixtures/anchoring/selectors.ts';

const QUOTE = 'The lender declined applicants who skipped an optional question about their income';
const EDITED = 'The lender declined applicants who skipped a voluntary question about their income';

describe('windows around the words an edited quote kept', () => {
  it('hold the edited quote, and cover a small part of a long page', () => {
    const filler = generateProse(200_000, 8);
    const text = `${filler.slice(0, 150_000)} ${EDITED} ${filler.slice(150_000)}`;
    const maxErrors = Math.floor(QUOTE.length / 4);
    const regions = seedRegions(text, QUOTE, maxErrors)!;
    const start = text.indexOf(EDITED);
    expect(regions.some(([from, to]) => from <= start && to >= start + EDITED.length)).toBe(true);
    const covered = regions.reduce((sum, [from, to]) => sum + to - from, 0);
    expect(covered).toBeLessThan(text.length / 20);
  });

  it('are searched only within the stretch asked for', () => {
    const text = `${QUOTE}. ${generateProse(20_000, 9)} ${QUOTE}.`;
    const regions = seedRegions(text, QUOTE, 20, 10_000, text.length)!;
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every(([from]) => from >= 10_000)).toBe(true);
  });

  it('leave the whole page to search when the quote has no word long enough to guide', () => {
    expect(seedRegions(generateProse(10_000, 10), 'it was in the end as we saw', 7)).toBeNull();
  });
});

describe('an edited quote far from its old place', () => {
  it('is found through the words it kept, as a whole-page search would find it', () => {
    const filler = generateProse(300_000, 12);
    const text = `${filler.slice(0, 1_000)} ${QUOTE} and more. ${filler.slice(1_000)}`;
    const start = text.indexOf(QUOTE);
    const selectors = selectorsAt(text, start, start + QUOTE.length);
    // Ten thousand characters were inserted above it, far more than the nearby search reads.
    const edited = `${generateProse(10_000, 13)}\n\n${text.replace(QUOTE, EDITED)}`;
    const anchor = anchorText(edited, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(EDITED);
  });

  it('loses to the edited passage at its old place, when a reflowed copy elsewhere has other context', () => {
    const filler = generateProse(50_000, 14);
    const text = `Intro. The audit found that ${QUOTE}, the report says. ${filler}`;
    const start = text.indexOf(QUOTE);
    const selectors = selectorsAt(text, start, start + QUOTE.length);
    // The passage was edited in place; a sidebar far below quotes the old wording, reflowed.
    const edited = `${text.replace(QUOTE, EDITED)} Sidebar: ${QUOTE.replace(/ /g, '\n  ')}`;
    const anchor = anchorText(edited, selectors);
    expect(anchor?.start).toBe(edited.indexOf(EDITED));
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(EDITED);
  });
});
