import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

describe('"none of" denies what its clause says of the things it counts', () => {
  it.each(['None of them are engaging or exciting.', 'And none of the tones is acceptable.', 'None of the dishes tasted good.'])(
    '"%s" blames',
    (text) => expect(sentiment(text).label).toBe('negative'),
  );

  it('blame denied is faint praise ("None of the staff were rude.")', () => {
    expect(explained('None of the staff were rude.', 'rude')!.weight).toBeGreaterThan(0);
  });
});

describe('what "none of" does not reach', () => {
  it('a clause after a contrast ("None of my friends came, but the food is great.")', () => {
    expect(explained('None of my friends came, but the food is great.', 'great')!.weight).toBeGreaterThan(0);
  });

  it('praise of another clause, and a "none" with no "of" ("I liked it. None left.")', () => {
    expect(explained('The fries were great and none of us complained.', 'great')!.weight).toBeGreaterThan(0);
    expect(sentiment('I liked it a lot. None left!').label).toBe('positive');
  });
});
