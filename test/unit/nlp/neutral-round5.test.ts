import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

/** The rules of the item that covers `token`'s first word, or undefined. */
const rulesOf = (text: string, word: string) =>
  sentiment(text).explain.find((e) => e.token.toLowerCase().split(' ').includes(word.toLowerCase()))?.rules;

describe('implicit opinions: neutral words that praise or blame in their construction', () => {
  it('a comparison with a named place is praise ("felt as if we were dining in Lisbon", "like being back in Seoul")', () => {
    for (const t of [
      'We felt as if we were dining in Lisbon.',
      'It felt as though we were sitting in Rome.',
      'You feel like you are in the 5th Arrondissement.',
      'The dumplings are like being back in Seoul.',
      'Dinner there is like eating in Grandma Rosa\'s kitchen.',
      'One bite of the ragu and you are transported to Bologna.',
    ]) {
      expect(sentiment(t).label, t).toBe('positive');
      expect(sentiment(t).explain.some((e) => e.rules.includes('transported')), t).toBe(true);
    }
  });

  it('not with a common noun, past an opinion said outright, as a verb, or denied', () => {
    // A common noun is compared with: as often a complaint ("eating in a hallway") as praise.
    for (const t of ['I felt like we were eating in a hallway.', 'It felt like I was sitting in someone\'s garage.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    // The first place named is the comparison: "a bus station in Newark" compares with a bus station.
    expect(sentiment('It felt like waiting in a bus station in Newark.').label).toBe('neutral');
    // Not "to" a place ("her moving to Ohio"), nor "like" as a verb.
    expect(sentiment('I felt as though her moving to Ohio changed nothing.').explain.some((e) => e.rules.includes('transported'))).toBe(false);
    expect(rulesOf('We like eating in Brooklyn.', 'in')).toBeUndefined();
    // An opinion word before the place is scored as itself.
    expect(rulesOf('It felt like a dreary night in Boston.', 'in')).toBeUndefined();
    // Carried to a common noun is no comparison with a place.
    expect(rulesOf('Leftovers were transported to the kitchen.', 'transported')).toBeUndefined();
    // A negation before the frame denies it.
    expect(sentiment('It did not feel like we were in Italy.').label).toBe('negative');
  });

  it('bringing the whole circle along is praise ("I take all my friends here", "bringing my whole family back")', () => {
    for (const t of [
      'I take all my out of town guests here.',
      'We have brought every visitor we had to this spot.',
      'Next month I am bringing my entire family.',
      'I will bring my friends back soon.',
      'Everyone I bring here orders seconds.',
      'All the coworkers that I took there went again.',
    ]) {
      expect(sentiment(t).label, t).toBe('positive');
      expect(sentiment(t).explain.some((e) => e.rules.includes('brought others')), t).toBe(true);
    }
  });

  it('not a single companion, not what is not people, and refused it is a complaint', () => {
    for (const t of ['I took my sister for her birthday.', 'We brought a friend from work.', 'Bring a whole extra sweater.', 'It takes all the guesswork out.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(sentiment('I would never bring my whole family here.').label).toBe('negative');
  });

  it('a negated imperative with no sentiment word warns the reader ("Just don\'t do it.", "Do not sit near the door.")', () => {
    for (const t of ["Just don't do it.", 'Do not sit near the kitchen door.', "So don't order the set menu, trust me.", "Don't expect a quiet dinner here."]) {
      expect(sentiment(t).label, t).toBe('negative');
      expect(sentiment(t).explain[0]?.rules, t).toContain('warning');
    }
  });

  it('not with a sentiment word, not a reassurance or a dropped subject, and not inside a sentence', () => {
    // The words carry the meaning: "don't miss it", "don't forget" are praise.
    expect(sentiment("Don't miss the dumplings.").label).toBe('positive');
    expect(sentiment("Don't forget to try the flan.").explain.some((e) => e.rules.includes('warning'))).toBe(false);
    // A reassurance about what looks bad, a subject dropped, a secret kept.
    for (const t of [
      "Don't judge it by the outside.", "Don't know why we waited so long to visit.", "Please don't tell anyone about it.",
      "Don't really know what to order there.",
    ]) {
      expect(sentiment(t).explain.some((e) => e.rules.includes('warning')), t).toBe(false);
    }
    // With its subject it tells what someone did not do, not what the reader should avoid.
    expect(sentiment("We don't sit by the window anymore.").explain.some((e) => e.rules.includes('warning'))).toBe(false);
    expect(sentiment('I usually do not order dessert.').label).toBe('neutral');
  });

  it('a sum of money judged by its bound: "less than $25", "under 20 dollars" cheap; "at least $14", "nearly $90" dear', () => {
    const price = (text: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === 'price')?.label;
    for (const t of ['Lunch for two came to less than $25.', 'You can eat here for under 20 dollars.', 'Each roll is only $4.']) {
      expect(price(t), t).toBe('positive');
    }
    for (const t of ['The tasting menu is at least $90 a head.', 'Our bill was nearly $200 for three people.', 'Expect to pay upwards of $50 each.']) {
      expect(price(t), t).toBe('negative');
    }
    // Denied, the bound turns: "no more than $6" is cheap.
    expect(price('Most dishes are no more than $6 each.')).toBe('positive');
  });

  it('not a price alone, an amount about it, nor a bound that is no sum of money', () => {
    for (const t of ['A large pie is $20.', 'Entrees are around $15 each.', 'We waited less than 10 minutes.', 'There were at least 30 people.']) {
      expect(sentiment(t).explain.some((e) => e.rules.includes('price bound')), t).toBe(false);
    }
  });

  it('hospitality in deed and the guest made to feel grand ("bought us a round", "comped", "treated like kings")', () => {
    for (const t of ['The owner bought us a round after dinner.', 'They comped our dessert.', 'We were treated like kings.', 'She made us feel like celebrities.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    // What the diner bought, and "like" a thing that is no honour, say nothing.
    expect(sentiment('My brother bought a round for the table.').label).toBe('neutral');
    expect(sentiment('The room looked like a kitchen.').label).toBe('neutral');
  });

  it('verdicts in everyday idioms ("it was special", "their Achilles\' heel", "I suggest you try", "head on over")', () => {
    for (const t of ['Our anniversary dinner was special.', 'I suggest you try the pork buns.', 'Craving noodles? Head on over.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(sentiment("Parking is their Achilles' heel.").label).toBe('negative');
    // Asked, "so special" doubts; denied, "special" is the complaint.
    expect(sentiment("What's so special about this diner?").label).not.toBe('positive');
    expect(sentiment('The decor is nothing special.').label).toBe('negative');
  });

  it('a letter grade with "+" is a verdict ("A+ service", "the pasta (B+)"), a low one blame', () => {
    const grade = (t: string) => sentiment(t).explain.find((e) => e.rules.includes('grade'));
    expect(sentiment('A+ service from start to finish.').label).toBe('positive');
    expect(sentiment('Overall the pasta (B+) was the high point.').label).toBe('positive');
    expect(sentiment('The delivery gets a D+ from me.').label).toBe('negative');
    expect(grade('A+')?.weight).toBeGreaterThan(0);
  });

  it('not a bare letter, a lowercase letter, a spaced plus, nor a letter outside A-F', () => {
    for (const t of ['We sat at table B near the bar.', 'The a+b combo plate.', 'Plan B + dessert.', 'Vitamin K+ drinks.']) {
      expect(sentiment(t).explain.some((e) => e.rules.includes('grade')), t).toBe(false);
    }
  });

  it('the reader warned ("beware", "so watch out", "be prepared to wait"); careful advice alone is not', () => {
    for (const t of ['Beware of the house wine.', 'The chili oil is fierce, so watch out.', 'Be prepared to wait for a table.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('Be sure to ask for a booth.').label).not.toBe('negative');
  });
});
