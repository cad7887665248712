import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const negated = (text: string, token: string) => explained(text, token)?.rules.includes('negated') ?? false;
const themeLabel = (text: string, theme: string) => analyzer().analyze({ text }).themes.find((h) => h.theme === theme)?.label;

describe('a negation is taken by the first opinion word it reaches ("I didn\'t like the rude waiter")', () => {
  it('an opinion word past another keeps its own sense', () => {
    for (const [text, first, second] of [
      ["I didn't like the rude waiter.", 'like', 'rude'],
      ["It doesn't excuse your inefficiency!", 'excuse', 'inefficiency'],
      ["I can't recommend this awful place.", 'recommend', 'awful'],
    ] as const) {
      expect(negated(text, first), `${text}: ${first}`).toBe(true);
      expect(negated(text, second), `${text}: ${second}`).toBe(false);
      expect(sentiment(text).label, text).toBe('negative');
    }
    // The waiter was rude: the staff theme is blamed, not praised.
    expect(themeLabel("I didn't like the rude waiter.", 'staff')).toBe('negative');
  });

  it('an adjective right before its noun shares the negation, and so do coordinated words', () => {
    expect(negated('Not a good bargain.', 'good')).toBe(true);
    expect(negated('Not a good bargain.', 'bargain')).toBe(true);
    expect(negated("Didn't laugh or even smile once.", 'smile')).toBe(true);
    expect(negated("The staff isn't the friendliest or most competent.", 'competent')).toBe(true);
    expect(negated('They were never rude or slow.', 'slow')).toBe(true);
    for (const text of ['Not a good bargain.', "Didn't laugh or even smile once.", "The staff isn't the friendliest or most competent."]) {
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('"never been so X" says the most X ever, it denies nothing ("I have never been so disappointed in my life")', () => {
    for (const t of ['I have never been so disappointed in my life.', 'We never had such rude service.', 'Never seen such a mess.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    for (const t of ['I have never been so happy.', "I've never felt so welcome."]) expect(sentiment(t).label, t).toBe('positive');
    // Without a degree word it is a plain negation.
    expect(sentiment('I never had a bad meal.').label).toBe('positive');
  });

  it('"not good enough" falls short; only a negated "can" praises past a limit ("can\'t recommend it enough")', () => {
    for (const t of ['The food was not good enough.', "It's not big enough.", 'Battery life still not long enough.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    for (const t of ["I can't recommend it enough.", 'I could not recommend them enough.', "Couldn't recommend it any higher."]) {
      expect(sentiment(t).label, t).toBe('positive');
    }
  });

  it('a product sent back or that does not last is blamed ("Sending it back.", "It doesn\'t last long.")', () => {
    for (const t of ['Sending it back.', 'Had to send it back.', "It doesn't last long.", 'I was hoping for more.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
  });

  it('a negated verb of opinion denies what is thought ("I don\'t think it was good"), but not a surprise', () => {
    for (const t of ["I don't think it was good.", 'I do not believe the service was great.', "I don't think it was that good."]) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    for (const t of ["I don't think you will be disappointed.", "I don't think the food was bad.", "I didn't think it would be this good."]) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    // "don't think I've ever" is "never": the utmost, no denial.
    expect(sentiment("I don't think I've ever disliked a movie as much.").label).toBe('negative');
  });
});
