import { describe, expect, it } from 'vitest';
import { toStars } from '../../../pipelines/stars.js';

describe('ratings normalised to 1–5 stars, the original kept', () => {
  it('maps any scale linearly', () => {
    expect(toStars({ value: 4, best: 5, worst: 1 })).toBe(4);
    expect(toStars({ value: 10, best: 10, worst: 1 })).toBe(5);
    expect(toStars({ value: 1, best: 10, worst: 1 })).toBe(1);
    expect(toStars({ value: 8, best: 10, worst: 1 })).toBe(4.11);
    expect(toStars({ value: 50, best: 100, worst: 0 })).toBe(3);
  });

  it('gives no stars for "0 meaning unrated", out-of-scale or broken ratings', () => {
    expect(toStars({ value: 0, best: 5, worst: 1 })).toBeUndefined();
    expect(toStars({ value: 6, best: 5, worst: 1 })).toBeUndefined();
    expect(toStars({ value: Number.NaN, best: 5, worst: 1 })).toBeUndefined();
    expect(toStars({ value: 3, best: 1, worst: 1 })).toBeUndefined();
    expect(toStars(undefined)).toBeUndefined();
  });
});
