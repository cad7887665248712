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

describe('none of the things works ("None of them work.", "neither will charge")', () => {
  it('a counting negation as the subject of a verb of working is a fault', () => {
    for (const text of ['None of them work.', 'Neither of them works.', 'Neither one worked.', 'I bought two of them and neither will charge.',
      'none of the new ones have ever quite worked properly.', 'Nothing works.', 'None of the buttons work properly.']) {
      expect(sentiment(text).explain.some((e) => e.rules.includes('broken')), text).toBe(true);
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('not with people counted, past an opinion, or where the verb goes on to compare', () => {
    expect(sentiment('None of us work there.').label).toBe('neutral');
    expect(sentiment('Nothing works better than this.').label).toBe('positive');
    // An opinion counted is "none of"'s own reading (none-of.ts): "none of the staff were rude" is faint praise.
    expect(sentiment('None of the staff were rude.').label).toBe('positive');
  });

  it('the job, denied, and what no longer works', () => {
    expect(sentiment("Doesn't do the job.").label).toBe('negative');
    expect(sentiment('Within 2 days it was no longer working!').label).toBe('negative');
  });
});

