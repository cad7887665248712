import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

const rulesOf = (text: string, token: string) => explained(text, token)?.rules ?? [];

describe('a thing that will not do its job ("the computer would not turn on")', () => {
  it('a negated verb of working with a thing for subject, or none, is a fault', () => {
    for (const [text, token] of [
      ['The computer would not turn on.', 'not turn on'],
      ["The machine won't connect.", "won't connect"],
      ['It would not hold a charge.', 'not hold a charge'],
      ["The seats don't recline.", "don't recline"],
      ["Won't charge.", "won't charge"],
      ["The toilet wouldn't flush.", "wouldn't flush"],
      ["The car wouldn't start again.", "wouldn't start"],
    ] as const) {
      expect(rulesOf(text, token), text).toContain('broken');
      expect(sentiment(text).label, text).toBe('negative');
    }
    // The lexicon's fixed phrases are read first, as before.
    expect(rulesOf("It doesn't work.", "doesn't work")).toContain('phrase');
  });

  it('not with a person for subject, nor where the verb says something else (an object, a time)', () => {
    for (const text of ["I don't work there.", "They don't open until 5.", "We don't recline our seats on short flights.", "The kitchen doesn't open until 6.", "The bus doesn't run on Sundays.", "The show didn't start until 9.", "The restaurant didn't charge us for the drinks."]) {
      expect(sentiment(text).explain.some((e) => e.rules.includes('broken')), text).toBe(false);
      expect(sentiment(text).label, text).not.toBe('negative');
    }
  });

  it('"turn", "stay", "hold" say nothing of working without what follows them', () => {
    expect(sentiment("It won't turn left.").explain.some((e) => e.rules.includes('broken'))).toBe(false);
    expect(sentiment("It won't stay long.").explain.some((e) => e.rules.includes('broken'))).toBe(false);
    expect(rulesOf('This thing will not stay charged.', 'not stay charged')).toContain('broken');
  });
});
