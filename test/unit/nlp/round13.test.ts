import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const post = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;
const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

/** Each text is read with `label` (the failing text is named). */
function expectLabels(read: (text: string) => { label: string }, texts: string[], label: string): void {
  for (const text of texts) expect(read(text).label, text).toBe(label);
}

describe('"yet to": a thing still to come is a thing not done', () => {
  it('denies what follows, as "never" does, and names the pair in the explanation', () => {
    expect(sentiment('I have yet to be disappointed.').label).toBe('positive');
    expect(explained('I have yet to be disappointed.', 'disappointed')?.steps).toEqual([
      { rule: 'negated', by: 'yet to', weight: 1.25 },
    ]);
    expect(sentiment('Their popularity has yet to slow down.').label).toBe('positive');
    expect(post('They have yet to refund me.').label).toBe('negative');
  });

  it('with a comparative it makes a superlative, as "never found a better" does', () => {
    const better = explained('I have yet to find a better pizza in town.', 'better');
    expect(better?.rules).toContain('intensified');
    expect(better!.weight).toBeGreaterThan(better!.base!);
  });

  it('"yet" alone, or before anything but "to", denies nothing', () => {
    expect(sentiment('Yet another great meal.').label).toBe('positive');
    expect(sentiment('Cheap yet good.').label).toBe('positive');
    expect(explained('It was far better than expected.', 'better')?.weight).toBeGreaterThan(2);
    expect(sentiment('Far from perfect.').label).toBe('negative');
  });
});

describe('a pronoun after a contrast takes up the theme before it', () => {
  it('"we could only sit in the garden, but it was lovely": the garden is lovely, not the letdown', () => {
    expect(theme('We could only sit in the back garden, but it was lovely.', 'ambience')?.label).toBe('positive');
  });

  it('without the pronoun the contrast still turns the opinion round for a theme with none of its own', () => {
    expect(theme('We sat in the back garden, but we were lucky to get a table.', 'ambience')?.label).toBe('negative');
    expect(theme('The room is small, but we were lucky to get a table.', 'ambience')?.label).toBe('negative');
  });
});

describe('emoji and emoticons the tables left out', () => {
  it('sad, sick and exasperated faces blame; happy and celebrating ones praise', () => {
    for (const e of ['🙁', '😢', '😥', '😟', '🤦', '🤢', '🤮', '❌', ';_;', '-.-', '>_<']) {
      expect(post(`flight 1234 ${e}`).label, e).toBe('negative');
    }
    for (const e of ['🙂', '🤣', '🥰', '🥳', '🤩', '🤗', '^.^', '^-^']) {
      expect(post(`flight 1234 ${e}`).label, e).toBe('positive');
    }
  });

  it('a skin tone or gender sign after a face is the same face', () => {
    expect(post('flight 1234 🤦🏽‍♀️').label).toBe('negative');
  });
});

describe('adjectives of judgement AFINN, VADER and our review words all lacked', () => {
  it('a story, a waiter, a room judged', () => {
    expectLabels(sentiment, ['The plot was contrived and laughable.', 'A hackneyed, tiresome script.', 'Our waiter was surly and brusque.',
      'Despicable treatment of a paying customer.', 'The decor is garish and the place is shambolic.', 'Characters are one dimensional.',
      'A half baked sequel.'], 'negative');
    expectLabels(sentiment, ['An endearing, ingenious little film.', 'An idyllic setting and sumptuous food.', 'The hosts were amiable and cordial.'], 'positive');
  });

  it('negated as any other word, and "needless to say" judges nothing', () => {
    expect(sentiment('The ending was not believable.').label).toBe('negative');
    expect(sentiment('Needless to say, we will be back.').label).toBe('positive');
  });
});

describe('nouns, verbs and editorial words of the same judgements', () => {
  it('read in every form the base has', () => {
    expectLabels(sentiment, ['The building is an eyesore.', 'The manager berated us in front of everyone.', 'A dissatisfying ending.',
      'The rollout was botched and the claims are baseless.', 'A spineless, disingenuous response from the council.',
      'A torturous two hours.'], 'negative');
    expectLabels(sentiment, ['A principled, farsighted decision.', 'A virtuoso performance.', 'Valuable advice from the staff.'], 'positive');
  });
});

describe('help withheld', () => {
  it('"she couldn\'t help me", "nobody helped": a service not given', () => {
    expectLabels(post, ["@AirCo the agent couldn't help so she transferred me", 'Nobody helped.', "@AirCo they wouldn't help me"], 'negative');
    expect(sentiment('The staff couldn\'t help us.').label).toBe('negative');
  });

  it('"couldn\'t help laughing", "can\'t help but smile", "I couldn\'t help it" are no complaints', () => {
    for (const text of ["I couldn't help laughing", "I can't help but smile", "I couldn't help it, I love this airline"]) {
      expect(post(text).label, text).not.toBe('negative');
    }
  });
});

describe('current slang of posts', () => {
  it('praise and blame', () => {
    expectLabels(post, ['the food is bussin', 'big W for the crew today', 'yaaas', 'this playlist hits different'], 'positive');
    expectLabels(post, ['super bummed about this', 'huge L for the airline', 'took the L on that connection', 'still salty about that delay', 'that policy is wack'], 'negative');
  });

  it('a film made by rote or lost on the way; one that lands', () => {
    expectLabels(sentiment, ['It misses the mark.', 'The plot runs out of steam and goes nowhere.', 'Paint by numbers filmmaking.',
      'It is hard to care about these characters.', 'It should have gone straight to video.'], 'negative');
    expect(sentiment('The score hits all the right notes.').label).toBe('positive');
  });
});

describe('"free" of a trouble written apart, and cars and their dealers', () => {
  it('"hassle free", "stress free", "worry free" read as their hyphenated forms', () => {
    for (const text of ['Hassle free booking.', 'A stress free stay.', 'Worry free returns.', 'Guilt free dessert.']) {
      expect(sentiment(text).label, text).toBe('positive');
      expect(explained(text, 'free')?.weight, text).toBe(0);
    }
  });

  it('written apart after any other word, "free" is no compound ("terrible free wifi", "stress, free drinks")', () => {
    expect(sentiment('Terrible free wifi.').label).toBe('negative');
    expect(explained('Terrible free wifi.', 'terrible')?.weight).toBeLessThan(0);
  });

  it('a lemon, a rust bucket, a warning lamp; an engine that purrs, a price not haggled over', () => {
    expectLabels(sentiment, ['A total gas guzzler.', 'A rust bucket.', 'The check engine light came on again.', 'They lowballed my trade in.'], 'negative');
    expectLabels(sentiment, ['The engine purrs.', 'No haggle, hassle free.'], 'positive');
  });
});

describe('a trip otherwise than booked, a fee let go', () => {
  it('downgraded, a bumpy flight, a replacement bus, a longer route; a fee waived, and its refusal', () => {
    expectLabels(post, ['Downgraded to economy again.', 'A bumpy flight.', 'Replacement bus service again.', 'Driver took a longer route.',
      "They wouldn't waive the fee."], 'negative');
    expect(post('They waived the change fee.').label).toBe('positive');
  });
});

describe('"very little", "how little": next to none', () => {
  it('denies what follows; "a little" is some', () => {
    expect(sentiment('The movie has very little comedy.').label).toBe('negative');
    expect(explained('The movie has very little comedy.', 'comedy')?.steps?.[0]).toMatchObject({ rule: 'negated', by: 'little' });
    expect(sentiment('It was surprising how little chemistry there was between the leads.').label).toBe('negative');
    expect(sentiment('Very little noise at night.').label).toBe('positive');
    expect(sentiment('A little charm goes a long way.').label).toBe('positive');
    expect(sentiment('Great chemistry between the leads.').label).toBe('positive');
  });

  it('a film that looks cheap or puts you to sleep', () => {
    expectLabels(sentiment, ['The film has an ultra-cheap look to it.', 'If you do go see this movie, bring a pillow.'], 'negative');
  });
});

describe('not hearing the other side', () => {
  it('a call, a table\'s talk, a film\'s lines', () => {
    expectLabels(sentiment, ['People couldnt hear me talk.', "We couldn't hear each other over the music.", 'Hard to hear the other person.',
      'I can barely hear anything on it.', 'This software cannot compete with newer designs.'], 'negative');
  });

  it('not the noise one is glad to miss', () => {
    expect(sentiment("You can't hear the traffic at all.").label).not.toBe('negative');
  });
});

describe('an expectation stated as a standard', () => {
  it('"I would expect a little bit more" blames; "don\'t expect more than a diner" stays a warning', () => {
    expect(sentiment('I would expect a little bit more coming from a restaurant.').label).toBe('negative');
    expect(explained("Don't expect more than a diner.", "don't expect")?.rules).toContain('warning');
  });
});

describe('the critic\'s vocabulary', () => {
  it('blame and praise of films in the words reviews use', () => {
    expectLabels(sentiment, ['An interminable, witless sequel.', 'Cloying and manipulative.', 'A puerile, sophomoric comedy.', 'The film moves at a glacial pace.'], 'negative');
    expectLabels(sentiment, ['A soulful, luminous performance.', 'Lush and atmospheric.', 'A wry, quirky little comedy.'], 'positive');
    expect(sentiment('Rest assured.').explain).toEqual([]);
  });
});

describe('everyday idioms of joy and of having had enough', () => {
  it('in posts', () => {
    expectLabels(post, ['You made my day!', 'Over the moon with the upgrade', 'on cloud nine'], 'positive');
    expectLabels(post, ["at my wits' end with this airline", "I've had enough of this airline", 'rough night at the airport', 'I give up on you'], 'negative');
    expect(post('We had enough food for everyone').label).not.toBe('negative');
  });
});

describe('dates written as day and month', () => {
  it('a "d/10" among dates that cannot be grades is a date too', () => {
    const text = '@AirCo question about my trip: DUB-JAC 29/9 JAC-LAX 8/10 LAX-DUB 13/10.';
    expect(post(text).explain.some((e) => e.rules.includes('rating'))).toBe(false);
    expect(post('Denver-Boston 2/10 flight 994 and Boston-Denver 2/15 flight 493').explain).toEqual([]);
  });

  it('grades stay grades', () => {
    expect(explained("I'd give it 8/10.", '8/10')?.rules).toContain('rating');
    expect(explained('Food 9/10, service 4/5.', '4/5')?.rules).toContain('rating');
  });
});

describe('a degree word before an adjective its aspect judges', () => {
  it('"super loud music" stresses the complaint; "super" is no praise of its own there', () => {
    expect(sentiment('The music was super loud.').label).toBe('negative');
    expect(explained('The music was super loud.', 'super')).toBeUndefined();
    expect(explained('The music was super loud.', 'loud')?.rules).toContain('intensified');
    expect(sentiment('Super service.').label).toBe('positive');
  });
});

describe('praise a negation denies: "not much to look at"', () => {
  it('denied, it blames; said, it praises', () => {
    expectLabels(sentiment, ['Not much to look at.', "There wasn't much flavor.", 'Not much to write home about.'], 'negative');
    expect(sentiment('So much flavor!').label).toBe('positive');
  });

  it('an achievement granted: "no mean feat" is no bare "no"', () => {
    expectLabels(sentiment, ["That's no mean feat.", 'No small feat.'], 'positive');
  });
});

describe('a question opening on a wish asks the reader', () => {
  it('"Want to impress your date? Bring her here." keeps its praise; "I wanted to love it" stays a letdown', () => {
    expect(sentiment('Want to impress your date? Bring her here.').label).toBe('positive');
    expect(sentiment('I wanted to love it.').label).toBe('negative');
  });
});

describe('a dish\'s seasoning, texture and smell', () => {
  it('faults and merits AFINN lacks, and a tough steak', () => {
    expectLabels(sentiment, ['The soup was unseasoned and the salad wilted.', 'Gristly, leathery steak.', 'A measly portion.', 'The steak was tough.'], 'negative');
    expectLabels(sentiment, ['A silky, aromatic broth.', 'Savory and tangy.', 'Hefty portions.'], 'positive');
    expect(sentiment('It was a tough decision.').explain).toEqual([]);
  });
});

describe('"less" of a quality is its opposite', () => {
  it('"less crowded" praises, "less friendly than before" blames', () => {
    expect(sentiment('Less crowded on weekdays.').label).toBe('positive');
    expect(sentiment('Much less greasy than the other place.').label).toBe('positive');
    expect(sentiment('The staff is less friendly than before.').label).toBe('negative');
    expect(explained('The staff is less friendly than before.', 'friendly')?.steps?.[0]).toMatchObject({ rule: 'negated', by: 'less' });
  });

  it('"no less impressive" keeps it whole; "less than impressed" still denies', () => {
    expect(explained('No less impressive.', 'impressive')?.weight).toBe(3);
    expect(sentiment('I was less than impressed.').label).toBe('negative');
  });
});

describe('names that hold a praise word', () => {
  it('"at Best Buy", "the Best Western", "Dallas/Fort Worth" praise nothing; "fair at best" still limits', () => {
    for (const text of ['I bought it at Best Buy.', 'Staying at the Best Western.', 'Flight from Dallas/Fort Worth to Boston.']) {
      expect(sentiment(text).explain, text).toEqual([]);
    }
    expect(sentiment('The food was fair at best.').label).toBe('negative');
  });
});

describe('stress written the way posts write it', () => {
  it('"good af", "slow asf" stress the word before; "soooooo", "reallyyyy" stress as "so", "really" do', () => {
    expect(explained('good af', 'good')?.steps?.[0]).toMatchObject({ rule: 'intensified', by: 'af' });
    expect(explained('slow asf', 'slow')?.rules).toContain('intensified');
    expect(explained('soooooo goooood', 'goooood')?.steps?.[0]).toMatchObject({ rule: 'intensified', by: 'soooooo' });
    expect(explained('reallyyyy bad', 'bad')?.rules).toContain('intensified');
  });

  it('"straight up rude" is no honest praise', () => {
    expect(explained('straight up rude', 'straight')).toBeUndefined();
    expect(sentiment('straight up rude').label).toBe('negative');
  });
});

describe('questions and quips that complain', () => {
  it('"is it too much to ask …?", "what am I paying for?", "you had one job"', () => {
    expectLabels(post, ['@AirCo is it too much to ask for a working app?', '@AirCo what am I paying for?', '@AirCo you had one job'], 'negative');
    expect(post('Is it too much luggage?').label).toBe('neutral');
  });
});

describe('superlatives said as denials, and remarkable things', () => {
  it('"it doesn\'t get any better than this" praises; a comparison with another thing stays a denial', () => {
    expect(sentiment("It doesn't get any better than this.").label).toBe('positive');
    expect(post("Doesn't get better than that!").label).toBe('positive');
    expect(sentiment("The food isn't better than that of the diner.").label).toBe('negative');
    expect(sentiment("It doesn't get any easier.").label).toBe('negative');
  });

  it('"one hell of a ride", "the way to go"', () => {
    expectLabels(post, ['one hell of a ride', 'One heck of an airline', 'Southwest is THE way to go!'], 'positive');
    expect(sentiment('Not the way to go.').label).toBe('negative');
  });
});

describe('a thing unlike its picture, a dish short of salt, a phone that cannot call; a thing nothing equals', () => {
  it('complaints told plainly', () => {
    expectLabels(sentiment, ['The holster did not match the photo.', "Doesn't match the description.", 'It needed salt.',
      'I cannot make calls at certain places.'], 'negative');
  });

  it('"nothing can match their prices" praises; "the colors match perfectly" too', () => {
    expect(sentiment('Nothing can match their prices.').label).toBe('positive');
    expect(sentiment('The colors match perfectly.').label).toBe('positive');
  });
});

describe('a kitchen that cannot do its one job', () => {
  it('"they can\'t cook", "how can you call yourself a steakhouse"', () => {
    expect(sentiment("They can't cook.").label).toBe('negative');
    expect(sentiment("How can you call yourself a steakhouse if you can't properly cook a steak?").label).toBe('negative');
    expect(sentiment("Call me when you're ready.").explain).toEqual([]);
  });
});

describe('advice to stay away said with "recommend", and a replacement bought', () => {
  it('blames', () => {
    expectLabels(sentiment, ["I'd recommend avoiding this product.", 'I had to purchase a different case.'], 'negative');
    expect(sentiment('I recommend this product.').label).toBe('positive');
  });
});
