import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

describe('adjectives whose polarity depends on the aspect', () => {
  it('"high" is bad for a price and "long" bad for a wait, with their negations', () => {
    expect(theme('Prices are a bit high', 'price')?.label).toBe('negative');
    expect(theme('The prices are not high at all', 'price')?.label).toBe('positive');
    expect(theme('Prices are low', 'price')?.label).toBe('positive');
    expect(theme('The wait was long', 'speed-waiting')?.label).toBe('negative');
    expect(theme('The wait was not long', 'speed-waiting')?.label).not.toBe('negative');
  });

  it('the same adjective judges other aspects the other way ("long battery life", "cold beer" vs "cold food")', () => {
    expect(analyzer().analyze({ text: 'The battery life is long' }).sentiment.label).toBe('positive');
    expect(theme('The food was cold', 'food')?.label).toBe('negative');
    expect(explained('Nice cold beer on the patio', 'cold')?.weight).toBeGreaterThan(0);
    expect(explained('The portions are small', 'small')?.rules).toContain('aspect');
  });

  it('texture: dry meat or cake is a complaint and moist praise; a dry wine is no verdict', () => {
    expect(theme('The chicken was extremely dry.', 'food')?.label).toBe('negative');
    expect(theme('The cake was moist and rich.', 'food')?.label).toBe('positive');
    expect(analyzer().analyze({ text: 'A dry white wine.' }).sentiment.label).toBe('neutral');
  });

  it('size and price in a restaurant: a small dish or a small room is a complaint, cheap prices praise', () => {
    expect(theme('The dish was small for the price.', 'food')?.label).toBe('negative');
    expect(explained('The restaurant is rather small.', 'small')?.weight).toBeLessThan(0);
    expect(theme('The prices are cheap.', 'price')?.label).toBe('positive');
    expect(theme('The prices are not cheap.', 'price')?.label).toBe('negative');
    expect(analyzer().analyze({ text: 'The case feels cheap.' }).sentiment.label).toBe('negative');
  });

  it('a rating is no price: "rated high" is not a high price', () => {
    expect(analyzer().analyze({ text: 'Locals rate this place so high.' }).sentiment.label).not.toBe('negative');
    expect(analyzer().analyze({ text: 'The fees are high.' }).sentiment.label).toBe('negative');
  });

  it('an adjective with no aspect it judges scores nothing ("a long day")', () => {
    expect(analyzer().analyze({ text: 'It was a long day' }).sentiment.explain).toEqual([]);
  });
});

describe('missing remedies', () => {
  it('"Charged twice, no refund." is a negative billing theme; "no refund" is worse than "refund"', () => {
    expect(theme('Charged twice, no refund.', 'billing-refunds-returns')?.label).toBe('negative');
    expect(explained('Still no refund after 3 weeks', 'refund')?.weight).toBeLessThan(-1);
    expect(explained('Still no refund after 3 weeks', 'refund')?.rules).toContain('negated remedy');
  });
});

describe('themes without an opinion of their own', () => {
  it('take the sentence score instead of staying neutral', () => {
    expect(theme('Fabulous service, fantastic food, and a chilled out atmosphere.', 'ambience')?.label).toBe('positive');
  });

  it('across a contrast take the other side\'s opinion turned round ("…, but …", "while …, …", "even though …")', () => {
    expect(theme('We had a great evening, but the waiter forgot our order twice.', 'service')?.label).toBe('negative');
    expect(theme('While the room is tiny, the staff were lovely.', 'ambience')?.label).toBe('negative');
    expect(theme('They were more than accommodating even though the room was packed.', 'ambience')?.label).toBe('negative');
    // An aside ("the dim sum though was …") is no contrast, and without one the opinion is shared.
    expect(theme('The service though was very good.', 'service')?.label).toBe('positive');
    expect(theme('We had a great evening and the waiter brought our order.', 'service')?.label).toBe('positive');
  });
});

describe('a clause that leaves out its subject', () => {
  it('goes on about the sentence\'s first theme ("the service is ok but could be better", "…, and was decent overall")', () => {
    expect(theme('The service is ok but could be better.', 'service')?.label).toBe('negative');
    expect(theme('The main course had an average portion, and was decent overall.', 'food')?.label).toBe('positive');
    // A clause with a subject of its own speaks for itself: the service keeps its praise.
    expect(theme('The service is good but we could have ordered better.', 'service')?.label).toBe('positive');
  });

  it('a return refused or promised there is the reviewer\'s, not the first theme\'s ("cute place, … but would never go there again")', () => {
    expect(theme('Cute place, nice wait staff but would never go there again.', 'ambience')?.label).toBe('positive');
    expect(analyzer().analyze({ text: 'Cute place, nice wait staff but would never go there again.' }).sentiment.label).toBe('negative');
    // Not a return: the clause still goes on about the first theme.
    expect(theme('The decor is ok but could be better.', 'ambience')?.label).toBe('negative');
  });
});

describe('one theme, one count', () => {
  it('with general and restaurants loaded, prices and atmosphere are one theme each, under the restaurant ids', () => {
    const themes = analyzer().analyze({ text: 'Prices are a bit high but the atmosphere is lovely' }).themes.map((t) => t.theme);
    expect(themes.sort()).toEqual(['ambience', 'price']);
  });

  it('the replacement holds whatever order the packs are loaded in, and a pack alone keeps its own ids', async () => {
    const { createAnalyzer, loadLexicon, loadThemePacks } = await import('../../../src/nlp/index.js');
    const reversed = createAnalyzer({ themes: loadThemePacks(['restaurants', 'general']), lexicon: loadLexicon() });
    expect(reversed.analyze({ text: 'Great value for money' }).themes.map((t) => t.theme)).toEqual(['price']);
    const general = createAnalyzer({ themes: loadThemePacks(['general']), lexicon: loadLexicon() });
    expect(general.analyze({ text: 'Great value for money' }).themes.map((t) => t.theme)).toEqual(['price-value']);
  });
});

describe('an adjective with a valence of its own still takes its aspect\'s reading', () => {
  it('"the beer was warm", "white wine warm", "a substantial wait" complain; "warm staff" and "a substantial meal" praise', () => {
    for (const t of ['The beer was warm.', 'Butter was melted, white wine warm.', 'There can be a substantial wait at peak times.']) {
      expect(sentiment(t).label, t).toBe('negative');
      expect(sentiment(t).explain.some((e) => e.rules.includes('aspect')), t).toBe(true);
    }
    for (const t of ['The staff was warm and welcoming.', 'A substantial meal for the price.']) expect(sentiment(t).label, t).toBe('positive');
  });

  it('the aspect\'s valence replaces the word\'s own, not adds to it ("generous portions")', () => {
    const generous = sentiment('The portions are generous.').explain.find((e) => e.token === 'generous')!;
    expect(generous.rules).toContain('aspect');
    expect(sentiment('The portions are generous.').explain).toHaveLength(1);
  });
});
