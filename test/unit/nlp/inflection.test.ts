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
});
