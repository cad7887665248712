import { describe, expect, it } from 'vitest';
import { analyzer } from './helpers.js';

const social = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;
const reviews = (text: string) => analyzer().analyze({ text, profile: 'reviews' }).sentiment;
const item = (s: ReturnType<typeof social>, re: RegExp) => s.explain.find((e) => re.test(e.token));

describe('a speech act in a frame of wanting: "I just wanted to say the crew was great"', () => {
  it('wanting to thank, say or compliment is doing it: the praise after it is no letdown', () => {
    for (const text of [
      'I just wanted to say the crew was the best tonight',
      'I wanted to thank the great efforts of Jamie at the gate',
      'Wanted to compliment your phone agent, so helpful',
      'I want to give a warm thanks to your crew at Logan!',
    ]) {
      const s = social(text);
      expect(s.explain.every((e) => !e.rules.includes('irrealis')), text).toBe(true);
      expect(s.label, text).toBe('positive');
    }
    expect(reviews('I just wanted to say the staff were amazing').label).toBe('positive');
  });

  it('a wish that was let down stays one', () => {
    for (const text of ['I wanted to love this place', 'I really wanted to give this place a great review, but', 'I wanted to like it']) {
      expect(reviews(text).explain.some((e) => e.rules.includes('irrealis')), text).toBe(true);
      expect(reviews(text).label, text).not.toBe('positive');
    }
    // Giving without a word of thanks is the rating wished for, not a speech act.
    expect(item(reviews('I wanted to give it 5 stars, but the service was slow'), /stars/)?.rules).toContain('irrealis');
  });
});
