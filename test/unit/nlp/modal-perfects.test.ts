import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

const rulesOf = (text: string, token: string) => explained(text, token)?.rules ?? [];

describe('contracted modal perfects read as their full forms ("should\'ve" as "should have")', () => {
  it('a letdown: praise after "should\'ve", "would\'ve" is what did not happen', () => {
    for (const [short, long] of [["It should've been great.", 'It should have been great.'], ["That would've been nice.", 'That would have been nice.'], ['It shouldve been great.', 'It should have been great.']] as const) {
      expect(sentiment(short).label, short).toBe(sentiment(long).label);
      expect(sentiment(short).label, short).toBe('negative');
    }
    expect(rulesOf("I would've loved it", 'loved it')).toContain('irrealis');
    expect(sentiment('It should of been better.').label).toBe('negative');
  });

  it('a comparative after "could\'ve" wishes or consoles, as after "could have"', () => {
    expect(sentiment("The service could've been better.").label).toBe('negative');
    expect(sentiment("Honestly it could've been worse.").label).toBe('positive');
    expect(sentiment("It might've been better.").label).toBe('negative');
    expect(rulesOf("could've been worse", 'worse')).toContain('irrealis');
  });

  it('the plain and negated forms keep their readings', () => {
    expect(sentiment('It was great.').label).toBe('positive');
    expect(sentiment("It couldn't have been better.").label).toBe('positive');
    expect(sentiment('They would still be better than any other place.').label).toBe('positive');
  });
});
