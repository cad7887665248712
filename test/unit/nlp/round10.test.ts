import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const post = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;

describe('help and care refused', () => {
  it('in a post to a brand, where "help" and "care" alone are requests, refusing them is a complaint', () => {
    for (const text of ["@AmericanAir ...2/2 doesn't help me.", '@united customer service will not help.', '@JetBlue doesnt help if I have to fly on specific days',
      '@AmericanAir this company does not care about their customers.', "@united they didn't care either."]) {
      expect(post(text).label, text).toBe('negative');
    }
    // The request itself stays neutral.
    expect(post('@united please help, my bag is at the wrong airport').score).toBeLessThanOrEqual(0);
    expect(post('@united can you help me rebook?').score).toBe(0);
  });

  it('in reviews too ("the warm beer didn\'t help", "the menu was no help")', () => {
    expect(explained("The warm beer didn't help.", 'did not help')?.weight ?? explained("The warm beer didn't help.", "didn't help")?.weight).toBeLessThan(0);
    expect(sentiment('The menu was no help.').label).toBe('negative');
  });

  it('"couldn\'t help" before a gerund or "but" is no refusal', () => {
    expect(sentiment("I couldn't help laughing at the ending.").score).toBeGreaterThanOrEqual(0);
    expect(sentiment("I couldn't help but smile.").label).toBe('positive');
    expect(explained("I can't help loving this place.", 'loving')?.rules).not.toContain('negated');
  });
});

describe('camel-case hashtags read as the words their capitals mark', () => {
  it('an opinion in the middle of the hashtag counts ("#UnitedHatesUsAll"), alone in a post too', () => {
    for (const text of ['@united #UnitedHatesUsAll', '@united not available yesterday. #UnitedHatesUsAll']) {
      expect(post(text).label, text).toBe('negative');
    }
    const it = analyzer().analyze({ text: '@united #UnitedHatesUsAll', profile: 'social' }).sentiment.explain[0];
    expect(it?.token).toBe('UnitedHatesUsAll');
    expect(it?.rules).toContain('hashtag');
  });

  it('the lexicon\'s phrases and a negating first word ("#OneHourOnHold", "#SlapInTheFace", "#NoFunAtAll")', () => {
    for (const text of ['@united #OneHourOnHold', '@united #SlapInTheFace', '@united #NoFunAtAll', '@united #YoureDoingItWrong']) {
      expect(post(text).label, text).toBe('negative');
    }
    expect(post('#ThankYouForEverything').label).toBe('positive');
  });

  it('names and plain words in camel case score nothing ("#LaGuardia", "#BlackHistoryMonth", "#MeetTheFleet")', () => {
    for (const text of ['#LaGuardia #Chicago', '#BlackHistoryMonth', '#MeetTheFleet #Oscars']) expect(post(text).score, text).toBe(0);
  });

  it('a capitalised word after a "#" in running text is the hashtag only, not the words around it', () => {
    // The camel reading does not reach back: "not" before the hashtag negates nothing in it.
    expect(post('not so sure about that #NoFunAtAll').score).toBeLessThan(0);
  });
});

describe('explicit sarcasm markers: "#sarcasm", "#not", "(not)", "/s"', () => {
  it('turn the post\'s praise into blame, explained as "sarcasm" by the marker', () => {
    const cases: Array<[string, string, string]> = [
      ['@SouthwestAir Getting screwed is the best when on vacation #sarcasm', 'the best', '#sarcasm'],
      ["@JetBlue well I'm glad I got up at 5 am so I can sit in an airport. No place else I'd rather be (not)", 'glad', '(not)'],
      ['Best update ever /s', 'Best', '/s'],
      ['@united Great service #not', 'Great', '#not'],
    ];
    for (const [text, token, marker] of cases) {
      expect(post(text).label, text).toBe('negative');
      const it = post(text).explain.find((e) => e.token === token);
      expect(it?.weight, text).toBeLessThan(0);
      expect(it?.steps?.find((s) => s.rule === 'sarcasm')?.by, text).toBe(marker);
    }
    // Blame is not turned round.
    expect(post('Getting screwed is the best #sarcasm').explain.find((e) => e.token === 'screwed')?.weight).toBeLessThan(0);
  });

  it('look-alikes are no marker ("(not sponsored)", "#notjustsaying", "a/s", "s/he")', () => {
    for (const text of ['I love this place (not sponsored).', '@united great crew #notjustsaying', 'Great a/s', 'Loved it s/he said'])
      expect(sentiment(text).label, text).toBe('positive');
  });
});

describe('verb forms AFINN lacks', () => {
  it('"inconvenienced", "robbed", "disheartening" blame; "fulfilling" praises', () => {
    for (const text of ['We were inconvenienced for hours.', 'I feel robbed.', 'A disheartening experience.']) expect(sentiment(text).label, text).toBe('negative');
    expect(sentiment('A fulfilling meal.').label).toBe('positive');
  });

  it('no "-ed"/"-ing" is read where it is no form of the lexicon word ("paying", "topping", "pureed" are not "pay", "top", "pure")', () => {
    for (const [text, word] of [['We were paying at the counter.', 'paying'], ['Extra topping on the pizza.', 'topping'], ['Pureed squash.', 'Pureed']] as const) {
      expect(explained(text, word), text).toBeUndefined();
    }
  });
});

describe('a short praise sentence right after a complaint', () => {
  it('mocks ("… no gate agent or plane at B18? Nice customer service.", "… nice touch.")', () => {
    const text = "@USAirways what's up with flight 5545 no gate agent or plane at PHX B18? Nice customer service.";
    expect(post(text).label).toBe('negative');
    expect(post(text).explain.find((e) => e.token === 'Nice')?.rules).toContain('irony');
    expect(sentiment('The soup was cold and the waiter was rude. Nice touch.').label).toBe('negative');
  });

  it('is sincere with "though", "otherwise", after praise, or when the sentence says more', () => {
    expect(sentiment('The flight was delayed two hours. Great crew though.').explain.find((e) => e.token === 'Great')?.rules).not.toContain('irony');
    expect(sentiment('The food was delicious. Nice service.').label).toBe('positive');
    expect(sentiment('The wait was long. Nice staff who kept us informed and comfortable.').explain.find((e) => e.token === 'Nice')?.rules)
      .not.toContain('irony');
  });
});

describe('a span hedged before its article ("took about an hour")', () => {
  it('is time lost as "took an hour" is, and an estimate or a short span stays none', () => {
    for (const text of ['@united It took about an hour.', '@united for close to an hour', '@united It took about an hour and a half though']) {
      expect(post(text).label, text).toBe('negative');
      expect(post(text).explain[0]?.rules, text).toContain('wasted time');
    }
    for (const text of ['It will take about an hour to get there.', 'We waited only about an hour.']) expect(sentiment(text).score, text).toBe(0);
  });
});

describe('an expected quality asked after ("where\'s the seasoning?")', () => {
  it('is a complaint, at the start of a clause too', () => {
    for (const text of ["Really though, where's the seasoning?", 'Where is the service?', "Where's your manners?"]) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(sentiment(text).explain[0]?.rules, text).toContain('missing');
    }
  });

  it('asking the way stays a question ("Where is the gate?", "Where\'s the bathroom?"), and so does "where" inside a sentence', () => {
    for (const text of ['Where is the gate?', "Where's the bathroom?", 'I asked where the service desk was.']) expect(sentiment(text).score, text).toBe(0);
  });
});

describe('a standard that changed', () => {
  it('quality that dropped is a complaint, and the quality word is what is measured ("have seen the quality decrease")', () => {
    for (const text of ['I have seen the quality decrease considerably.', 'The quality has gone down.', 'Quality dropped a lot.', 'The service has declined.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(explained('Quality dropped a lot.', 'Quality')?.rules).toContain('measured');
  });

  it('prices that dropped, quality praised, and "down to earth" are not', () => {
    expect(sentiment('Prices have decreased.').label).not.toBe('negative');
    expect(sentiment('The quality is great.').label).toBe('positive');
    expect(sentiment('The staff were down to earth.').label).toBe('positive');
    expect(sentiment('We sat down and the food came.').score).toBe(0);
  });
});

describe('praise in the past that is no more', () => {
  it('"used to be great", "used to love this place" tell a decline: the praise counts as denied', () => {
    for (const text of ['It used to be great.', 'Used to love this place.', 'This place used to be my favorite.']) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(sentiment(text).explain.find((e) => e.weight < 0)?.steps?.some((s) => s.rule === 'negated' && s.by === 'used to'), text).toBe(true);
    }
  });

  it('"used to" as "accustomed to" keeps its praise but "better" ("used to better service"); praise far from it stays', () => {
    expect(sentiment("We're used to better service.").label).toBe('negative');
    expect(explained('I got used to the great view.', 'great')?.rules ?? []).not.toContain('negated');
    expect(sentiment('We used to come here weekly and the food is still great.').label).toBe('positive');
  });
});
