import { describe, expect, it } from 'vitest';
import { explained, score, sentiment } from './helpers.js';

describe('dictionary-checked inflection', () => {
  it('a word that only looks inflected is not scored as its lookalike stem ("dudes" is not "dud", "number" not "numb")', () => {
    expect(explained('These dudes know their stuff', 'dudes')).toBeUndefined();
    expect(explained('Call the 800 number for bookings', 'number')).toBeUndefined();
    expect(score('Call the 800 number for bookings')).toBe(0);
  });

  it('real inflections still find their base word', () => {
    expect(explained('We could not be happier', 'happier')).toBeDefined();
    expect(explained('The cleanest room I have stayed in', 'cleanest')?.weight).toBeGreaterThan(0);
    expect(explained('It failed horribly', 'horribly')?.weight).toBeLessThan(0);
    expect(explained('Three duds in a row', 'duds')?.weight).toBeLessThan(0);
  });

  it('a comparative whose base would double its last letter is read from the base in "e" ("cutest" is "cute", not "cut")', () => {
    expect(explained('The cutest little place', 'cutest')?.weight).toBeGreaterThan(0);
    expect(explained('Even cuter than the photos', 'cuter')?.weight).toBeGreaterThan(0);
    expect(explained('The rudest waiter', 'rudest')?.weight).toBeLessThan(0);
    expect(explained('The biggest portions', 'biggest')?.weight).toBeGreaterThan(0);
  });

  it('"later" and "latest" tell time, not lateness', () => {
    for (const t of ['We got there two hours later.', 'See you later!', 'The latest update is out.']) expect(score(t), t).toBe(0);
    expect(score('The flight was late.')).toBeLessThan(0);
  });
});

describe('a comparative is read only of a word that can be graded', () => {
  it('"Heller" is no "more hell", "lover" no "more love": a noun or verb with "-er" makes another word or a name', () => {
    expect(sentiment('My friend Phillip Heller said it was delicious!').label).toBe('positive');
    expect(sentiment('My friend Phillip Heller said it was delicious!').explain.some((e) => e.token === 'Heller')).toBe(false);
    expect(sentiment('a jazz lover').explain).toEqual([]);
  });

  it('adjectives, adverbs and unlisted slang keep their comparatives ("nicer", "cutest", "crappier")', () => {
    for (const t of ['The staff were nicer this time', 'the cutest cafe', 'happier than ever']) expect(sentiment(t).label, t).toBe('positive');
    expect(sentiment('the app got crappier').label).toBe('negative');
  });

  it('"-ful" adjectives keep the sense of their noun ("disgraceful", "disrespectful", "hateful")', () => {
    for (const [text, word] of [['Truly disgraceful.', 'disgraceful'], ['A disrespectful waiter.', 'disrespectful'], ['Such a hateful film.', 'hateful'],
      ['A pitiful excuse for a burger.', 'pitiful']] as const) {
      expect(explained(text, word)?.weight, text).toBeLessThan(0);
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(explained('A respectful, graceful staff.', 'respectful')?.weight).toBeGreaterThan(0);
  });

  it('"-less" turns its noun round: no fault is praise, no joy is blame', () => {
    expect(explained('The service was faultless.', 'faultless')?.weight).toBeGreaterThan(0);
    expect(sentiment('The service was faultless.').label).toBe('positive');
    expect(explained('A joyless, humorless film.', 'joyless')?.weight).toBeLessThan(0);
    expect(sentiment('A joyless, humorless film.').label).toBe('negative');
    // The absence of a bad thing is milder than the bad thing: half its weight.
    expect(explained('A harmless comedy.', 'harmless')?.base).toBe(1);
  });

  it('no derivation where the dictionary lists the word as a noun, nor for the "-less" words that blame', () => {
    expect(explained('Just a handful of fries.', 'handful')).toBeUndefined();
    expect(explained('Stainless steel body.', 'stainless')).toBeUndefined();
    for (const text of ['The staff were shameless.', 'A pitiless, remorseless villain.']) expect(sentiment(text).label, text).toBe('negative');
  });
});


describe('verb forms ("-ed", "-ing") of lexicon words', () => {
  it('take their base word\'s valence, spelled as English spells them', () => {
    for (const [text, word] of [['She kissed me goodnight', 'kissed'], ['We were hugging at the gate', 'hugging'], ['The kids giggled all show', 'giggled'],
      ['Everyone was grinning', 'grinning'], ['I thanked the crew', 'thanked']] as const) {
      expect(explained(text, word)?.weight, text).toBeGreaterThan(0);
    }
    for (const [text, word] of [['We got swindled', 'swindled'], ['The room reeked of smoke', 'reeked'], ['She was sobbing at the counter', 'sobbing'],
      ['I disliked the ending', 'disliked'], ['My suitcase got trashed', 'trashed'], ['He was scolding us', 'scolding']] as const) {
      expect(explained(text, word)?.weight, text).toBeLessThan(0);
    }
  });

  it('a one-syllable base that would double its consonant is read with its "e" ("faded" is "fade", not "fad")', () => {
    expect(explained('The paint has faded', 'faded')).toBeUndefined();
    expect(explained('He was raging at the desk', 'raging')?.weight).toBeLessThan(0);
    expect(explained('Stop scaring the kids', 'scaring')?.weight).toBeLessThan(0);
  });

  it('not where the form is its own word or its sense parts from the base', () => {
    for (const text of ['Extra toppings are $2.', 'He was fined for parking.', 'Am I allowed to bring a stroller?', 'I am leaving tomorrow.',
      'A striking resemblance', 'My ticket was refunded to my card.', 'Jerked chicken with rice']) {
      expect(sentiment(text).explain.map((e) => e.token), text).toEqual([]);
    }
  });

  it('a base kept neutral keeps its forms neutral ("wanted" as "want" in reviews)', () => {
    expect(explained('I wanted the fish', 'wanted')).toBeUndefined();
    expect(explained('We hoped for a table by the window', 'hoped')).toBeUndefined();
  });
});

describe('"un-" turns its word round', () => {
  it('praise denied is blame ("uninteresting", "unsatisfactory", "unconvincing", "untrustworthy")', () => {
    for (const [text, word] of [['Mishima is extremely uninteresting.', 'uninteresting'], ['An unsatisfactory experience.', 'unsatisfactory'],
      ['Unconvincing characters.', 'Unconvincing'], ['An untrustworthy seller.', 'untrustworthy']] as const) {
      expect(explained(text, word)?.weight, text).toBeLessThan(0);
    }
    // A quarter milder than the praise: "interesting" is 2.
    expect(explained('Mishima is uninteresting.', 'uninteresting')?.base).toBe(-1.5);
  });

  it('a bad thing denied is milder praise ("unpretentious", "unharmed"), and some "un-" words are left alone', () => {
    expect(explained('An unpretentious little bistro.', 'unpretentious')?.weight).toBeGreaterThan(0);
    expect(explained('My bag arrived unharmed.', 'unharmed')?.base).toBe(1);
    for (const text of ['Unlike the old one, it has a case.', 'The plot is unpredictable.', 'The battery came uncharged.']) {
      expect(sentiment(text).explain, text).toEqual([]);
    }
  });
});
