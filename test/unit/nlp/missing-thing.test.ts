import { describe, expect, it } from 'vitest';
import { sentiment } from './helpers.js';

const missing = (text: string) => sentiment(text).explain.some((e) => e.rules.includes('missing'));

describe('the writer\'s own thing missing, asked for ("Where is my bag?")', () => {
  it('a sentence opening with "where" + be + my/our + a thing is a complaint, with or without "?"', () => {
    for (const text of ['Where is my bag?', "where's my refund", 'Where are our pilots?', 'WHERE THE HELL IS MY LUGGAGE', 'Flight landed an hour ago. Where is our luggage?']) {
      expect(missing(text), text).toBe(true);
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('not asking the way, not mid-sentence, not after a favourite', () => {
    for (const text of ['Where is the gate?', 'Where is your office?', 'I know where my bag is.', 'Where is my favorite waiter tonight?']) {
      expect(missing(text), text).toBe(false);
      expect(sentiment(text).label, text).not.toBe('negative');
    }
  });
});
