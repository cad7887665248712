import { describe, expect, it } from 'vitest';
import { explained, score, sentiment } from './helpers.js';

describe('negators that negate nothing', () => {
  it('"no" before a neutral noun is a complaint ("no luggage", "nobody answers")', () => {
    expect(sentiment('Landed in Denver and have no luggage').label).toBe('negative');
    expect(sentiment('Called three times, nobody answers the phone').label).toBe('negative');
    expect(explained('Landed in Denver and have no luggage', 'no')?.rules).toContain('bare negation');
  });

  it('before a sentiment word the negator negates it and does not also count itself', () => {
    expect(score('No problem at all, thanks!')).toBeGreaterThan(0.05);
    expect(explained('No problem at all, thanks!', 'no')).toBeUndefined();
    expect(sentiment('The staff were never rude').label).not.toBe('negative');
  });
});
