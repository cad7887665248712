import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

const rules = (text: string) => sentiment(text).explain.flatMap((e) => e.rules);
const intents = (text: string) => analyzer().analyze({ text }).intents;

describe('a thing sent back is a complaint, not a visit', () => {
  it.each(['Sending it back.', "I'm returning them.", 'I will be returning this phone.', 'I will return it.', 'I had to send it back.'])(
    '"%s" blames',
    (text) => expect(sentiment(text).label).toBe('negative'),
  );

  it('a promised visit keeps its praise ("We will be returning soon.", "… the next time we\'re in town")', () => {
    expect(sentiment('We will be returning soon.').label).toBe('positive');
    expect(sentiment("We will be returning the next time we're in town.").label).toBe('positive');
    expect(sentiment('We will definitely return to this place.').label).toBe('positive');
  });

  it('a thing kept is no visit refused ("I won\'t be returning it, I love it.")', () => {
    const text = "I won't be returning it, I love it.";
    expect(rules(text)).toContain('kept');
    expect(sentiment(text).label).toBe('positive');
    expect(sentiment('We will not be returning.').label).toBe('negative');
  });
});

describe('a return that is a noun is no visit', () => {
  it('"I\'ll be cancelling my return flight" promises nothing', () => {
    expect(rules("I'll be cancelling my return flight.")).not.toContain('promised return');
  });

  it('"not sure on returning date" refuses nothing', () => {
    expect(rules('not sure on returning date')).not.toContain('refused return');
    expect(intents('not sure on returning date')).not.toContain('churn');
  });
});
