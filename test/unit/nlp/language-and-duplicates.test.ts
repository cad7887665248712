import { describe, expect, it } from 'vitest';
import { fingerprint, hammingDistance, isNearDuplicate, NEAR_DUPLICATE_BITS } from '../../../src/nlp/index.js';
import { analyzer } from './helpers.js';

const analyze = (text: string) => analyzer().analyze({ text });

describe('language detection', () => {
  it.each([
    ['Great pork sandwich.', 'en'],
    ["Mic doesn't work.", 'en'],
    ['Das Essen war kalt und der Service war langsam.', 'de'],
    ['Le service était très lent et la nourriture froide.', 'fr'],
    ['La comida estaba muy buena pero el servicio fue lento.', 'es'],
    ['Het eten was koud en de bediening was traag.', 'nl'],
    ['Доставка была очень медленной, товар пришёл сломанным.', 'ru'],
    ['配送が遅くて、商品が壊れていました。とても残念です。', 'ja'],
  ])('"%s" is %s', (text, lang) => {
    expect(analyze(text).lang).toBe(lang);
  });

  it('non-English text is kept with its language and marked unscored, not scored wrongly', () => {
    const r = analyze('Das Produkt ist leider schlecht, die Lieferung kam zu spät.');
    expect(r.lang).toBe('de');
    expect(r.sentiment).toMatchObject({ scored: false, score: 0, label: 'neutral', explain: [] });
    expect(r.themes).toEqual([]);
  });

  it('mostly English text with a foreign phrase is still scored as English', () => {
    const r = analyze('The croissants were amazing, c\'est la vie, and the coffee was great too.');
    expect(r.lang).toBe('en');
    expect(r.sentiment.label).toBe('positive');
  });
});

describe('near-duplicates', () => {
  const original =
    'Ordered the blender on Monday, it arrived Wednesday in perfect shape. Crushes ice easily and is quieter than my old one. Very happy so far.';

  it('a repost with different case, punctuation, spacing and a link is a near-duplicate', () => {
    const repost = `ordered the blender on monday -- it arrived wednesday in perfect shape!!  crushes ice easily and is quieter than my old one... very happy so far https://t.co/xyz`;
    expect(hammingDistance(fingerprint(original), fingerprint(repost))).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    expect(isNearDuplicate(original, repost)).toBe(true);
  });

  it('a light edit (one word changed) is a near-duplicate; a different review is not', () => {
    expect(isNearDuplicate(original, original.replace('Wednesday', 'Thursday'))).toBe(true);
    const other = 'The blender broke after a week and support never answered my emails. Returning it for a refund.';
    expect(isNearDuplicate(original, other)).toBe(false);
    expect(hammingDistance(fingerprint(original), fingerprint(other))).toBeGreaterThan(10);
  });

  it('fingerprints are 16 hex digits, stable, and accepted by isNearDuplicate directly', () => {
    const fp = fingerprint(original);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(original)).toBe(fp);
    expect(isNearDuplicate(fp, original)).toBe(true);
  });

  it('empty text is nobody\'s duplicate, and a bad fingerprint is a clear error', () => {
    expect(fingerprint('')).toBe('0000000000000000');
    expect(isNearDuplicate('', '')).toBe(false);
    expect(() => hammingDistance('xyz', '00')).toThrowError(/expected two hex fingerprints/);
  });
});
