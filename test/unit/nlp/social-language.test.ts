import { describe, expect, it } from 'vitest';
import { explained, score, sentiment } from './helpers.js';

describe('negators that negate nothing', () => {
  it('"no" before a neutral noun is a complaint ("no luggage", "nobody answers")', () => {
    expect(sentiment('Landed in Denver and have no luggage').label).toBe('negative');
    expect(sentiment('Called three times, nobody answers the phone').label).toBe('negative');
    expect(explained('Landed in Denver and have no luggage', 'no')?.rules).toContain('bare negation');
  });

  it('before a sentiment word the negator negates it and does not also count itself', () => {
    expect(score('No problem at all, thanks!')).toBeGreaterThan(0.05);
    expect(explained('No problem at all, thanks!', 'no')).toBeUndefined();
    expect(sentiment('The staff were never rude').label).not.toBe('negative');
  });
});

describe('slang, interjections and emoticon variants', () => {
  it('internet slang and interjections score ("fubar", "smh", "hooray", "lolz")', () => {
    expect(sentiment('this update is fubar').label).toBe('negative');
    expect(sentiment('Flight delayed again smh').label).toBe('negative');
    expect(sentiment('hooray we landed early').label).toBe('positive');
    expect(sentiment('lolz that was the funnest ride').label).toBe('positive');
  });

  it('a word with every letter doubled for emphasis counts as its base ("LLOOVVE", "greeaatt"); real words do not collapse', () => {
    expect(sentiment('LLOOVVE THIS PLACE.').label).toBe('positive');
    expect(sentiment('greeaatt food').label).toBe('positive');
    expect(sentiment('bbaadd service').label).toBe('negative');
    // "coffee", "bookkeeper", "Tennessee" collapse to no word: nothing is read into them.
    for (const t of ['the coffee', 'our bookkeeper', 'Tennessee']) expect(sentiment(t).explain, t).toEqual([]);
  });

  it('elongated words count as their base ("sooo goood", "noooo")', () => {
    expect(sentiment('sooo goood').label).toBe('positive');
    expect(sentiment('noooo my bag is gone').label).toBe('negative');
  });

  it('emoticon variants with doubled mouths, tears and "=" eyes are one token each and score', () => {
    expect(explained('cancelled again :((', ':((')?.rules).toContain('emoticon');
    expect(explained('thanks :\')', ':\')')?.weight).toBeGreaterThan(0);
    expect(explained('The seat was comfy :-))', ':-))')?.weight).toBeGreaterThan(0);
    expect(explained('landed =/', '=/')?.weight).toBeLessThan(0);
    // Not inside a time of day.
    expect(sentiment('boarding at 10:30 today').explain).toEqual([]);
  });

  it('noses, braces and frowning brows: ":o)", ":}", "=3" smile, ":c", ">:[", ":l", ">.<" frown', () => {
    for (const e of [':o)', ':}', '=3', '(=', '(;']) expect(explained(`see you tomorrow ${e}`, e)?.weight, e).toBeGreaterThan(0);
    for (const e of [':c', '>:[', ':l', '>.<', ':{', '>;(']) expect(explained(`delayed again ${e}`, e)?.weight, e).toBeLessThan(0);
    // Only as a token of its own: a colon before a letter inside a word is no face.
    expect(sentiment('Note:c is fine').explain.map((x) => x.token)).toEqual(['fine']);
  });
});

describe('basic irony', () => {
  it('a praise word set off at the start of a complaint is sarcasm ("Great, another update that breaks the app")', () => {
    expect(sentiment('Great, another update that breaks the app').label).toBe('negative');
    expect(explained('Great, another update that breaks the app', 'Great')?.rules).toContain('irony');
    expect(sentiment('Perfect! Lost my bag again').label).toBe('negative');
  });

  it('praise followed by praise, or praise inside the sentence, is left alone', () => {
    expect(explained('Thanks! The crew was lovely', 'Thanks')?.rules).not.toContain('irony');
    expect(explained('Great food, terrible service', 'Great')?.rules).not.toContain('irony');
  });
});
