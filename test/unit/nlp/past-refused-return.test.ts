import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

const rules = (text: string) => sentiment(text).explain.flatMap((e) => e.rules);
const refused = (text: string) => rules(text).includes('refused return');
const churns = (text: string) => analyzer().analyze({ text }).intents.includes('churn');

describe('a past return not made by the reviewer is a refusal, not a visit not made yet', () => {
  it.each(['We never went back.', 'Never went back.', 'Never went back to that place.', 'I have never gone back.', "I've never been back."])(
    '"%s": refused return, churn, negative',
    (text) => {
      expect(refused(text)).toBe(true);
      expect(churns(text)).toBe(true);
      expect(sentiment(text).label).toBe('negative');
    },
  );

  it('the phrase still reads a visit not made yet as no opinion ("We never went there.", "never been to Paris")', () => {
    expect(sentiment('We never went there.').score).toBe(0);
    expect(sentiment("I've never been to Paris.").score).toBe(0);
  });

  it('a refused visit denies the praise it names as its purpose ("We won\'t go to this place again for a good meal.")', () => {
    expect(sentiment("We won't go to this place again for a good meal.").explain.every((e) => e.weight < 0)).toBe(true);
    // Praise in another clause stays.
    expect(sentiment("We won't go back, the food was good.").explain.find((e) => e.token === 'good')!.weight).toBeGreaterThan(0);
  });

  it('"returned" refuses as "went back" does ("We never returned.", "We haven\'t returned since.")', () => {
    for (const text of ['We never returned.', "We haven't returned since.", 'We never returned to that place.']) {
      expect(refused(text), text).toBe(true);
      expect(churns(text), text).toBe(true);
    }
    // A message not answered is a reply not given; a thing or a waiter is no visit.
    expect(rules('They never returned my call.')).toContain('no reply');
    expect(rules("She didn't return my email.")).toContain('no reply');
    expect(refused('Never returned to our table.')).toBe(false);
    expect(refused('The waiter never returned.')).toBe(false);
    expect(refused('I never returned the phone.')).toBe(false);
  });

  it('visits that have stopped refuse ("We stopped going there.", "That was our last visit.")', () => {
    for (const text of ['We stopped going there.', 'We no longer go there.', 'That was our last visit.']) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(churns(text), text).toBe(true);
    }
    expect(sentiment('Our last visit was great.').label).toBe('positive');
  });

  it('a perfect negation refuses as "never" does ("We haven\'t been back since.")', () => {
    expect(refused("We haven't been back since.")).toBe(true);
    expect(sentiment("We haven't been back since.").label).toBe('negative');
  });

  it('a reply not given through a perfect negation is a complaint ("Haven\'t heard back.")', () => {
    expect(rules("I applied two weeks ago but haven't heard back.")).toContain('no reply');
    expect(churns("I applied two weeks ago but haven't heard back.")).toBe(false);
  });
});

describe('what is not a refused return', () => {
  it.each([
    'The waiter never went back to check on us.',
    'They never went back to check.',
  ])('someone else\'s return: "%s"', (text) => {
    expect(refused(text)).toBe(false);
    expect(churns(text)).toBe(false);
  });

  it.each(['I never went back to sleep.', "I couldn't go back to sleep.", "After lunch we didn't go back to work."])(
    'a state or pastime returned to, not a place: "%s"',
    (text) => {
      expect(refused(text)).toBe(false);
      expect(churns(text)).toBe(false);
      expect(sentiment(text).score).toBe(0);
    },
  );

  it('a negation that ends at a scope break refuses nothing after it ("never been disappointed and always go back")', () => {
    const text = 'We have never been disappointed and always go back.';
    expect(churns(text)).toBe(false);
    expect(refused(text)).toBe(false);
    expect(churns("I would not recommend it and won't be back.")).toBe(true);
  });

  it('the lexicon\'s phrases of a visit before a state or pastime score nothing ("I\'ll never go back to sleep")', () => {
    expect(sentiment("I'll never go back to sleep.").score).toBe(0);
    expect(sentiment('I will go back to work tomorrow.').score).toBe(0);
    expect(churns("I'll never go back to sleep.")).toBe(false);
    expect(sentiment('We will go back to the city soon.').label).toBe('positive');
  });

  it('a visit not made "yet" is still planned ("We haven\'t been back yet.")', () => {
    expect(refused("We haven't been back yet.")).toBe(false);
    expect(refused("We haven't been back there yet.")).toBe(false);
    expect(churns("We haven't been back yet.")).toBe(false);
  });
});
