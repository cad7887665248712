import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

describe('misspelt sentiment words read as the word meant', () => {
  it('a letter missing, extra, or two swapped ("awsome", "reccommend", "freindly") keeps the word\'s sense', () => {
    for (const t of ['The staff was freindly.', 'Awsome pizza.', 'I would reccommend it.', 'The food was delicous.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(sentiment('We were disapointed.').label).toBe('negative');
    expect(theme('The service was impecable and the food magnificant.', 'service')?.label).toBe('positive');
    expect(theme('The service was impecable and the food magnificant.', 'food')?.label).toBe('positive');
  });

  it('doubled letters written single or single ones doubled ("dissapointed", "acommodating") are a slip too', () => {
    expect(sentiment('We were dissapointed.').label).toBe('negative');
    expect(sentiment('The staff were very acommodating.').label).toBe('positive');
  });

  it('a misspelling is negated like the word ("not freindly")', () => {
    expect(sentiment('The staff was not freindly.').label).toBe('negative');
  });

  it('real words, names and short words are not read as slips ("hanger", "breads", "flavour", "recieved", "chargers")', () => {
    for (const t of ['The hanger steak came with breads.', 'A new flavour of the month.', 'We recieved the order at six.', 'The cake was crusted with sugar.', 'Both chargers came in the box.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
  });
});

describe('slips found before and after the deletion index is built', () => {
  it('trying each spelling one letter away finds what the index finds', async () => {
    const { compileLexicon } = await import('../../../src/nlp/lexicon.js');
    const { slipOf } = await import('../../../src/nlp/typos.js');
    const { loadLexicon } = await import('../../../src/config/nlp-data.js');
    const words = ['freindly', 'awsome', 'reccommend', 'delicous', 'disapointed', 'impecable', 'magnificant', 'dissapointed',
      'acommodating', 'hanger', 'breads', 'flavour', 'recieved', 'chargers', 'wonderfull', 'terible', 'horibble', 'amazingg',
      'fantastc', 'exellent', 'awfull', 'tasety', 'qwertyuiop', 'restaurnt', 'coffee', 'brooklyn', 'sandwhich', 'beautifull'];
    // A fresh table probes its first words; another, its probe budget spent on other words, answers from the index.
    const probing = compileLexicon(loadLexicon(), 'reviews');
    const indexed = compileLexicon(loadLexicon(), 'reviews');
    for (let k = 0; k < 64; k++) slipOf(indexed, `zzzzzz${String.fromCharCode(97 + (k % 26))}${k}`.replace(/\d/g, 'q'));
    const viaProbes = words.map((w) => slipOf(probing, w));
    const viaIndex = words.map((w) => slipOf(indexed, w));
    expect(viaProbes).toEqual(viaIndex);
    expect(viaProbes.filter((s) => s !== null).length).toBeGreaterThan(10);
    expect(viaProbes[0]).toBe('friendly');
  });
});
