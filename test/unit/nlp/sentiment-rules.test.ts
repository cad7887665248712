import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../src/domain/analysis.js';
import { analyzer, explained, score, sentiment } from './helpers.js';

describe('negation scope', () => {
  it('when praise is negated ("not good") the text is negative and the explanation says negated', () => {
    expect(score('The battery is not good.')).toBeLessThan(-0.05);
    expect(explained('The battery is not good.', 'good')?.rules).toContain('negated');
  });

  it('when blame is negated ("never disappointed", "not bad at all") the text is positive', () => {
    expect(score('I have never been disappointed by this shop.')).toBeGreaterThan(0.05);
    expect(score('Honestly not bad at all.')).toBeGreaterThan(0.05);
  });

  it('"not bad" is fainter praise than "good"', () => {
    expect(score('not bad')).toBeLessThan(score('good'));
  });

  it('a negation does not reach past a comma into the next clause', () => {
    expect(score('No frills, great coffee.')).toBeGreaterThan(0.3);
  });

  it('a negation inside a scored phrase ("thanks for nothing") does not also negate what follows', () => {
    expect(explained('thanks for nothing #fail', 'fail')?.rules).not.toContain('negated');
    expect(explained('thanks for nothing #fail', 'fail')?.weight).toBeLessThan(0);
    // A phrase that scores nothing still modifies: "kind of good" is diminished.
    expect(explained('kind of good', 'good')?.rules).toContain('diminished');
  });

  it('a negation carries over "or" ("never rushed or pressured", "never rude or slow"), and "rarely" negates', () => {
    expect(sentiment('I never felt rushed or pressured.').label).toBe('positive');
    expect(sentiment('The staff were never rude or slow.').label).toBe('positive');
    expect(sentiment('I have rarely had a problem here.').label).toBe('positive');
    // Without a negation the words keep their sense.
    expect(sentiment('I felt rushed or pressured.').label).toBe('negative');
  });

  it('a negation of every case with a comparative is a superlative ("never felt more unwelcome", "nothing better than")', () => {
    expect(sentiment("I've never felt more unwelcome than last month.").label).toBe('negative');
    expect(sentiment('There is nothing more pleasant than that.').label).toBe('positive');
    expect(sentiment('Nothing better than a bagel on a Sunday.').label).toBe('positive');
    expect(sentiment('No one serves a better pizza.').label).toBe('positive');
    // A plain negation of a comparative still denies it.
    expect(sentiment('The new menu is not better.').label).toBe('negative');
  });

  it('"less than" and "least" deny the word after them ("less than impressed", "my least favorite"), "at least" does not', () => {
    expect(sentiment('We were less than impressed.').label).toBe('negative');
    expect(sentiment('This one is my least favorite.').label).toBe('negative');
    expect(explained('We were less than impressed.', 'impressed')?.rules).toContain('negated');
    expect(sentiment('At least the dessert was good.').label).toBe('positive');
    expect(sentiment('We were impressed.').label).toBe('positive');
  });

  it('a return refused around other words is the last visit ("we won\'t go to this place again", "I don\'t think I would go again")', () => {
    expect(sentiment("We won't go to this place again.").label).toBe('negative');
    expect(sentiment("I don't think I would go again.").label).toBe('negative');
    expect(explained("I don't think I would go again.", "don't think I would go again")?.rules).toContain('refused return');
    // A negation about something else first, or an eager one, is no refusal.
    expect(sentiment("I can't wait to go back.").label).toBe('positive');
    expect(sentiment('We never had a bad meal and we always go back.').label).toBe('positive');
    expect(sentiment("I wouldn't hesitate to go back again.").label).toBe('positive');
  });

  it('what an excess prevents is denied ("too cold to enjoy", "too salty to be good"); "happy to go" is no excess', () => {
    expect(sentiment('Too cold to enjoy.').label).toBe('negative');
    expect(explained('Too cold to enjoy.', 'enjoy')?.rules).toContain('negated');
    expect(sentiment('The soup was too salty to be good.').label).toBe('negative');
    expect(sentiment('I was happy to go.').label).toBe('positive');
  });

  it('mild praise after "too" is an excess ("too sweet", "far too rich"); a verdict ("too good") and "we too" are not', () => {
    expect(sentiment('The dessert wine was far too sweet.').label).toBe('negative');
    expect(explained('The chocolate cake was too rich for me.', 'too rich')?.rules).toContain('too');
    expect(sentiment('The cake was not too sweet.').label).toBe('positive');
    expect(sentiment('It was too good to pass up.').label).toBe('positive');
    expect(sentiment('We too enjoyed the cake.').label).toBe('positive');
  });

  it('a fronted "not once" before an inverted auxiliary denies the clause\'s verb however far ("not once has an item disappointed")', () => {
    expect(sentiment("We've been there three times and not once has an item on the menu disappointed.").label).toBe('positive');
    expect(sentiment('Not once has the service been good.').label).toBe('negative');
    // No inversion, no fronted negation; and a word describing a noun is not the verb denied.
    expect(sentiment('We eat there once a week if not once a day, great food.').label).toBe('positive');
    expect(sentiment('Not once have I heard back from your embarrassing airline.').label).toBe('negative');
  });

  it('"killer" before a noun is slang praise ("Killer sushi!"); as a noun it keeps its sense ("the real killer is the volume")', () => {
    expect(sentiment('Killer sushi!').label).toBe('positive');
    expect(explained('Seriously killer hot chai latte.', 'killer')?.rules).toContain('slang praise');
    expect(sentiment('The real killer is the volume.').label).toBe('negative');
    expect(sentiment("As for the killer, don't expect anything original.").label).toBe('negative');
  });

  it('wanting to come back now is praise ("I always want to go back for more"); "wanted to love it" is still the letdown', () => {
    expect(sentiment('I always want to go back for more!').label).toBe('positive');
    expect(sentiment('It makes you want to come back.').label).toBe('positive');
    expect(sentiment('I wanted to love it.').label).toBe('negative');
  });

  it('blame after "don\'t need" / "don\'t want" is rejected, not denied ("I don\'t need overpriced food"); with "to" the negation reaches on', () => {
    expect(sentiment("I don't need overpriced food and rude waiters.").label).toBe('negative');
    expect(explained("We don't want rude service.", 'rude')?.rules).not.toContain('negated');
    expect(sentiment("You don't need to worry about the wait.").label).toBe('positive');
  });

  it('blame denied inside a wish is no letdown ("you won\'t want to leave"); praise wished for still is ("I wanted to love it")', () => {
    expect(sentiment("Go inside and you won't want to leave.").label).toBe('positive');
    expect(sentiment('We never wanted to leave.').label).toBe('positive');
    expect(sentiment('I wanted to love it.').label).toBe('negative');
  });

  it('disbelief is amazement, not denial ("I couldn\'t believe how small the portions were"); "can\'t recommend" still denies', () => {
    expect(sentiment("I couldn't believe how small the portions were!").label).toBe('negative');
    expect(sentiment("I can't believe how good it was.").label).toBe('positive');
    expect(sentiment("I can't recommend it.").label).toBe('negative');
  });

  it('an adverb of judgement against its adjective says how, not what ("delightfully overpriced"); agreeing, both count', () => {
    expect(sentiment('The drinks were delightfully overpriced.').label).toBe('negative');
    expect(explained('The drinks were delightfully overpriced.', 'delightfully')).toBeUndefined();
    expect(sentiment('Shockingly easy to book a table.').label).toBe('positive');
    expect(explained('A wonderfully nice agent helped us.', 'wonderfully')?.weight).toBeGreaterThan(0);
  });

  it('contracted negations without an apostrophe still negate ("dont like")', () => {
    expect(score('i dont like the new design')).toBeLessThan(-0.05);
  });
});

describe('contrast', () => {
  it('after "but" the second clause decides the label, and the explanation marks contrast', () => {
    expect(sentiment('The screen is nice but the battery life is terrible.').label).toBe('negative');
    expect(sentiment('The screen is awful but the battery life is excellent.').label).toBe('positive');
    expect(explained('The screen is nice but the battery life is terrible.', 'nice')?.rules).toContain('contrast');
  });

  it('an "although" clause weighs less than the main clause', () => {
    expect(sentiment('Although the room was small, the staff were wonderful.').label).toBe('positive');
  });

  it('a sentence opening with "But" outweighs the sentence before it', () => {
    expect(sentiment('The food was good. But the service was horrible and rude.').label).toBe('negative');
  });
});

describe('intensifiers, diminishers, capitals and exclamation marks', () => {
  it('"very"/"extremely" strengthen and are explained as intensified', () => {
    expect(score('extremely good')).toBeGreaterThan(score('good'));
    expect(explained('very good', 'good')?.rules).toContain('intensified');
  });

  it('"slightly"/"kind of" weaken', () => {
    expect(score('slightly disappointing')).toBeGreaterThan(score('disappointing'));
    expect(score('kind of disappointing')).toBeGreaterThan(score('disappointing'));
    expect(explained('slightly disappointing', 'disappointing')?.rules).toContain('diminished');
  });

  it('an ALL-CAPS word among lower-case ones counts more; a text written all in capitals does not', () => {
    expect(score('This is GREAT news')).toBeGreaterThan(score('This is great news'));
    expect(explained('This is GREAT news', 'GREAT')?.rules).toContain('caps');
    expect(explained('THIS IS GREAT NEWS', 'GREAT')?.rules ?? []).not.toContain('caps');
  });

  it('exclamation marks amplify, up to a limit', () => {
    expect(score('Great service!!!')).toBeGreaterThan(score('Great service.'));
    expect(score('Great service!!!!!!!!!!')).toBe(score('Great service!!!!'));
  });
});

describe('emoji and emoticons', () => {
  it('carry sentiment on their own', () => {
    expect(score('Delivery came today 😍')).toBeGreaterThan(0.05);
    expect(score('Delivery came today 😡')).toBeLessThan(-0.05);
    expect(score('ok then :(')).toBeLessThan(0);
    expect(explained('love it :)', ':)')?.rules).toContain('emoticon');
  });

  it('skin-tone and joiner sequences count once', () => {
    expect(sentiment('👍🏽').explain).toHaveLength(1);
  });
});

describe('review phrases', () => {
  it.each([
    ['Total waste of money.', 'negative'],
    ['It stopped working after two weeks.', 'negative'],
    ['Never again.', 'negative'],
    ['Five stars, highly recommend!', 'positive'],
    ['Worth every penny.', 'positive'],
    ['Works as advertised.', 'positive'],
    ['Broke after a month.', 'negative'],
    ['I asked for a refund.', 'negative'],
  ])('"%s" is %s', (text, label) => {
    expect(sentiment(text).label).toBe(label);
  });

  it('a phrase is explained as one item, not as its words', () => {
    const e = sentiment('Total waste of money.').explain;
    expect(e.some((x) => x.token.toLowerCase().includes('waste') && x.rules.includes('phrase'))).toBe(true);
  });

  it('written grades count: "1/10", "2 out of 10" are negative, "10/10" positive', () => {
    expect(score('Honestly 1/10.')).toBeLessThan(-0.3);
    expect(score('2 out of 10')).toBeLessThan(-0.3);
    expect(score('10/10 would buy again')).toBeGreaterThan(0.3);
  });
});

describe('sentences that fool plain lexicons', () => {
  it.each([
    ['I wanted to love it.', 'negative'],
    ['I really wanted to like this phone.', 'negative'],
    ['I could not be happier with it!', 'positive'],
    ["Couldn't be happier.", 'positive'],
    ['Not worth it.', 'negative'],
    ['I would not recommend this hotel.', 'negative'],
    ["I can't recommend them enough.", 'positive'],
    // Praise past its limit: the object may stand between the verb and "enough" / "any higher"; a shortage is no limit.
    ["I can't recommend the lamb chops enough.", 'positive'],
    ["I couldn't recommend their pizza any higher.", 'positive'],
    ["I would not recommend it, there wasn't enough food.", 'negative'],
    ['It could have been better.', 'negative'],
    // "so much as" stresses a lack; it does not carry the praise word out of the negation's reach.
    ['The manager took our order without so much as a smile.', 'negative'],
    // An expectation denied after the fact is surprise, the word after keeps its sense; "don't expect" is advice.
    ['Our family never expected such incredible entertainment in a restaurant.', 'positive'],
    ['I never expected it to be so bad.', 'negative'],
    ["Don't expect anything good.", 'negative'],
    // "would be better" wishes as "could be better" does; "would be better than" compares.
    ['This place would be so much better run by someone who understands service.', 'negative'],
    ['Frozen at home, the bagels would still be better than any other.', 'positive'],
    ['The seats are too small.', 'negative'],
    ['It looks like a toy.', 'neutral'],
    // Praise wished for under a condition is the measure of the letdown, or a recommendation where nothing is blamed.
    ['For the people who want great food plus great service, this is a place to AVOID!', 'negative'],
    ["I wouldn't have complained if the food at least tasted good, but the quality was crappy.", 'negative'],
    ["If you're looking for a great meal at a decent price, go to Del Frisco's!", 'positive'],
  ])('"%s" is %s', (text, label) => {
    expect(sentiment(text).label).toBe(label);
  });
});

describe('the compound score', () => {
  it('stays in -1..1 with labels at ±0.05, and every result matches the domain schema', () => {
    for (const t of ['awesome '.repeat(500), 'awful '.repeat(500), 'a table']) {
      const r = analyzer().analyze({ text: t });
      expect(Math.abs(r.sentiment.score)).toBeLessThanOrEqual(1);
      expect(() => Analysis.parse(r)).not.toThrow();
    }
    expect(sentiment('a table').label).toBe('neutral');
  });

  it('the explanation adds up to the direction of the score', () => {
    const s = sentiment('The staff were friendly but the room was dirty and the wifi never worked.');
    const sum = s.explain.reduce((a, e) => a + e.weight, 0);
    expect(Math.sign(sum)).toBe(Math.sign(s.score));
  });
});

describe('star ratings', () => {
  it('keep the text score and add a combined label', () => {
    const text = 'Delivery was slow.';
    const alone = analyzer().analyze({ text });
    const rated = analyzer().analyze({ text, rating: { value: 5, best: 5 } });
    expect(rated.sentiment.score).toBe(alone.sentiment.score);
    expect(rated.sentiment.label).toBe('negative');
    expect(rated.sentiment.combinedLabel).toBe('positive');
    expect(analyzer().analyze({ text: 'Great!', rating: { value: 1, best: 5 } }).sentiment.combinedLabel).toBe('negative');
    expect(alone.sentiment.combinedLabel).toBeUndefined();
  });

  it('an impossible rating is ignored rather than trusted', () => {
    expect(analyzer().analyze({ text: 'fine', rating: { value: 9, best: 5 } }).sentiment.combinedLabel).toBeUndefined();
  });

  it('the title is scored with the text', () => {
    expect(analyzer().analyze({ title: 'Do not buy', text: 'It arrived on Tuesday.' }).sentiment.label).toBe('negative');
  });
});

describe('praise that sends the reader to another place', () => {
  it.each([
    ["If you're in town, it's worth searching for another place.", 'negative'],
    ['Your money could easily be better spent elsewhere.', 'negative'],
    ['I would strongly suggest they go anywhere but.', 'negative'],
    ['The manager told me to take my business elsewhere!', 'negative'],
    // Denied or compared, it praises this place.
    ["You won't find better sushi elsewhere.", 'positive'],
    ['Creative and unique rolls not to be found anywhere else.', 'positive'],
    ['The sushi is better than anywhere else.', 'positive'],
    ['We ordered the fish instead, which was great.', 'positive'],
  ])('"%s" is %s', (text, label) => {
    expect(sentiment(text).label).toBe(label);
  });
});

describe('a grade given without its scale: "overall I give it a 10"', () => {
  it('a grade of 6-10 given to the thing praises, 0-2 blames, in words or digits', () => {
    for (const t of ['but overall i give it a 10', 'I give it a 9.', "I'd rate this place a 9 for the food", 'I would give it a ten']) {
      expect(sentiment(t).label, t).toBe('positive');
      expect(sentiment(t).explain.some((e) => e.rules.includes('rating')), t).toBe(true);
    }
    for (const t of ['We gave them a 2.', 'I would give it a zero if I could']) expect(sentiment(t).label, t).toBe('negative');
    // Out of ten, 9 praises less than 10.
    const w = (t: string) => sentiment(t).explain.find((e) => e.rules.includes('rating'))!.weight;
    expect(w('I give it a 9.')).toBeLessThan(w('I give it a 10.'));
  });

  it('a grade that means the opposite on five and ten points, a count and an offer to try say nothing', () => {
    for (const t of ['I give it a 4.', 'They gave us a 10 minute estimate', 'Give it a try.', 'I gave it a 10 percent tip']) {
      expect(sentiment(t).explain.some((e) => e.rules.includes('rating')), t).toBe(false);
    }
  });
});
