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

describe('"hopefully": a hope is no verdict', () => {
  it('praise hoped for after "hopefully" counts for nothing, where "I hoped it would be good" is a letdown', () => {
    const smooth = explained('Hopefully everything goes smoothly now.', 'smoothly');
    expect(smooth?.weight).toBe(0);
    expect(smooth?.rules).toContain('irrealis');
    expect(sentiment('Hopefully everything goes smoothly now.').label).toBe('neutral');
    expect(sentiment('Hopefully they will clear it for you.').label).toBe('neutral');
    expect(sentiment('I hoped it would be good.').label).toBe('negative');
  });

  it('blame hoped away stays blame ("hopefully the rude staff is gone"), and praise in another clause stands', () => {
    expect(sentiment('Hopefully the rude staff is gone.').label).toBe('negative');
    expect(sentiment('Hopefully, they open another one. The food is great.').label).toBe('positive');
  });
});

describe('good wished to someone is given, not missed', () => {
  it('"I wish you all the best of luck", "wishing everyone a safe trip" praise; "wish you had a better app" still wants', () => {
    expect(sentiment('I wish you all the best of luck').label).toBe('positive');
    expect(sentiment('Wishing everyone a safe trip').label).toBe('positive');
    expect(sentiment('I wish you had a better mobile app').label).toBe('negative');
    expect(sentiment('I wish it were better').label).toBe('negative');
  });
});
