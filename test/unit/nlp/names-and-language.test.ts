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

  it('a name opening its sentence as the subject of a verb is no opinion; the verb after it is ("Best Buy Rocks!")', () => {
    expect(explained('Best Buy Rocks!', 'Best')).toBeUndefined();
    expect(explained('Best Buy Rocks!', 'Rocks')?.weight).toBeGreaterThan(0);
    expect(sentiment('Best Buy Rocks!').label).toBe('positive');
    expect(sentiment('Best Buy sucks.').label).toBe('negative');
    expect(explained('Best Buy has the worst customer service.', 'Best')).toBeUndefined();
    expect(explained('Best Western Plus is clean.', 'Best')).toBeUndefined();
  });

  it('praise opening a sentence with no verb after its capitalised words keeps its weight', () => {
    for (const text of ['Great Pizza and Salads!', 'Best Taiwanese food in NY!', 'Great Service Thanks!', 'Great Product Works Perfectly']) {
      expect(explained(text, text.split(' ')[0]!)?.weight).toBeGreaterThan(0);
    }
  });

  it('a long name does not make plain writing title case ("flights to Dallas Love Field Airport")', () => {
    expect(explained('new flights to Dallas Love Field Airport', 'Love')).toBeUndefined();
    expect(explained('We flew into Dallas Love Field and loved it.', 'loved it')?.weight).toBeGreaterThan(0);
    // Title-case lists keep their praise.
    expect(explained('Great friendly service, Fast seating, Fast Delivery, Excellent sushi.', 'Excellent')?.weight).toBeGreaterThan(0);
    expect(sentiment('Great friendly service, Fast seating, Fast Delivery, Excellent sushi.').explain.filter((e) => e.token === 'Fast')).toHaveLength(2);
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
