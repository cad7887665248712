import { describe, expect, it } from 'vitest';
import { sentiment } from './helpers.js';

const asked = (text: string) => sentiment(text).explain.some((e) => e.rules.includes('asked'));

describe('a wh-question asking for good things judges nothing', () => {
  it.each([
    'What good options are there?',
    'Which good restaurants are nearby?',
    'Where can I find good pizza?',
    'Who has the best burgers in town?',
    'So where is a good place to eat?',
    // The way asked for.
    'How can I best track deals?',
    // Advice asked for.
    'Recommendations for a good sushi place?',
    'Know any good places to eat?',
  ])('"%s": the praise is asked for, it weighs 0', (text) => {
    expect(asked(text)).toBe(true);
    expect(sentiment(text).score).toBe(0);
  });
});

describe('praise in other wh-sentences keeps its reading', () => {
  it.each([
    // Exclamations, also written with "?".
    'What a good meal!',
    'What a great flight?!',
    'What great food!',
    // Said of a thing, not a noun's attribute; a comparison; a cause asked for.
    'Who knew it could be so good?',
    'Who makes better pizza than this?',
    'How is this place so good?',
    'How can the food be so good?',
    'Why is the food so good?',
    // Not a question.
    'Where we ate, they had good pizza.',
    'Tips: the best time to go is early.',
  ])('"%s" praises', (text) => {
    expect(asked(text)).toBe(false);
    expect(sentiment(text).label).toBe('positive');
  });

  it('praise denied by a question stays blame ("What good is that to me?")', () => {
    expect(sentiment('What good is that to me?').label).toBe('negative');
  });
});
