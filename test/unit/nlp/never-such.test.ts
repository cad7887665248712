import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

describe('"never" before "such" / "so" says the utmost, it denies nothing', () => {
  it.each([
    ['I have never had such good food.', 'positive'],
    ['Never been so happy.', 'positive'],
    ['I have never in my life had such delicious pizza.', 'positive'],
    ['Never have I had such amazing service.', 'positive'],
    ['I have never had such bland food.', 'negative'],
    ["I've never been so disappointed.", 'negative'],
    ["I've never seen such rude staff.", 'negative'],
    ['We never had such a bad experience.', 'negative'],
    ['I never ate such good sushi.', 'positive'],
    ['Never stayed in such a beautiful hotel.', 'positive'],
  ])('"%s" is %s', (text, label) => expect(sentiment(text).label).toBe(label));

  it('the word is made stronger, as "could not be happier"', () => {
    expect(Math.abs(explained('I have never had such good food.', 'good')!.weight)).toBeGreaterThan(3);
    expect(explained('Never have I had such amazing service.', 'Never')?.weight ?? 0).toBe(0);
  });
});

describe('negations that stay negations', () => {
  it('"never so much as a thank you" denies the thanks', () => {
    expect(sentiment('never so much as a thank you').label).toBe('negative');
  });

  it('a "so" after other words is no exclamation of "never" ("I never said it was so good.")', () => {
    expect(explained('I never said it was so good.', 'never')!.weight).toBeLessThan(0);
  });

  it('"never" without "such" / "so" still negates ("I have never had good food here.")', () => {
    expect(sentiment('I have never had good food here.').label).toBe('negative');
  });
});
