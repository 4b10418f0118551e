import { describe, expect, it } from 'vitest';
import { anchorText, type AnchorSelectors } from '../../../src/capture/anchoring/index.ts';
import { generateProse } from '../../fixtures/anchoring/prose.ts';
import { selectorsAt } from '../../fixtures/anchoring/selectors.ts';


function selectorsFor(text: string, quote: string, occurrence = 0): AnchorSelectors {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`test setup: "${quote}" not in text`);
  return selectorsAt(text, start, start + quote.length);
}

const ORIGINAL = [
  'On 3 March the support chatbot of Acme Air told a passenger that bereavement fares could be claimed after travel.',
  'The airline later refused the refund, saying the chatbot was a separate legal entity responsible for its own actions.',
  'A tribunal found the airline liable and ordered it to pay damages plus interest and fees.',
].join('\n\n');

const QUOTE = 'saying the chatbot was a separate legal entity';

describe('anchorText', () => {
  it('keeps the old position when the text there is unchanged', () => {
    const selectors = selectorsFor(ORIGINAL, QUOTE);
    const { start, end } = selectors.position!;
    expect(anchorText(ORIGINAL, selectors)).toEqual({ start, end, method: 'position' });
  });

  it('finds the quote at its new offsets when text was inserted before it', () => {
    const selectors = selectorsFor(ORIGINAL, QUOTE);
    const edited = `Updated 5 March: the airline has since appealed.\n\n${ORIGINAL}`;
    const anchor = anchorText(edited, selectors);
    expect(anchor?.method).toBe('quote');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(QUOTE);
    expect(anchor!.start).toBe(edited.indexOf(QUOTE));
  });

  it('picks the repeated quote whose context matches, after the paragraphs were reordered', () => {
    const lines = [
      'Timeline. At 09:00 the model was rolled back by the on-call team after the first alerts.',
      'Root cause. Weeks earlier the model was rolled back by the release tooling without review.',
      'Follow-up. Later that night the model was rolled back by the on-call team a second time.',
    ];
    const text = lines.join('\n');
    const reordered = `Corrected on 14 May.\n${[...lines].reverse().join('\n')}`;
    const repeated = 'the model was rolled back by';
    for (const occurrence of [0, 1, 2]) {
      const anchor = anchorText(reordered, selectorsFor(text, repeated, occurrence));
      const line = lines[occurrence]!;
      expect(anchor?.method).toBe('quote');
      expect(anchor!.start).toBe(reordered.indexOf(line) + line.indexOf(repeated));
    }
  });

  it('prefers a distant occurrence with the right context over a nearby one with the wrong context', () => {
    const quote = 'the model was rolled back';
    const timeline = `Timeline. At 09:00 ${quote} by the on-call team.`;
    const rootCause = `Root cause. Weeks earlier ${quote} by the release tooling.`;
    const filler = generateProse(10_000, 3);
    const text = `${timeline}\n${filler}\n${rootCause}`;
    const selectors = selectorsFor(text, quote, 1);
    // The paragraphs swapped places: the old position now points at the other occurrence.
    const edited = `${rootCause}\n${filler}\n${timeline}`;
    const anchor = anchorText(edited, selectors);
    expect(Math.abs(selectors.position!.start - edited.lastIndexOf(quote))).toBeLessThan(100);
    expect(anchor).toMatchObject({ method: 'quote', start: edited.indexOf(quote) });
  });

  it('breaks ties between identical contexts by closeness to the old position', () => {
    const line = 'The filter blocked legitimate traffic for two hours again. ';
    const text = line.repeat(5);
    const selectors = selectorsAt(text, 3 * line.length + 4, 3 * line.length + 10);
    const edited = `Update. ${text}`;
    const anchor = anchorText(edited, selectors);
    expect(anchor?.start).toBe(selectors.position!.start + 'Update. '.length);
  });

  it('matches fuzzily when a word inside the quote was changed', () => {
    const quote = 'The airline later refused the refund, saying the chatbot was a separate legal entity';
    const selectors = selectorsFor(ORIGINAL, quote);
    const edited = ORIGINAL.replace('later refused the refund', 'subsequently refused any refund');
    const anchor = anchorText(edited, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(
      'The airline subsequently refused any refund, saying the chatbot was a separate legal entity',
    );
    expect(anchor!.score).toBeGreaterThan(0.7);
    expect(anchor!.score).toBeLessThan(1);
  });

  it('returns null (an orphan) when the quote was removed from the page', () => {
    const selectors = selectorsFor(ORIGINAL, QUOTE);
    const edited = ORIGINAL.replace(/The airline later refused[^\n]*\n\n/, '');
    expect(edited).not.toContain('legal entity');
    expect(anchorText(edited, selectors)).toBeNull();
  });

  it('orphans a short quote rather than placing it on unrelated text', () => {
    const text = generateProse(50_000, 11);
    const selectors = selectorsFor(ORIGINAL, 'bereavement fares');
    expect(anchorText(text, selectors)).toBeNull();
  });

  it('orphans a deleted quote even when a similar phrase remains in another paragraph', () => {
    const text = [
      'Our first response failed. The ranking model was rolled back at 10:02 UTC and traffic recovered slowly.',
      'Unrelated maintenance on the billing database: it was rolled back at 11:05 UTC during a routine failover test.',
    ].join('\n\n');
    const selectors = selectorsFor(text, 'rolled back at 10:02 UTC');
    const edited = text.replace('The ranking model was rolled back at 10:02 UTC and traffic recovered slowly.', 'We paused the rollout.');
    expect(anchorText(edited, selectors)).toBeNull();
  });

  it('ignores whitespace differences such as reflowed markup', () => {
    const quote = 'bereavement fares could be claimed after travel.';
    const selectors = selectorsFor(ORIGINAL, quote);
    const edited = ORIGINAL.replace('fares could be claimed', 'fares\n        could be\n        claimed');
    const anchor = anchorText(edited, selectors);
    // Only whitespace differs, so this counts as finding the quote itself.
    expect(anchor?.method).toBe('quote');
    expect(edited.slice(anchor!.start, anchor!.end).replace(/\s+/g, ' ')).toBe(quote);
  });

  it('finds a quote whose paragraph was moved elsewhere and edited', () => {
    const [first, second, third] = ORIGINAL.split('\n\n');
    const quote = 'A tribunal found the airline liable and ordered it to pay damages';
    const selectors = selectorsFor(ORIGINAL, quote);
    const filler = generateProse(20_000, 5);
    const edited = [third!.replace('liable', 'fully liable'), filler, first, second].join('\n\n');
    const anchor = anchorText(edited, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe('A tribunal found the airline fully liable and ordered it to pay damages');
  });

  it('does not cut a word in two when the edit is at the edge of the quote', () => {
    const quote = 'tribunal found the airline liable and ordered it to pay damages';
    const selectors = selectorsFor(ORIGINAL, quote);
    const edited = ORIGINAL.replace('A tribunal found', 'A civil tribunal found').replace('pay damages', 'pay compensation');
    const anchor = anchorText(edited, selectors);
    expect(anchor?.method).toBe('fuzzy');
    const found = edited.slice(anchor!.start, anchor!.end);
    expect(found).toMatch(/^(civil )?tribunal found the airline liable and ordered it to pay compensation$/);
  });

  it('works without a position selector', () => {
    const { quote } = selectorsFor(ORIGINAL, QUOTE);
    const anchor = anchorText(ORIGINAL, { quote });
    expect(anchor?.method).toBe('quote');
    expect(ORIGINAL.slice(anchor!.start, anchor!.end)).toBe(QUOTE);
  });

  // Speed on 1 MB is a bench figure (anchor.1mb.*); the unit timeout only catches a hang.
  it('does not hang on huge inputs: long quotes, a missing quote and a one-letter quote on 1 MB', () => {
    const text = generateProse(1_000_000, 21);
    const start = 600_000;
    const longQuote = selectorsAt(text, start, start + 3_000);
    const edited = `${text.slice(0, start + 1_000)}INSERTED WORDS ${text.slice(start + 1_000, start + 2_000)}${text.slice(start + 2_040)}`;
    const moved = anchorText(edited, longQuote);
    const missing = anchorText(text, selectorsFor(ORIGINAL, 'The airline later refused the refund'));
    const single = anchorText(text.replace(/x/g, 'y'), { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' } });
    expect(moved?.method).toBe('fuzzy');
    expect(moved!.start).toBe(start);
    expect(missing).toBeNull();
    expect(single).toBeNull();
  }, 30_000);
});
