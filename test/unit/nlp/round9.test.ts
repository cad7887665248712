import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const post = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;

describe('a lack with nothing valenced after it', () => {
  it('"lacked", "lacks" blame the thing lacked ("lacked imagination", "lacked in depth")', () => {
    for (const text of ['Generally, it just lacked imagination.', 'The character developments lacked in depth.', 'This place lacked style!!']) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(explained(text, 'lacked')?.rules, text).toContain('bare negation');
    }
    expect(sentiment('The story lacks energy.').label).toBe('negative');
  });

  it('a lack denied is none ("not lacking in ambiance"), and praise lacked stays blame ("lacked charm")', () => {
    expect(sentiment('The place is certainly not lacking in ambiance.').label).toBe('positive');
    const charm = explained('The room lacked charm.', 'charm');
    expect(charm?.rules).toContain('negated');
    expect(explained('The room lacked charm.', 'lacked')).toBeUndefined();
  });
});

describe('"well" after a degree word: how a thing was done', () => {
  it('praises ("worked very well", "held up pretty well", "articulated quite well")', () => {
    for (const text of ['It worked very well.', 'It has kept up very well.', 'It stays on pretty well.', 'Every part is articulated quite well.',
      'The characters are fleshed out surprisingly well.']) {
      expect(sentiment(text).label, text).toBe('positive');
      expect(explained(text, 'well')?.rules, text).toContain('done well');
    }
    // The degree word boosts it.
    expect(explained('It worked very well.', 'well')?.rules).toContain('intensified');
  });

  it('the verb-and-"well" phrases in their other forms ("worked well", "holding up well")', () => {
    for (const text of ['It worked well.', 'The battery is holding up well.', 'It held up well.', 'It performs well.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('a deed denied takes its manner with it ("never worked very well", "did not work very well")', () => {
    for (const text of ['It never worked very well.', 'It did not work very well.']) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(explained(text, 'well'), text).toBeUndefined();
    }
  });

  it('is no praise as a likelihood, an addition, "almost" or "aware"', () => {
    for (const text of ['I liked the soup as well.', 'I was pretty well full after the appetizer.', 'It could very well be closed on Monday.',
      'I am very well aware of the hours.', 'Well, we went there on a Monday.']) {
      expect(explained(text, 'well'), text).toBeUndefined();
    }
    // A "well" phrase after the degree word is the phrase, boosted ("very well made").
    expect(explained('It is very well made.', 'well made')?.rules).toContain('intensified');
  });
});

describe('a one-word name where a place is named', () => {
  it('scores no praise word that names the place ("referred to Chance", "dinner at Prune")', () => {
    expect(explained('We were referred to Chance by a friend.', 'chance')).toBeUndefined();
    expect(sentiment('We were referred to Chance by a friend.').label).toBe('neutral');
  });

  it('keeps a capital of emphasis: after a verb, before an object or before a thing judged', () => {
    expect(sentiment('The food was Amazing.').label).toBe('positive');
    expect(explained('I came to Appreciate their patience.', 'appreciate')).toBeDefined();
    expect(explained('Thank you to Great staff.', 'great')).toBeDefined();
  });
});

describe('happy hour', () => {
  it('is a time of day in a review, neither a mood nor a wait', () => {
    const a = sentiment('We went during happy hour.');
    expect(a.label).toBe('neutral');
    expect(a.explain).toEqual([]);
  });
});

describe('posts: an offer taken gladly, a move praised', () => {
  it('"yes please" praises in a post to a brand, where "yes" and "please" alone are requests', () => {
    for (const text of ['@SouthwestAir yes please', '@SouthwestAir YES please.... how do we get that pass?', '@united well played, ^LO.']) {
      expect(post(text).label, text).toBe('positive');
    }
    // With its comma it is the request.
    expect(post('@JetBlue yes, please get me the seats we paid for.').explain.find((e) => /yes/i.test(e.token))).toBeUndefined();
  });
});

describe('praise AFINN lacks (from VADER, picked by hand)', () => {
  it('scores plain praise words: talented, neat, convincing, blessed, amusing, respectful', () => {
    for (const text of ['She is so talented.', 'It is a neat gadget.', 'Anne Heche was utterly convincing.', 'Feeling blessed today.',
      'Both are quite amusing.', 'The staff were respectful.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('leaves out the senses that are no praise: "-wise", loyalty currency, time lost', () => {
    expect(explained('The worst headphones I have had sound-wise.', 'wise')).toBeUndefined();
    expect(sentiment('I made a wise decision.').label).toBe('positive');
    expect(sentiment('They gave me 10,000 bonus miles.').label).toBe('neutral');
    expect(sentiment('Valuable time has been lost.').label).not.toBe('positive');
  });
});

describe('a quality named by its suffix is what a judgement next to it measures', () => {
  it('"poor voice clarity", "Poor Reliability" blame; "great clarity", "the comfort is excellent" praise once', () => {
    for (const text of ['poor voice clarity.', 'Poor Reliability.']) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(explained(text, text.startsWith('poor') ? 'clarity' : 'reliability')?.rules, text).toContain('measured');
    }
    expect(explained('Great clarity.', 'clarity')?.weight).toBe(0);
    expect(explained('The comfort is excellent.', 'comfort')?.weight).toBe(0);
    expect(sentiment('The comfort is excellent.').label).toBe('positive');
  });

  it('alone, or with an opinion elsewhere in its clause, the quality keeps its praise', () => {
    expect(sentiment('Such clarity!').label).toBe('positive');
    expect(explained('It handles some tough issues with dignity and grace.', 'dignity')?.weight).toBeGreaterThan(0);
  });
});

describe('ease and speed of damage or wear', () => {
  it('blame how readily the thing fails ("breaks easily", "runs down quickly", "falls out easily")', () => {
    for (const [text, token] of [['It breaks easily.', 'easily'], ['The plastic breaks really easy on this clip.', 'easy'],
      ['The battery runs down quickly.', 'quickly'], ['Phone falls out easily.', 'easily'], ['The battery drains fast.', 'fast'],
      ['The ear pads come off easily.', 'easily']] as const) {
      expect(explained(text, token)?.rules, text).toContain('damage');
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('are praise of anything else ("sets up easily", "came out quickly", "easy to use")', () => {
    for (const text of ['It sets up easily.', 'It is easy to use.', 'The food came out quickly.', 'It came in quickly.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });
});

describe('product complaints in plain words', () => {
  it('overheating, money thrown away, fakes, a thing not worked out, a short life', () => {
    for (const text of ['The phone gets EXTREMELY HOT!', 'The charger got hot.', '$50 down the drain.', 'The item received was Counterfeit.',
      "It's a cheap knockoff.", "Couldn't figure it out.", "I can't figure out how to use it.", 'Battery lasts only a few hours.',
      'The battery only lasts 2 hours.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    // Heat is praise of a dish served, blame of a device.
    expect(sentiment('The soup was hot.').label).toBe('positive');
  });
});

describe('a diner\'s complaints in plain words', () => {
  it('reads each as blame', () => {
    for (const text of ['I waited and waited.', 'Spend your money elsewhere.', 'It was barely edible.', 'The chips were mostly not edible.',
      'I got food poisoning here.', 'I was mortified.', 'I consider this theft.', 'Not my thing.', 'It was way over fried.',
      'The potatoes were like rubber.', 'The driest chicken I have ever eaten.', "The math doesn't add up.", 'They are beyond redemption.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('praise given as the most that can be said is none ("fair at best")', () => {
    for (const text of ['The service here is fair at best.', 'The food was decent at best.']) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(sentiment(text).explain[0]?.rules, text).toContain('limited');
    }
  });

  it('a creature or a hair found in the food ("A FLY was in my apple juice")', () => {
    for (const text of ['A FLY was in my apple juice.', 'She found a live green caterpillar in her salad.', 'There was hair in my soup.',
      'I found a hair on the plate.']) {
      expect(sentiment(text).explain.some((e) => e.rules.includes('foreign object')), text).toBe(true);
      expect(sentiment(text).label, text).toBe('negative');
    }
    // A trip, one's own hair, a roll named after a creature.
    for (const text of ['We fly in the morning.', 'I have long hair in my eyes.', 'Highly recommended are the Spider Rolls.']) {
      expect(sentiment(text).explain.some((e) => e.rules.includes('foreign object')), text).toBe(false);
    }
  });
});

describe('a film\'s faults and wit', () => {
  it('reads the words AFINN lacks', () => {
    for (const text of ['Highly unrecommended.', 'His voice-overs were monotonous.', 'A chilly, unremarkable movie.', 'Lousy, amateurish films.',
      "The witticisms weren't witty.", 'Lots of holes in the script.', "Glad I didn't pay to see it."]) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('A witty adaptation.').label).toBe('positive');
    // Forgettable, denied, is praise; relief at not missing it too.
    expect(sentiment('A film not easily forgotten.').label).toBe('positive');
    expect(sentiment("I'm glad I didn't miss it.").label).toBe('positive');
  });
});

describe('everyday adjectives AFINN lacks', () => {
  it('reads them, and leaves the words of a kind to their aspects', () => {
    for (const text of ['The room was shabby.', 'A rickety table.', 'Skimpy portions.', 'The dialogue was corny.', 'The kitchen looked unsanitary.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    for (const text of ['A sleek phone.', 'An unforgettable night.', 'Our server was personable.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
    expect(sentiment('The room was dark.').label).toBe('neutral');
  });
});

describe('verbs and nouns of a visit or a purchase AFINN lacks', () => {
  it('praise and appetite, and what went wrong', () => {
    for (const text of ['I rave about it to everyone.', 'We devoured it.', 'The standout dish was the duck.', 'We got upgraded.', 'Yum!']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
    for (const text of ['I was scammed.', 'It arrived dented.', 'There was mold in the shower.', 'What an ordeal.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    // A dish named with "yum" is no praise.
    expect(sentiment('We ordered tom yum soup.').label).toBe('neutral');
  });
});

describe('interjections and everyday words of posts', () => {
  it('frustration, relief, delight, insult, and the American "canceled"', () => {
    for (const text of ['argh', 'This is a complete shambles!', 'What clowns.', 'My flight was canceled.', 'Bags mishandled again.']) {
      expect(post(text).label, text).toBe('negative');
    }
    for (const text of ['So stoked for this trip!', 'Phew, made it.', 'Thanks for making the process so painless']) {
      expect(post(text).label, text).toBe('positive');
    }
    // An airport code in capitals is no growl.
    expect(post('Flying from ADD to GRR on 2/28.').label).toBe('neutral');
  });
});

describe('a word joined to "-free" is what the thing is without', () => {
  it('without a trouble is praise, without a virtue blame', () => {
    for (const text of ['The process was hassle-free.', 'A stress-free trip.', 'Worry-free.', 'a trouble-free install']) {
      expect(sentiment(text).label, text).toBe('positive');
      expect(sentiment(text).explain[0]?.rules, text).toContain('free of');
    }
    expect(sentiment('The lead man is charisma-free.').label).toBe('negative');
    expect(sentiment('It was not hassle-free.').label).toBe('negative');
  });

  it('after a word of neither kind nothing is scored; "free" apart is still no charge', () => {
    expect(sentiment('Gluten-free options.').label).toBe('neutral');
    expect(sentiment('hands-free calling').label).toBe('neutral');
    expect(sentiment('The drinks were free.').label).toBe('positive');
  });
});

describe('surprise at how something is', () => {
  it('takes the polarity of what surprised', () => {
    expect(sentiment('All my co-workers were amazed at how small the dish was.').label).toBe('negative');
    expect(explained('Shocked how rude they were.', 'shocked')?.rules).toContain('surprise at');
    expect(sentiment('I was surprised by how good it was.').label).toBe('positive');
    // Alone it keeps its own.
    expect(sentiment('I was amazed.').label).toBe('positive');
  });

  it('food served uncooked is blame', () => {
    expect(sentiment('My turkey burger was not cooked at all.').label).toBe('negative');
  });
});

describe('how staff behave and how a place or a dish strikes a guest', () => {
  it('reads the words AFINN lacks', () => {
    for (const text of ['The waitress had an attitude.', 'He was curt with us.', 'The manager yelled at us.', 'The food was underseasoned.',
      'A sketchy, grungy bar.', 'Tacky decor.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    for (const text of ['The manager was apologetic.', 'Addictive fries.', 'A decadent dessert.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
    // An attitude judged is what is judged.
    expect(sentiment('The staff had a great attitude.').label).toBe('positive');
  });
});

describe('posts: slang as a predicate, an apology, a wait without its apostrophe', () => {
  it('"that movie was lit" praises in a post, and nowhere else; "cant wait" looks forward; "my bad" is no blame', () => {
    expect(post('that movie was lit').label).toBe('positive');
    expect(post('a lit candle').label).toBe('neutral');
    expect(sentiment('The room was lit.').label).toBe('neutral');
    expect(post('cant wait to see you guys').label).toBe('positive');
    expect(post('my bad').label).toBe('neutral');
  });
});

describe("a device's build, sound and picture", () => {
  it('reads the words AFINN lacks', () => {
    for (const text of ['Muffled, tinny sound.', 'The case is bulky.', 'The hinge is brittle.', 'The picture is grainy.', 'The door squeaks.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    for (const text of ['Clear crisp sound.', 'Vivid colors.', 'A rugged case.', 'Setup was straightforward.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });
});

describe('a post whose @handle is the subject of its first verb', () => {
  it('states, though a question follows later in the sentence', () => {
    for (const text of ['@USAirways has failed me all day long, should I blame it on @AmericanAir ?',
      "@USAirways have been on hold for 58 minutes - need help - why won't you help?"]) {
      expect(post(text).label, text).toBe('negative');
      expect(post(text).explain.some((e) => e.rules.includes('question')), text).toBe(false);
    }
  });

  it('asks where a subject follows the verb, or the verb is no "has" or "was"', () => {
    for (const text of ['@united was my flight cancelled?', '@JetBlue is flt 1202 delayed?', '@united Has the problem been fixed?']) {
      expect(post(text).label, text).toBe('neutral');
    }
  });
});

describe('"well" closing its clause after a participle', () => {
  it('is how the thing was done ("the fish was cooked well", "was done well", "seasoned well")', () => {
    for (const text of ['Food was OK - fish was cooked well.', 'I believe that Pitch Black was done well.', 'The fries were seasoned well.']) {
      expect(sentiment(text).label, text).toBe('positive');
      expect(explained(text, 'well')?.rules, text).toContain('done well');
    }
    expect(sentiment('It was not cooked well.').label).toBe('negative');
  });

  it('not where the clause goes on, nor after other words ("mixed well with rice", "as well")', () => {
    expect(explained('The rice mixed well with the curry.', 'well')).toBeUndefined();
    expect(explained('I had the soup as well.', 'well')).toBeUndefined();
  });
});
