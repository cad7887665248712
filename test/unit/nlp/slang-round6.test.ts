import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const social = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;
const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);
const rulesOf = (text: string, token: string) => explained(text, token)?.rules ?? [];

describe('words of harm as slang degree words ("crazy good", "stupid expensive")', () => {
  it('before a word of praise they boost it and lose their own blame', () => {
    for (const text of ['This pizza is stupid good.', 'Crazy good tacos.', 'wicked good chowder', 'the staff is crazy nice', 'sinfully rich chocolate cake']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
    expect(rulesOf('Crazy good tacos.', 'good')).toContain('intensified');
    expect(explained('Crazy good tacos.', 'crazy')).toBeUndefined();
    expect(theme('The tacos were crazy good.', 'food')?.label).toBe('positive');
    // "mad love", "mad respect": praise in social posts.
    expect(social('mad love for this crew').label).toBe('positive');
  });

  it('before a word of blame they boost the blame ("stupid expensive", "mad slow")', () => {
    const dear = explained('The food was crazy expensive.', 'expensive');
    const plain = explained('The food was expensive.', 'expensive');
    expect(dear?.rules).toContain('intensified');
    expect(Math.abs(dear!.weight)).toBeGreaterThan(Math.abs(plain!.weight));
    expect(sentiment('mad slow service').label).toBe('negative');
  });

  it('alone, or before a word without sentiment, they keep their own sense', () => {
    expect(sentiment('The place was crazy.').label).toBe('negative');
    expect(sentiment('He was mad that we left.').label).toBe('negative');
    expect(explained('What a stupid waiter.', 'stupid')?.weight).toBeLessThan(0);
    // Negated, the boosted praise is denied as a whole.
    expect(sentiment('Not crazy good, just ok.').label).toBe('negative');
  });
});

describe('words of harm as slang predicates ("this place is fire", "the wings were bomb")', () => {
  it('after a copula or a slang degree word, closing the clause, they praise', () => {
    for (const text of ['This place is fire.', 'The wings were bomb!', "it's fire tho", 'straight fire 🔥', 'this is so fire', 'Their tacos are bomb af']) {
      expect(sentiment(text).label, text).toBe('positive');
      expect(social(text).label, `${text} (social)`).toBe('positive');
    }
    expect(rulesOf('This place is fire.', 'fire')).toContain('slang praise');
    expect(theme('The wings were bomb!', 'food')?.label).toBe('positive');
  });

  it('in their own sense they keep their blame: "on fire", "a bomb", a verb, a noun before another word', () => {
    for (const text of ['The kitchen was on fire.', 'They should fire the manager.', 'It was a bomb at the box office.', 'The fire alarm went off.', 'The building is fire damaged.']) {
      expect(rulesOf(text, 'fire').concat(rulesOf(text, 'bomb')), text).not.toContain('slang praise');
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('"killer" before a noun is still read as before ("Killer sushi!", "the real killer is the volume")', () => {
    expect(sentiment('Killer sushi!').label).toBe('positive');
    expect(sentiment('the real killer is the volume').label).toBe('negative');
  });
});

describe('current slang', () => {
  it('"goated", "slaps" praise and "yikes" blames, in reviews and posts', () => {
    for (const [text, label] of [['goated service', 'positive'], ['this slaps', 'positive'], ['big yikes', 'negative']] as const) {
      expect(sentiment(text).label, text).toBe(label);
      expect(social(text).label, `${text} (social)`).toBe(label);
    }
    expect(analyzer().analyze({ text: 'goated service' }).themes.find((t) => t.theme === 'service')?.label).toBe('positive');
  });

  it('"no cap" ("no lie") denies nothing, neither what follows nor as a bare "no"', () => {
    expect(rulesOf('no cap the best burger in town', 'the best')).not.toContain('negated');
    expect(social('no cap the best burger in town').label).toBe('positive');
    expect(social('No cap, this place is the best.').explain.find((e) => e.token.toLowerCase() === 'no')).toBeUndefined();
    // Other "no"s keep both readings: a negation, and a bare "no" that blames.
    expect(rulesOf('no good options', 'good')).toContain('negated');
    expect(social('No. Just no.').label).toBe('negative');
    // "no wonder" was a negation breaker already; now its "no" is no bare negation either.
    expect(social('No wonder it was empty.').explain.find((e) => e.token.toLowerCase() === 'no')).toBeUndefined();
  });
});

describe('"mid": mediocre as a predicate, a prefix elsewhere', () => {
  it('as a predicate closing its clause it blames ("the food was mid", "kinda mid")', () => {
    expect(sentiment('The food was mid.').label).toBe('negative');
    expect(analyzer().analyze({ text: 'The food was mid.' }).themes.find((t) => t.theme === 'food')?.label).toBe('negative');
    expect(social('the burger is kinda mid').label).toBe('negative');
    expect(explained("The fries weren't bad, the burger was mid.", 'mid')?.weight).toBeLessThan(0);
  });

  it('elsewhere it scores nothing ("mid-December", "mid range", "the mid 90s")', () => {
    for (const text of ['We went in mid-December.', 'Prices are mid range.', 'in the mid 90s', 'the mid section of the plane']) {
      expect(explained(text, 'mid'), text).toBeUndefined();
      expect(sentiment(text).label, text).toBe('neutral');
    }
  });
});

describe('slang verbs of praise ("you guys rock!", "this laptop rocks")', () => {
  it('after a subject, closing the clause or before an object, they praise', () => {
    for (const text of ['This game rocks.', 'Shannon ROCKS - even though the line was long', 'Michele rocked the customer service', 'This laptop rocks (only wish it were lighter)']) {
      expect(sentiment(text).label, text).toBe('positive');
      expect(social(text).label, `${text} (social)`).toBe('positive');
    }
    expect(social('@airline you guys rock!').label).toBe('positive');
    expect(analyzer().analyze({ text: 'Michele rocked the customer service' }).themes.find((t) => t.theme === 'service')?.label).toBe('positive');
  });

  it('as a noun they score nothing ("on the rocks", "flying rocks", "rock shrimp", "Little Rock")', () => {
    for (const text of ['A scotch on the rocks, please.', 'Look out for flying rocks this time!', "It's just a rock.", 'The rock shrimp tempura arrived.', 'We landed in Little Rock at 10am.', 'Rocks in my rice.', 'Rock music all night.']) {
      expect(sentiment(text).explain.some((e) => /^rock/i.test(e.token)), text).toBe(false);
    }
  });

  it('"shout out to" and "shoutout" thank someone', () => {
    expect(social('Shout out to the pilots and crew').label).toBe('positive');
    expect(social('shoutout to the agent on duty').label).toBe('positive');
    // Not any shouting: "the cooks shout out orders" is no praise.
    expect(sentiment('The cooks shout out orders all night.').label).not.toBe('positive');
  });
});

describe('"is the shit": slang praise after a copula', () => {
  it('praises after a copula, blames elsewhere', () => {
    expect(social('this place is the shit!').label).toBe('positive');
    expect(social('this is shit').label).toBe('negative');
    expect(social('the shit food was cold').label).toBe('negative');
  });
});

describe('"give a damn": to care, said crudely', () => {
  it('negated it blames, plain it praises (the swear word alone would read the other way round)', () => {
    for (const text of ["they don't give a damn", 'nobody gave a crap about us', "doesn't give a shit about customers"]) {
      expect(social(text).label, text).toBe('negative');
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('they actually give a damn about customers').label).toBe('positive');
  });
});

describe('stance adverbs: how a thing is said, not what is thought of it', () => {
  it('"honestly", "sincerely" carry no valence of their own; "honest" does', () => {
    expect(explained('Honestly, the worst meal.', 'honestly')).toBeUndefined();
    expect(sentiment('Honestly, the worst meal.').label).toBe('negative');
    expect(sentiment('Sincerely, Jane').label).toBe('neutral');
    expect(sentiment('honest prices').label).toBe('positive');
    // After one, slang keeps its place: "honestly mid" blames.
    expect(social('honestly mid').label).toBe('negative');
    expect(social('the food was mid tbh').label).toBe('negative');
  });
});
