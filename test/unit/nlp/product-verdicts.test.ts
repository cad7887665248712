import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

describe('product verdicts in other words', () => {
  it('a job done, a need met, an expectation met praise', () => {
    for (const text of ['Gets the job done.', 'Exactly what I needed.', 'Got exactly what we were looking for.', 'Meets expectations.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
    // Met expectations are mild praise, exceeded ones strong.
    expect(sentiment('Meets expectations.').score).toBeLessThan(sentiment('Exceeded my expectations.').score);
  });

  it('the same, denied or failed, blame', () => {
    for (const text of ['Not what I ordered.', 'Did not meet my expectations.', 'It was not exactly what I needed.', 'It failed to meet expectations.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(explained('It failed to meet expectations.', 'meet expectations')?.rules).toContain('negated');
    // A phrase that affirms the failing still praises ("never fails to ...").
    expect(sentiment('It never fails to impress.').label).toBe('positive');
  });
});

describe('a bare "no" before a phrase', () => {
  it('negates the phrase and is no bare negation ("no hidden fees")', () => {
    const text = 'No hidden fees.';
    expect(explained(text, 'hidden fees')?.rules).toContain('negated');
    expect(explained(text, 'no')).toBeUndefined();
    expect(sentiment(text).label).toBe('positive');
    // Before a word without valence, "no" still blames on its own.
    expect(explained('No luggage.', 'no')?.rules).toContain('bare negation');
  });
});

describe('travel and service verdicts', () => {
  it('"a breeze" is easy, the weather is not', () => {
    expect(sentiment('Check-in was a breeze.').label).toBe('positive');
    expect(sentiment('They made the whole process a breeze.').label).toBe('positive');
    expect(sentiment('There was a breeze on the patio.').label).toBe('neutral');
  });

  it('being bumped from a flight is a complaint', () => {
    expect(sentiment('They bumped me off the flight.').label).toBe('negative');
    expect(sentiment('We got bumped to the next one.').label).toBe('negative');
  });
});
