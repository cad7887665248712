import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

describe('words inside proper names', () => {
  it('praise words that are part of a capitalised name are not scored ("Best Buy", "Imagine Dragons")', () => {
    expect(sentiment('I went to Best Buy for a charger').explain).toEqual([]);
    expect(explained('my class loves Imagine Dragons', 'Imagine')).toBeUndefined();
    expect(explained('my class loves Imagine Dragons', 'loves')?.weight).toBeGreaterThan(0);
  });

  it('the same words score at the start of a sentence, in lowercase, and in title-case writing', () => {
    expect(explained('Best burger in town', 'Best')?.weight).toBeGreaterThan(0);
    expect(sentiment('the best buy I made this year').label).toBe('positive');
    expect(sentiment('Great Product, Works Perfectly').label).toBe('positive');
  });

  it('capitalised complaints stay complaints ("Worst Service Ever")', () => {
    expect(sentiment('Honestly the Worst Service Ever').label).toBe('negative');
  });
});

describe('short English is scored as English', () => {
  it('a tweet of hashtags and few function words is English, not Swedish, and is scored', () => {
    const r = analyzer().analyze({ text: '@SouthwestAir Great #BlackHistoryMonth commercial! Thx! #ATL #singer #musician #life' });
    expect(r.lang).toBe('en');
    expect(r.sentiment.scored).toBe(true);
    expect(r.sentiment.label).toBe('positive');
  });

  it('short text in another language with its function words is still that language', () => {
    expect(analyzer().analyze({ text: 'La comida estaba muy buena pero el servicio fue lento.' }).lang).toBe('es');
    expect(analyzer().analyze({ text: 'Das Essen war kalt und der Service war langsam.' }).lang).toBe('de');
  });
});
