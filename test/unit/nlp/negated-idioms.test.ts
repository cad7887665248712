import { describe, expect, it } from 'vitest';
import { sentiment } from './helpers.js';

describe('a negator and a word that are a fixed expression blame nothing', () => {
  it.each(['no frills', 'Nothing fancy.', 'No surprises.', 'No kidding.', 'No lie.', 'No big deal.', 'No biggie.', 'No strings attached.'])(
    '"%s" is neutral (the bare "no" was blame)',
    (text) => expect(sentiment(text).score).toBe(0),
  );

  it('a no-frills place with praise is praised; an aside before a complaint leaves the complaint', () => {
    expect(sentiment('A no-frills diner with great burgers.').explain.map((e) => e.token)).toEqual(['great']);
    expect(sentiment('Nothing fancy, but really good food.').explain.every((e) => e.weight > 0)).toBe(true);
    expect(sentiment('No kidding, it was great.').label).toBe('positive');
    expect(sentiment('No offense, but the food was bland.').explain.map((e) => e.token)).toEqual(['bland']);
  });

  it('ease said with "no" praises ("no fuss, no muss", "no drama")', () => {
    for (const text of ['No fuss, no muss.', 'No muss no fuss.', 'No drama.', 'They sent a new wheel within three days, no questions asked.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('a negator that praises by setting apart ("a film like no other")', () => {
    expect(sentiment('Watkins creates a film like no other.').label).toBe('positive');
  });

  it('a complaint denied past the negation\'s reach: "Never had anything to complain about here." praises', () => {
    expect(sentiment('Never had anything to complain about here.').label).toBe('positive');
    expect(sentiment("I haven't found anything to complain about.").label).toBe('positive');
    expect(sentiment('If there is anything to complain about, it is the price.').label).toBe('negative');
  });

  it('a refusal said as an oath blames ("you couldn\'t pay me to eat here again", "wouldn\'t be caught dead there")', () => {
    for (const text of ["You couldn't pay me to eat at this place again.", "You couldn't pay me enough to fly them.", "I wouldn't be caught dead there."]) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    // Pay itself, denied, is no oath.
    expect(sentiment("They couldn't pay me on time.").explain.map((e) => e.rules.includes('phrase'))).not.toContain(true);
  });

  it('a negator before a word that undoes it denies nothing ("never ceases to amaze", "nothing short of incredible")', () => {
    expect(sentiment('Kieslowski never ceases to amaze me.').label).toBe('positive');
    expect(sentiment('It never ceases to disappoint.').label).toBe('negative');
    expect(sentiment('The photography was nothing short of incredible.').label).toBe('positive');
    expect(sentiment('The evening was nothing short of a disaster.').label).toBe('negative');
    // Other words after "nothing" are negated as before.
    expect(sentiment('There was nothing good about it.').label).toBe('negative');
  });

  it('a negator that praises: "Nothing beats their pizza.", "Couldn\'t ask for more.", "It\'s a no brainer."', () => {
    for (const text of ['Nothing beats their pizza.', "Couldn't ask for more.", "It's a no brainer.", 'Nothing compares to this place.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('a plain "no" before other words still reads as before ("There were no napkins.", "no refund")', () => {
    expect(sentiment('There were no napkins.').label).toBe('negative');
    expect(sentiment('They gave us no refund.').label).toBe('negative');
  });
});
