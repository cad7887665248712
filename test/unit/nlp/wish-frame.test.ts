import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

const wishedOf = (text: string, token: string) => explained(text, token)?.rules.includes('irrealis') ?? false;

describe('praise wished for ("It would be nice if you answered your phones")', () => {
  it('"would be <praise> if …" and "would be <praise> to have / get / know …" wish for what is missing', () => {
    for (const [text, token] of [
      ['It would be nice if you would answer your phones.', 'nice'],
      ['It would be great if they had more vegetarian options.', 'great'],
      ['Would be nice to have more outlets.', 'nice'],
      ["It'd be helpful if the app showed the gate.", 'helpful'],
      ['It would sure be nice to get a response.', 'nice'],
      ['I would be happy if they brought back the old menu.', 'happy'],
    ] as const) {
      expect(wishedOf(text, token), text).toBe(true);
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('not praise of what is there, a promise, or a wish to meet again', () => {
    for (const text of [
      'I would be happy to recommend them.',
      'It would be a great place for a date.',
      'The patio would be nice in summer.',
      'It would be so nice to see you again.',
      'It would be amazing to hear their songs live!',
    ]) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });
});
