import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

const social = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;
const love = (text: string) => social(text).explain.find((e) => /^lov/i.test(e.token));

describe('ironic love: "gotta love delays", "love how they lost my bag"', () => {
  it('love in an ironic frame, with a complaint after it in its clause, is sarcasm', () => {
    for (const text of ['gotta love delays', 'Got to love the cancelled flights.', 'love waiting on hold for 2 hours', 'love being stuck on the tarmac', 'I love it when my flight is delayed']) {
      expect(love(text)?.rules, text).toContain('irony');
      expect(love(text)!.weight, text).toBeLessThan(0);
      expect(social(text).label, text).toBe('negative');
    }
  });

  it('sincere love stays praise: no complaint in its clause, or no ironic frame', () => {
    for (const text of ['love how friendly the staff is', 'I love it when they bring extra bread', 'you gotta love this place']) {
      expect(love(text)?.rules ?? [], text).not.toContain('irony');
      expect(social(text).label, text).toBe('positive');
    }
    // The complaint in the next clause is its own: "love that …, but the wait was long" is praise, then blame.
    const mixed = love('I love that they have vegan options, but the wait was long');
    expect(mixed?.rules).not.toContain('irony');
    expect(mixed!.weight).toBeGreaterThan(0);
    // Love of a complaint without a frame ("I love this airline even with the delays") is left to the other rules.
    expect(love('I love this airline even with the delays')?.rules ?? []).not.toContain('irony');
  });
});

describe('a lone word of praise after a complaint, a sentence of its own, is sarcasm', () => {
  it('"No catering for the flight. Nice.", "Lost my bag again. Awesome!", "You are the worst airline. Congrats!!"', () => {
    for (const t of ['No catering for the flight. Nice.', 'Lost my bag again. Awesome!', 'You are the worst airline. Congrats!!']) {
      const s = sentiment(t);
      expect(s.label, t).toBe('negative');
      expect(s.explain.some((e) => e.rules.includes('irony')), t).toBe(true);
    }
  });

  it('after praise it agrees, with more words it is no echo, and an emoticon softens rather than mocks', () => {
    expect(sentiment('The food was amazing. Great.').label).toBe('positive');
    expect(sentiment('Waited an hour for a table. Worth it.').explain.some((e) => e.rules.includes('irony'))).toBe(false);
    expect(sentiment('Not a fan of the rain today. :)').explain.some((e) => e.rules.includes('irony'))).toBe(false);
  });
});
