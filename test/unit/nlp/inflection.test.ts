import { describe, expect, it } from 'vitest';
import { explained, score, sentiment } from './helpers.js';

describe('dictionary-checked inflection', () => {
  it('a word that only looks inflected is not scored as its lookalike stem ("dudes" is not "dud", "number" not "numb")', () => {
    expect(explained('These dudes know their stuff', 'dudes')).toBeUndefined();
    expect(explained('Call the 800 number for bookings', 'number')).toBeUndefined();
    expect(score('Call the 800 number for bookings')).toBe(0);
  });

  it('real inflections still find their base word', () => {
    expect(explained('We could not be happier', 'happier')).toBeDefined();
    expect(explained('The cleanest room I have stayed in', 'cleanest')?.weight).toBeGreaterThan(0);
    expect(explained('It failed horribly', 'horribly')?.weight).toBeLessThan(0);
    expect(explained('Three duds in a row', 'duds')?.weight).toBeLessThan(0);
  });

  it('a comparative whose base would double its last letter is read from the base in "e" ("cutest" is "cute", not "cut")', () => {
    expect(explained('The cutest little place', 'cutest')?.weight).toBeGreaterThan(0);
    expect(explained('Even cuter than the photos', 'cuter')?.weight).toBeGreaterThan(0);
    expect(explained('The rudest waiter', 'rudest')?.weight).toBeLessThan(0);
    expect(explained('The biggest portions', 'biggest')?.weight).toBeGreaterThan(0);
  });

  it('"later" and "latest" tell time, not lateness', () => {
    for (const t of ['We got there two hours later.', 'See you later!', 'The latest update is out.']) expect(score(t), t).toBe(0);
    expect(score('The flight was late.')).toBeLessThan(0);
  });
});

describe('a comparative is read only of a word that can be graded', () => {
  it('"Heller" is no "more hell", "lover" no "more love": a noun or verb with "-er" makes another word or a name', () => {
    expect(sentiment('My friend Phillip Heller said it was delicious!').label).toBe('positive');
    expect(sentiment('My friend Phillip Heller said it was delicious!').explain.some((e) => e.token === 'Heller')).toBe(false);
    expect(sentiment('a jazz lover').explain).toEqual([]);
  });

  it('adjectives, adverbs and unlisted slang keep their comparatives ("nicer", "cutest", "crappier")', () => {
    for (const t of ['The staff were nicer this time', 'the cutest cafe', 'happier than ever']) expect(sentiment(t).label, t).toBe('positive');
    expect(sentiment('the app got crappier').label).toBe('negative');
  });

  it('"-ful" adjectives keep the sense of their noun ("disgraceful", "disrespectful", "hateful")', () => {
    for (const [text, word] of [['Truly disgraceful.', 'disgraceful'], ['A disrespectful waiter.', 'disrespectful'], ['Such a hateful film.', 'hateful'],
      ['A pitiful excuse for a burger.', 'pitiful']] as const) {
      expect(explained(text, word)?.weight, text).toBeLessThan(0);
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(explained('A respectful, graceful staff.', 'respectful')?.weight).toBeGreaterThan(0);
  });

  it('"-less" turns its noun round: no fault is praise, no joy is blame', () => {
    expect(explained('The service was faultless.', 'faultless')?.weight).toBeGreaterThan(0);
    expect(sentiment('The service was faultless.').label).toBe('positive');
    expect(explained('A joyless, humorless film.', 'joyless')?.weight).toBeLessThan(0);
    expect(sentiment('A joyless, humorless film.').label).toBe('negative');
    // The absence of a bad thing is milder than the bad thing: half its weight.
    expect(explained('A harmless comedy.', 'harmless')?.base).toBe(1);
  });

  it('no derivation where the dictionary lists the word as a noun, nor for the "-less" words that blame', () => {
    expect(explained('Just a handful of fries.', 'handful')).toBeUndefined();
    expect(explained('Stainless steel body.', 'stainless')).toBeUndefined();
    for (const text of ['The staff were shameless.', 'A pitiless, remorseless villain.']) expect(sentiment(text).label, text).toBe('negative');
  });
});

