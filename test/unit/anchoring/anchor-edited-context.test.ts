import { describe, expect, it } from 'vitest';
import { anchorText } from '../../../src/capture/anchoring/index.ts';
import { rateCandidate } from '../../../src/capture/anchoring/score.ts';
import { selectorsAt } from '../../fixtures/anchoring/selectors.ts';

const BEFORE = 'The regulator opened an inquiry on Monday after customers complained. ';
const QUOTE = 'The lender declined applicants who skipped an optional question';
const AFTER = ' at four times the usual rate, according to the audit published this week.';

describe('scoring a quote whose surroundings were edited', () => {
  it('still trusts context that moved a few words away from the quote', () => {
    const text = `${BEFORE}${QUOTE}${AFTER}`;
    const selectors = selectorsAt(text, BEFORE.length, BEFORE.length + QUOTE.length);
    const edited = `${BEFORE}Reportedly, ${QUOTE}${AFTER}`;
    const start = edited.indexOf(QUOTE);
    const rated = rateCandidate(edited, selectors.quote, start, { start, end: start + QUOTE.length, errors: 0 });
    expect(rated.score).toBeGreaterThan(0.95);
  });

  it('takes an edited quote near its old place with words added around it', () => {
    const filler = 'Unrelated paragraph text that says nothing about lending at all. '.repeat(40);
    const text = `${filler}${BEFORE}${QUOTE}${AFTER}${filler}`;
    const start = text.indexOf(QUOTE);
    const selectors = selectorsAt(text, start, start + QUOTE.length);
    const editedQuote = QUOTE.replace('optional', 'voluntary');
    const edited = `${filler}${BEFORE}Reportedly, ${editedQuote} ${AFTER.replace(' the usual', '')}${filler}`;
    const anchor = anchorText(edited, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(editedQuote);
    expect(anchor!.score).toBeGreaterThan(0.85);
  });
});

describe('a quote whose whitespace changed', () => {
  it('is found when reflowed markup put a long run of indentation inside it', () => {
    const filler = 'Other paragraphs about unrelated matters fill the page here. '.repeat(200);
    const text = `${filler}${BEFORE}${QUOTE}${AFTER}${filler}`;
    const start = text.indexOf(QUOTE);
    const selectors = selectorsAt(text, start, start + QUOTE.length);
    const reflowed = text.replace('declined applicants', `declined\n${' '.repeat(400)}applicants`);
    const anchor = anchorText(reflowed, selectors);
    expect(anchor?.method).toBe('quote');
    expect(reflowed.slice(anchor!.start, anchor!.end).replace(/\s+/g, ' ')).toBe(QUOTE);
  });
});
