import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { createAnalyzer } from '../../../src/nlp/index.js';
import { analyzer } from './helpers.js';

const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

describe('aspect sentiment: each theme gets the sentiment of its own clause', () => {
  it('"the food was great but the service was painfully slow": food positive, service negative', () => {
    const text = 'The food was great but the service was painfully slow.';
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(theme(text, 'service')?.label).toBe('negative');
    expect(theme(text, 'food')?.evidence).toContain('food was great');
    expect(theme(text, 'service')?.evidence).toContain('service was painfully slow');
  });

  it('opinions go to the nearest theme ("great food, friendly staff, but the prices...")', () => {
    const text = 'Great food, friendly staff, but the prices were ridiculous.';
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(theme(text, 'staff')?.label).toBe('positive');
    expect(theme(text, 'price')?.label).toBe('negative');
  });

  it('a word in two packs\' themes ("waiter": staff and service) gives the opinion to both', () => {
    const text = 'The food was delicious but the waiter was rude.';
    expect(theme(text, 'staff')?.label).toBe('negative');
    expect(theme(text, 'service')?.label).toBe('negative');
    expect(theme(text, 'food')?.label).toBe('positive');
  });

  it('a theme word in one sentence takes the opinion of the next when it starts with "it"', () => {
    expect(theme('We had the lamb. It was superb.', 'food')?.label).toBe('positive');
  });

  it('a term or exclusion that starts with a common word is read where its second word follows ("in stock", "on time", "in return"), and only there', () => {
    expect(theme('Nothing was in stock.', 'availability-stock')).toBeDefined();
    expect(theme('It arrived on time.', 'speed-waiting')).toBeDefined();
    // "on the", "in the": the same first words before another word start no term.
    expect(theme('It arrived on the second day.', 'speed-waiting')).toBeUndefined();
    expect(theme('The return was easy.', 'billing-refunds-returns')).toBeDefined();
    expect(theme('I got nothing in return.', 'billing-refunds-returns')).toBeUndefined();
  });

  it('stemming matches inflections ("delivered" for delivery) and exclusions stop false hits', () => {
    expect(theme('It was delivered two days late.', 'delivery-shipping')).toBeDefined();
    expect(theme('I spent some quality time with my kids there.', 'product-quality')).toBeUndefined();
  });

  it('an amount of money is about price ("$20 for all you can eat"), a number alone is not', () => {
    expect(theme('$20 for all you can eat sushi cannot be beaten.', 'price')).toBeDefined();
    expect(theme('We spent 50 $$ and will come back.', 'price')).toBeDefined();
    expect(theme('We were 20 people at two tables.', 'price')).toBeUndefined();
    expect(theme('The sign by the door read $ and nothing else.', 'price')).toBeUndefined();
  });

  it('words sharing a stem with a theme term are not the theme ("seated" is not seats, "side" not sides)', () => {
    expect(theme('We were seated promptly at the time of our reservation.', 'ambience')).toBeUndefined();
    expect(theme('We were seated promptly at the time of our reservation.', 'service')).toBeDefined();
    expect(theme('I live on the west side, so I often go to Murray\'s.', 'food')).toBeUndefined();
    expect(theme('Service is top notch.', 'food')).toBeUndefined();
    expect(theme('The toppings were fresh.', 'food')).toBeDefined();
  });

  it('a dish naming the kind of place ("the best pizza place", "a bagel shop") is not the food; the dish itself is', () => {
    expect(theme('Bleecker is my pick for the best pizza place anywhere.', 'food')).toBeUndefined();
    expect(theme('If you are in the area try the bagel shop on 74th street.', 'food')).toBeUndefined();
    expect(theme('The pizza here is the best anywhere.', 'food')?.label).toBe('positive');
    expect(theme('The bagel was stale.', 'food')?.label).toBe('negative');
  });

  it('the meal as the time of the visit ("during the entire meal") and a drink as its purpose ("just for some drinks") are not the food', () => {
    expect(theme('Our server checked on us maybe twice during the entire meal.', 'food')).toBeUndefined();
    expect(theme('We went into this place just for some drinks.', 'food')).toBeUndefined();
    expect(theme('We sat in the main dining room.', 'food')).toBeUndefined();
    expect(theme('We had a delicious meal.', 'food')?.label).toBe('positive');
    expect(theme('The drinks were weak.', 'food')?.label).toBe('negative');
  });

  it('the room is more than its decor ("the ceiling is amazing", "a smoky lounge"), smoked salmon is not the room', () => {
    expect(theme('The ceiling is amazing!', 'ambience')?.label).toBe('positive');
    expect(theme('The lounge was smoky and cramped.', 'ambience')?.label).toBe('negative');
    expect(theme('The smoked salmon was great.', 'ambience')).toBeUndefined();
    expect(theme('The people who work there are rude.', 'service')?.label).toBe('negative');
  });

  it('minutes waited are service, a conversation drowned out is the room, not breaking the bank is price', () => {
    expect(theme('It took them 15 minutes to put water in our glasses.', 'service')?.label).toBe('negative');
    expect(theme('You can barely have a conversation.', 'ambience')).toBeDefined();
    expect(theme('And all of that won\'t break the bank!', 'price')).toBeDefined();
  });

  it('a custom theme excludes "* word" after any of its terms', () => {
    const custom = createAnalyzer({ themes: [{ id: 'coffee', terms: ['espresso', 'latte'], exclude: ['* machine'] }] });
    expect(custom.analyze({ text: 'The espresso machine broke.' }).themes).toEqual([]);
    expect(custom.analyze({ text: 'The latte was lovely.' }).themes.map((t) => t.theme)).toEqual(['coffee']);
  });

  it('a custom theme excludes "=form", one written form of a term\'s stem, and keeps the other forms', () => {
    const custom = createAnalyzer({ themes: [{ id: 'room', terms: ['crowded'], exclude: ['=crowds'] }] });
    expect(custom.analyze({ text: 'We had to push through crowds on the street.' }).themes).toEqual([]);
    expect(custom.analyze({ text: 'It was very crowded inside.' }).themes.map((t) => t.theme)).toEqual(['room']);
    expect(custom.analyze({ text: 'A young crowd.' }).themes.map((t) => t.theme)).toEqual(['room']);
  });

  it('a one-word exclusion sharing a term\'s stem drops that word only, not the term ("stocks" keeps "out of stock")', () => {
    const custom = createAnalyzer({ themes: [{ id: 'stock', terms: ['out of stock', 'stock'], exclude: ['stocks'] }] });
    expect(custom.analyze({ text: 'The blue one is out of stock.' }).themes.map((t) => t.theme)).toEqual(['stock']);
    expect(custom.analyze({ text: 'I sold my stocks.' }).themes).toEqual([]);
  });

  it('a theme\'s written forms drop only the words of their own stem ("=crowds" drops "crowds", not "seats"), and only for that theme', () => {
    const custom = createAnalyzer({
      themes: [
        { id: 'room', terms: ['crowd', 'seat'], exclude: ['=crowds'] },
        { id: 'people', terms: ['crowds'] },
      ],
    });
    const themesOf = (text: string) => custom.analyze({ text }).themes.map((t) => t.theme);
    expect(themesOf('The crowds outside were huge.')).toEqual(['people']);
    expect(themesOf('It was crowded inside.')).toContain('room');
    expect(themesOf('The seats were comfy.')).toEqual(['room']);
  });

  it('the general pack finds "out of stock", "customer support", a late delivery, the server and the setting', () => {
    expect(theme('The item is out of stock again.', 'availability-stock')).toBeDefined();
    expect(theme('Customer support was useless.', 'customer-service')?.label).toBe('negative');
    expect(theme('The parcel was three days late.', 'speed-waiting')).toBeDefined();
    expect(theme('Our server was lovely.', 'staff')?.label).toBe('positive');
    expect(theme('What a lovely setting.', 'ambience')?.label).toBe('positive');
    expect(theme('Fix the settings page.', 'ambience')).toBeUndefined();
    expect(theme('I have not been there lately.', 'speed-waiting')).toBeUndefined();
  });

  it('a theme mentioned without an opinion is neutral with its evidence', () => {
    const t = theme('We ordered the pasta.', 'food');
    expect(t?.label).toBe('neutral');
    expect(t?.evidence).toContain('pasta');
  });
});

describe('theme packs and custom themes', () => {
  it('an unknown pack fails with one line naming it and the available packs', () => {
    expect(() => loadThemePacks(['general', 'spaceships'])).toThrowError(/^unknown theme pack "spaceships" \(available: .*general.*restaurants.*\)$/);
  });

  it('every shipped pack loads, and the general pack covers the CX taxonomy', () => {
    const packs = ['general', 'restaurants', 'hotels', 'ecommerce', 'software', 'banking', 'telecom'];
    expect(loadThemePacks(packs).length).toBeGreaterThan(40);
    const ids = loadThemePacks(['general']).map((t) => t.id);
    for (const id of ['product-quality', 'price-value', 'delivery-shipping', 'customer-service', 'staff', 'speed-waiting',
      'ease-of-use', 'reliability-defects', 'availability-stock', 'website-app', 'billing-refunds-returns', 'cleanliness', 'atmosphere']) {
      expect(ids).toContain(id);
    }
    expect(loadThemePacks(['restaurants']).map((t) => t.id)).toEqual(['food', 'service', 'price', 'ambience']);
  });

  it('a user adds a theme in YAML, without code, by giving the file as a pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-themes-'));
    const file = join(dir, 'coffee.yaml');
    writeFileSync(file, 'themes:\n  - id: crema\n    terms: [crema, espresso shot]\n    exclude: [crema catalana]\n');
    const a = createAnalyzer({ themes: loadThemePacks(['general', file]), lexicon: loadLexicon() });
    expect(a.analyze({ text: 'The crema was thin and sad.' }).themes.find((t) => t.theme === 'crema')?.label).toBe('negative');
    expect(a.analyze({ text: 'We had crema catalana.' }).themes.some((t) => t.theme === 'crema')).toBe(false);
  });

  it('a malformed pack fails with one line naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-themes-'));
    writeFileSync(join(dir, 'bad.yaml'), 'themes:\n  - id: Bad Id\n    terms: []\n');
    expect(() => loadThemePacks(['bad'], { dir })).toThrowError(/bad\.yaml: themes\[0\]\.id: expected a lowercase id/);
  });

  it("a malformed '=word' or '* word' exclusion fails with one line naming the file and the entry", () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-themes-'));
    writeFileSync(join(dir, 'eq.yaml'), "themes:\n  - id: crowd\n    terms: [crowd]\n    exclude: [crowd control, '=two words']\n");
    expect(() => loadThemePacks(['eq'], { dir })).toThrowError(/eq\.yaml: themes\[0\]\.exclude\[1\]: '=word' takes exactly one word after '='/);
    writeFileSync(join(dir, 'star.yaml'), "themes:\n  - id: crowd\n    terms: [crowd]\n    exclude: ['*']\n");
    expect(() => loadThemePacks(['star'], { dir })).toThrowError(/star\.yaml: themes\[0\]\.exclude\[0\]: '\* word' takes exactly one word after '\*'/);
  });

  it('a custom lexicon folder overrides the built-in valence of a word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-lex-'));
    writeFileSync(join(dir, 'brand.yaml'), 'words:\n  sick: 3\nphrases:\n  meh ish: -2\n');
    const a = createAnalyzer({ lexicon: loadLexicon({ dir }) });
    expect(a.analyze({ text: 'that drop is sick' }).sentiment.label).toBe('positive');
    expect(a.analyze({ text: 'meh ish' }).sentiment.label).toBe('negative');
  });
});
