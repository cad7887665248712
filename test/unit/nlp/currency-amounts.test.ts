import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/nlp/index.js';
import { compileLexicon } from '../../../src/nlp/lexicon.js';
import { compileThemes } from '../../../src/nlp/themes.js';
import { M } from '../../../src/nlp/token.js';
import { tokenize } from '../../../src/nlp/tokenize.js';
import { createVocabulary } from '../../../src/nlp/vocabulary.js';
import { analyzer } from './helpers.js';

const price = (text: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === 'price');

/**
 * The tokenizer marks texts with a currency sign in their punctuation, and theme matching looks for amounts only in
 * those: a sign it failed to mark would silently drop the price theme.
 */
describe('amounts of money in any of the currency signs a theme may list', () => {
  it('each sign the packs list, before or after a number, is about price ("€20", "£5", "20$")', () => {
    for (const text of ['It cost €20 for two.', 'We paid £5 for a coffee.', 'Paid 20$ in the end.']) {
      expect(price(text), text).toBeDefined();
    }
  });

  it('a pack may list "¥" and "₹" too ("¥1000", "₹ 500")', () => {
    const money = createAnalyzer({ themes: [{ id: 'money', terms: ['¥', '₹'] }] });
    for (const text of ['The room was ¥1000 a night.', 'Dinner was ₹ 500 each.']) {
      expect(money.analyze({ text }).themes.map((t) => t.theme), text).toEqual(['money']);
    }
    expect(money.analyze({ text: 'The room was 1000 a night.' }).themes).toEqual([]);
  });

  it('a sign inside a longer punctuation run still counts ("($20)", "–$5")', () => {
    expect(price('The set menu ($20) was enough.')).toBeDefined();
    expect(price('They gave a –$5 discount.')).toBeDefined();
  });

  it('a sign in a skipped URL, or with no number next to it, is no amount', () => {
    expect(price('Read https://example.com/deals/$5 later.')).toBeUndefined();
    expect(price('The sign by the door read € and nothing else.')).toBeUndefined();
  });

  it('the tokenizer marks a currency sign in punctuation, and not other punctuation or a sign in a URL', () => {
    const vocab = createVocabulary(compileLexicon(), compileThemes([]));
    expect(tokenize('It cost €20.', vocab).marks & M.CURRENCY).toBe(M.CURRENCY);
    expect(tokenize('Cheap!!! (really), 20% off.', vocab).marks & M.CURRENCY).toBe(0);
    expect(tokenize('see http://x.com/$5 now', vocab).marks & M.CURRENCY).toBe(0);
  });
});
