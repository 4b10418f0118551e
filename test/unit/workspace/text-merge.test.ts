import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeText, tokenize } from '../../../src/core/text-merge.ts';

const PARAGRAPH = 'The chatbot invented a refund policy. The airline refused to honour it. A tribunal ruled against the airline. It paid the fare difference.';

describe('tokens', () => {
  it('are sentences with the spaces after them, or lines with the blank lines after them', () => {
    expect(tokenize('One. "Two?" Three! 3.5 stays whole… Last')).toEqual(['One. ', '"Two?" ', 'Three! ', '3.5 stays whole… ', 'Last']);
    expect(tokenize('- first item\n- second item\n\nNext para.')).toEqual(['- first item\n', '- second item\n\n', 'Next para.']);
    expect(tokenize('第一句。第二句！第三句')).toEqual(['第一句。', '第二句！', '第三句']);
    expect(tokenize('')).toEqual([]);
  });

  it('join back into the exact text (property)', () => {
    const chars = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '!', '?', '\n', '\t', '"', '。', '…') });
    fc.assert(fc.property(fc.oneof(chars, fc.string({ unit: 'binary' })), (text) => tokenize(text).join('') === text));
  });
});

describe('merging two edits of one text', () => {
  it('merges edits to different sentences of one paragraph, each in its place', () => {
    const mine = PARAGRAPH.replace('invented a refund policy', 'invented a bereavement refund policy');
    const theirs = PARAGRAPH.replace('It paid the fare difference.', 'It paid CA$650.88 in damages.');
    expect(mergeText(PARAGRAPH, mine, theirs)).toBe(
      'The chatbot invented a bereavement refund policy. The airline refused to honour it. A tribunal ruled against the airline. It paid CA$650.88 in damages.',
    );
  });

  it('merges edits to neighbouring sentences', () => {
    const mine = PARAGRAPH.replace('refused to honour it', 'refused to honour that policy');
    const theirs = PARAGRAPH.replace('A tribunal ruled', 'A civil tribunal ruled');
    expect(mergeText(PARAGRAPH, mine, theirs)).toBe(
      'The chatbot invented a refund policy. The airline refused to honour that policy. A civil tribunal ruled against the airline. It paid the fare difference.',
    );
  });

  it('merges edits to different lines, and a sentence added before one the other rewrote', () => {
    const base = 'Ask the airline for a statement.\nCheck the tribunal record.\nFind the original chat log.\n';
    const mine = 'Ask the airline for a statement by Friday.\nCheck the tribunal record.\nFind the original chat log.\n';
    const theirs = 'Ask the airline for a statement.\nCheck the tribunal record.\nFind the original chat log (screenshot in the ruling).\nCompare with other chatbots.\n';
    expect(mergeText(base, mine, theirs)).toBe(
      'Ask the airline for a statement by Friday.\nCheck the tribunal record.\nFind the original chat log (screenshot in the ruling).\nCompare with other chatbots.\n',
    );
    const inserted = PARAGRAPH.replace('A tribunal', 'The customer sued. A tribunal');
    const rewritten = PARAGRAPH.replace('A tribunal ruled against the airline.', 'A tribunal found the airline liable.');
    expect(mergeText(PARAGRAPH, inserted, rewritten)).toBe(
      'The chatbot invented a refund policy. The airline refused to honour it. The customer sued. A tribunal found the airline liable. It paid the fare difference.',
    );
  });

  it('is a conflict when both change the same sentence or line differently', () => {
    expect(mergeText(PARAGRAPH, PARAGRAPH.replace('chatbot', 'support bot'), PARAGRAPH.replace('refund policy', 'discount'))).toBeUndefined();
    const base = 'one\ntwo\nthree\n';
    expect(mergeText(base, 'one\n2\nthree\n', 'one\nTWO\nthree\n')).toBeUndefined();
  });

  it('is a conflict when both add text at the same place, since neither order is right', () => {
    expect(mergeText(PARAGRAPH, `${PARAGRAPH} Mine.`, `${PARAGRAPH} Theirs.`)).toBeUndefined();
  });

  it('takes the same change made on both sides once', () => {
    const both = PARAGRAPH.replace('A tribunal', 'A civil tribunal');
    expect(mergeText(PARAGRAPH, both, both)).toBe(both);
    const theirs = both.replace('The chatbot', 'An airline chatbot');
    expect(mergeText(PARAGRAPH, both, theirs)).toBe(theirs);
  });

  // Its speed is a bench figure (sync.merge_text_100kb_ms); the unit timeout only catches a hang.
  it('merges two far-apart edits of a long note (100 kB)', () => {
    const base = Array.from({ length: 4000 }, (_, i) => `Sentence ${i} of the notes.${i % 10 === 9 ? '\n\n' : ' '}`).join('');
    const merged = mergeText(base, base.replace('Sentence 5 ', 'Sentence five '), base.replace('Sentence 3000 ', 'Sentence 3k '));
    expect(merged).toContain('Sentence five of');
    expect(merged).toContain('Sentence 3k of');
  }, 30_000);
});

describe('merge properties', () => {
  const text = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.', '!', '\n') }), fc.string({ unit: 'grapheme' }));

  it('an unchanged side takes the other side as it is', () => {
    fc.assert(
      fc.property(text, text, (base, x) => {
        expect(mergeText(base, base, x)).toBe(x);
        expect(mergeText(base, x, base)).toBe(x);
      }),
    );
  });

  /** Base text as units (one sentence and the separator after it); an edit replaces units in one region. */
  const sentence = fc
    .array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 4 })
    .map((words) => `${words.join(' ')}.`);
  const separator = fc.constantFrom(' ', '\n', '  ', '\n\n');
  const unit = fc.tuple(sentence, separator).map(([s, sep]) => `${s}${sep}`);
  const scenario = fc
    .uniqueArray(unit, { minLength: 4, maxLength: 30, selector: (u) => u.trim() })
    .chain((pool) => {
      const size = pool.length - 3;
      return fc.record({
        pool: fc.constant(pool),
        size: fc.integer({ min: 1, max: size }),
        a: fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 3 }), insert: fc.integer({ min: 0, max: 2 }) }),
        b: fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 3 }), insert: fc.integer({ min: 0, max: 2 }) }),
      });
    });

  it('two edits in separate regions both land, in order (property)', () => {
    fc.assert(
      fc.property(scenario, ({ pool, size, a, b }) => {
        const units = pool.slice(0, size);
        const fresh = pool.slice(size); // sentences found nowhere in the base
        // Region of A before region of B: A = [aStart, aEnd), B starts at or after aEnd (and not at the same insertion point).
        const aStart = a.at % (units.length + 1);
        const aEnd = Math.min(units.length, aStart + a.remove);
        const bStart = aEnd + (b.at % (units.length - aEnd + 1));
        const bEnd = Math.min(units.length, bStart + b.remove);
        const aInsert = fresh.slice(0, Math.max(a.insert, aEnd === aStart ? 1 : 0));
        const bInsert = fresh.slice(aInsert.length, aInsert.length + Math.max(b.insert, bEnd === bStart ? 1 : 0));
        fc.pre(!(aStart === aEnd && bStart === aStart)); // two insertions at one point conflict by design
        fc.pre(bInsert.length > 0 || bEnd > bStart);
        const edit = (start: number, end: number, insert: string[]) => [...units.slice(0, start), ...insert, ...units.slice(end)].join('');
        const base = units.join('');
        const mine = edit(aStart, aEnd, aInsert);
        const theirs = edit(bStart, bEnd, bInsert);
        const expected = [...units.slice(0, aStart), ...aInsert, ...units.slice(aEnd, bStart), ...bInsert, ...units.slice(bEnd)].join('');
        expect(mergeText(base, mine, theirs)).toBe(expected);
        expect(mergeText(base, theirs, mine)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
