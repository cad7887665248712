import { describe, expect, it } from 'vitest';
import { analyzer } from './helpers.js';

/** The restaurant themes (food, service, price, ambience) an analyst would see on a mention. */
const themesOf = (text: string) =>
  analyzer()
    .analyze({ text })
    .themes.map((t) => t.theme)
    .filter((t) => ['food', 'service', 'price', 'ambience'].includes(t));

describe('restaurant themes: a dish word that names a place or a person is not the food', () => {
  it('"the sushi bar", "a food court", "a bagel fan", "taste buds" are no opinion of the food; the sushi itself is', () => {
    expect(themesOf('We sat at the sushi bar by the door.')).not.toContain('food');
    expect(themesOf('We did not want to eat in the food court.')).not.toContain('food');
    expect(themesOf('Having been a long time bagel fan, I keep coming back.')).not.toContain('food');
    expect(themesOf('Nothing in town satisfies my taste buds.')).not.toContain('food');
    expect(themesOf('The sushi at the bar was superb.')).toContain('food');
    expect(themesOf('The wine list is extensive.')).toContain('food');
  });

  it('food fetched ("grab some food", "in search of food", "a long wait in getting food") is not an opinion of it', () => {
    expect(themesOf('We figured why not grab some food?')).toEqual([]);
    expect(themesOf('We were in search of food and found this block.')).toEqual([]);
    expect(themesOf('There can be a long wait in getting food.')).toEqual(['service']);
    expect(themesOf('We got great food here.')).toEqual(['food']);
  });

  it('a meal as the occasion ("in for a quick bite") is not the food; a bite of the dish is', () => {
    expect(themesOf('We went in the other night for a quick bite.')).toEqual([]);
    expect(themesOf('Every bite of the lamb was tender.')).toContain('food');
  });
});

describe('restaurant themes: idioms that borrow a theme word are not the theme', () => {
  it('"deal with", "a big deal", "the real deal", "at all costs", "make money" are not price; "a great deal" is', () => {
    expect(themesOf('The cold brew is the real deal.')).not.toContain('price');
    expect(themesOf("I don't have to deal with crowds or lines.")).not.toContain('price');
    expect(themesOf('Service is slow, but that is not really a big deal.')).not.toContain('price');
    expect(themesOf('Avoid at all costs.')).not.toContain('price');
    expect(themesOf('They just want to make money.')).not.toContain('price');
    expect(themesOf('The lunch special is a great deal.')).toContain('price');
  });

  it('"worth the wait", "a place to bring kids", "check this place out", "it helps" are not service', () => {
    expect(themesOf('It is worth the wait though.')).toEqual([]);
    expect(themesOf('The best place to bring kids.')).toEqual([]);
    expect(themesOf('Check this place out!')).toEqual([]);
    expect(themesOf('It helps if you know what to order.')).toEqual([]);
    expect(themesOf('We had to wait an hour for a table.')).toContain('service');
    expect(themesOf('The waiter forgot to bring our drinks.')).toContain('service');
    expect(themesOf('The staff were helpful.')).toContain('service');
  });

  it('"hold a candle to", "a tiny bit" are not the room; candles and a tiny room are', () => {
    expect(themesOf('No other steakhouse can hold a candle to this one.')).toEqual([]);
    expect(themesOf('I have a tiny bit of experience with Thai cooking.')).not.toContain('ambience');
    expect(themesOf('The tables have candles and the room is tiny.')).toContain('ambience');
  });
});

describe('restaurant themes: the words reviewers use for each category', () => {
  it('dishes and textures beyond the staples are food ("the pickles", "dry and disgusting"); comfort food is not the room', () => {
    expect(themesOf('The pickles were a great addition.')).toEqual(['food']);
    expect(themesOf('They were dry and disgusting.')).toEqual(['food']);
    expect(themesOf('I had the filet mignon with garlic mash.')).toEqual(['food']);
    expect(themesOf('It is the only place to get real comfort food.')).not.toContain('ambience');
    expect(themesOf('I had dinner at Ginger House last week.')).not.toContain('food');
  });

  it('dishes named as dishes (spring rolls, nigiri, the thali, a nebbiolo) are food; a roll of the eyes is not', () => {
    expect(themesOf('The spring rolls were greasy.')).toEqual(['food']);
    expect(themesOf('Forty pieces of good nigiri.')).toEqual(['food']);
    expect(themesOf('The thali was small and unremarkable.')).toEqual(['food']);
    expect(themesOf('Kalbi and nebbiolo work together.')).toEqual(['food']);
    expect(themesOf('She rolled her eyes at us.')).not.toContain('food');
  });

  it('"everything we had", "melts in your mouth" are the food; cigar smoke is the room, smoked salmon is not', () => {
    expect(themesOf('Everything we had was pretty good.')).toEqual(['food']);
    expect(themesOf('It was divine, melts in your mouth.')).toEqual(['food']);
    expect(themesOf('I could do without the cigar smoke.')).toEqual(['ambience']);
    expect(themesOf('The smoked salmon was great.')).toEqual(['food']);
  });

  it('a clean or dirty room, a comfortable one, the bathroom are the ambience; a clean taste is not', () => {
    expect(themesOf('The restaurant was dirty and unkempt.')).toEqual(['ambience']);
    expect(themesOf('You never really feel comfortable there.')).toEqual(['ambience']);
    expect(themesOf('The bathroom needs to be cleaned more often.')).toEqual(['ambience']);
    expect(themesOf('The broth has a clean taste.')).not.toContain('ambience');
  });

  it('"a steal", "a ripoff", "a small fortune", "pricy", "your wallet" are price', () => {
    expect(themesOf("It's a steal!")).toEqual(['price']);
    expect(themesOf('What a ripoff!')).toEqual(['price']);
    expect(themesOf('I had to shell out a small fortune.')).toEqual(['price']);
    expect(themesOf('Excellent, but pricy.')).toEqual(['price']);
    expect(themesOf('It will not hurt your wallet.')).toEqual(['price']);
    expect(themesOf('The menu is in the window.')).not.toContain('price');
  });

  it('something free, paying a lot, "you get what you pay for" are price; gluten-free and "feel free" are not', () => {
    expect(themesOf('No free drink.')).toContain('price');
    expect(themesOf('You will pay a lot for the decor.')).toContain('price');
    expect(themesOf('Outstanding bagels, but you get what you pay for.')).toEqual(['food', 'price']);
    expect(themesOf('They have gluten free bread.')).toEqual(['food']);
    expect(themesOf('Feel free to ask.')).toEqual([]);
  });
});

describe('restaurant themes: one stem, two meanings, told apart by the written form', () => {
  it('seating and seats are the room; being seated is service', () => {
    expect(themesOf('There is very limited seating.')).toEqual(['ambience']);
    expect(themesOf('The seats are uncomfortable.')).toEqual(['ambience']);
    expect(themesOf('We were seated right away.')).toEqual(['service']);
  });

  it('crowds in the street, being entertained, a welcome addition, small servings are not the category of the stem', () => {
    expect(themesOf("I don't want to push through crowds.")).not.toContain('ambience');
    expect(themesOf('A great place to entertain clients.')).not.toContain('ambience');
    expect(themesOf('Another welcome addition to the neighborhood.')).not.toContain('service');
    expect(themesOf('Small servings of chicken.')).not.toContain('service');
    expect(themesOf('It was crowded and loud.')).toContain('ambience');
    expect(themesOf('The live entertainment was great.')).toContain('ambience');
    expect(themesOf('The staff were welcoming.')).toContain('service');
  });

  it('green lawns, a set, "Fri" (Friday), "top" are not greens, a setting, fries or toppings', () => {
    expect(themesOf('The windows look out over green lawns.')).not.toContain('food');
    expect(themesOf('Jazz bands on Fri and Sat.')).not.toContain('food');
    expect(themesOf('The whole set up is unprofessional.')).not.toContain('ambience');
    expect(themesOf('The greens were fresh and the fries crisp.')).toEqual(['food']);
    expect(themesOf('The setting is lovely.')).toEqual(['ambience']);
  });
});

describe('restaurant themes: the act, not the thing it names', () => {
  it('the bill brought too early is service, not price; the size of the bill is price', () => {
    expect(themesOf('The bill turned up on the table before we were finished.')).toEqual(['service']);
    expect(themesOf('The bill was huge.')).toEqual(['price']);
  });

  it('"save your money" is advice about the visit, not price; "worth the money" is price', () => {
    expect(themesOf('Save your money and go elsewhere.')).not.toContain('price');
    expect(themesOf('It was worth the money.')).toEqual(['price']);
  });

  it('the guest in a rush or getting a drink elsewhere is neither service nor food; being rushed out is service', () => {
    expect(themesOf('Go when you are not in a rush.')).toEqual([]);
    expect(themesOf('Get a drink at a local bar first.')).not.toContain('food');
    expect(themesOf('They rushed us out the door.')).toEqual(['service']);
  });

  it('how a dish is served ("served warm", "served with rice") is the food, not the service; being served late is service', () => {
    expect(themesOf('The buns were served warm and fluffy.')).toEqual(['food']);
    expect(themesOf('The dumplings are served with a spicy sauce.')).toEqual(['food']);
    expect(themesOf('We were served an hour after we ordered.')).toContain('service');
  });

  it('"vegetarian-friendly choices", "pay attention to the music", "a few tips" are not the staff; friendly staff are', () => {
    expect(themesOf('There are plenty of vegetarian-friendly choices.')).toEqual(['food']);
    expect(themesOf('Pay attention to the music.')).toEqual(['ambience']);
    expect(themesOf('A few tips: skip the turnip cake.')).toEqual(['food']);
    expect(themesOf('Friendly staff.')).toEqual(['service']);
  });

  it('being taken care of, shooed out, hung up on, apologized to, a drink on the house are service', () => {
    expect(themesOf('We were well taken care of.')).toEqual(['service']);
    expect(themesOf('We were then shooed inside.')).toEqual(['service']);
    expect(themesOf("You're lucky if they don't hang up on you.")).toEqual(['service']);
    expect(themesOf("He didn't apologize.")).toEqual(['service']);
    expect(themesOf('They offered an after dinner drink, on the house.')).toContain('service');
    expect(themesOf('The house was built in 1901.')).toEqual([]);
  });
});
