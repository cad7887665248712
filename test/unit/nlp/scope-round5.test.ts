import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../../src/nlp/lexicon.js';
import { compileThemes } from '../../../src/nlp/themes.js';
import { tokenize } from '../../../src/nlp/tokenize.js';
import { createVocabulary } from '../../../src/nlp/vocabulary.js';
import { analyzer, explained, sentiment } from './helpers.js';

const vocab = createVocabulary(compileLexicon(undefined, 'reviews'), compileThemes([]));
/** Each word's clause id, as `word/clause`. */
const clauses = (text: string) => {
  const t = tokenize(text, vocab);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(`${t.norm[i]}/${t.clause[i]}`);
  return out.join(' ');
};
const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

describe('an aside in parentheses: the clause around it resumes after ")"', () => {
  it('the words after a lone ")" are in the clause before the "("', () => {
    expect(clauses('the patio was too cold (in winter) to enjoy')).toBe(
      'the/0 patio/0 was/0 too/0 cold/0 (/0 in/1 winter/1 )/1 to/0 enjoy/0',
    );
  });

  it('a ")" joined to a comma or stop, a new sentence, or a "but" after it starts a new clause as before', () => {
    expect(clauses('nice (mostly), but slow')).toBe('nice/0 (/0 mostly/1 ),/1 but/2 slow/2');
    expect(clauses('nice (mostly) but slow')).toBe('nice/0 (/0 mostly/1 )/1 but/2 slow/2');
    expect(clauses('(fine) ok. (yes) then')).toBe('(/0 fine/1 )/1 ok/0 ./0 (/3 yes/4 )/4 then/3');
  });

  it('"too loud (when it is full) to be romantic" denies the romance, as "too loud to be romantic" does', () => {
    expect(explained('The bar is too noisy (on weekends) to be relaxing.', 'relaxing')?.rules).toContain('negated');
    expect(sentiment('The bar is too noisy (on weekends) to be relaxing.').label).toBe('negative');
    expect(theme('The dining room is too dark (at night) to be romantic.', 'ambience')?.label).toBe('negative');
  });

  it('what the aside says stays its own: praise inside it is not denied by a "too" outside', () => {
    expect(explained('It was too crowded (great music though) for us.', 'great')?.rules ?? []).not.toContain('negated');
  });
});

describe('"hadn\'t even", "haven\'t even": a deed left undone, said with the negated perfect', () => {
  it('blames what was not done, as "didn\'t even" does', () => {
    const text = 'We sat for forty minutes and the waiter hadn\'t even taken our drink order.';
    expect(explained(text, "hadn't even taken")?.rules).toContain('not even');
    expect(theme(text, 'service')?.label).toBe('negative');
    expect(sentiment('The kitchen has closed and they haven\'t even called us back.').label).toBe('negative');
  });

  it('denies the praise in what was not done, as "didn\'t even" does', () => {
    expect(explained("They hadn't even made a salad that was appealing.", 'appealing')?.rules).toContain('negated');
    expect(explained("They didn't even make a salad that was appealing.", 'appealing')?.rules).toContain('negated');
  });

  it('not what one was spared, nor the perfect without "even"', () => {
    expect(sentiment("We haven't even had to wait for a table once.").label).toBe('positive');
    expect(sentiment("We haven't even needed a reservation.").label).not.toBe('negative');
    expect(sentiment("I haven't tried the dessert menu yet.").label).toBe('neutral');
  });
});

describe('blame laid on other places praises this one', () => {
  it('a complaint about "other <place>" in its clause counts as a negated complaint', () => {
    const text = 'Where the noodles at other ramen places are soggy, these have a real bite.';
    expect(explained(text, 'soggy')?.rules).toContain('other places');
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(sentiment("You'd pay twice as much at any other steak restaurant in town.").label).not.toBe('negative');
  });

  it('not praise of other places, negated praise, nor a complaint past a subject or conjunction of its own', () => {
    expect(explained('It stands out among other great restaurants on the block.', 'great')?.rules ?? []).not.toContain('other places');
    expect(sentiment('Honestly this is not like the other restaurants at all, something is wrong here.').label).toBe('negative');
    expect(explained('We ate at other restaurants nearby and the food here was awful.', 'awful')?.rules ?? []).not.toContain('other places');
    expect(explained('The food at other places was fine, so I hated this one.', 'hated')?.rules ?? []).not.toContain('other places');
  });

  it('without "other" a complaint keeps its sense', () => {
    expect(theme('The noodles at this ramen place are soggy.', 'food')?.label).toBe('negative');
  });
});

describe('a condition written without a comma ends where the main clause starts', () => {
  it('praise in the condition counts for nothing when the main clause blames', () => {
    const text = 'If you are looking for fresh seafood this restaurant is a big disappointment.';
    expect(explained(text, 'fresh')?.rules).toContain('condition');
    expect(sentiment(text).label).toBe('negative');
    expect(theme('If you want great pasta it is a letdown.', 'food')?.label).not.toBe('positive');
  });

  it('praise stays where no main clause blames, or the blame is inside the condition', () => {
    expect(sentiment('If you want great pasta this is the place.').label).toBe('positive');
    expect(explained('If you want great pasta with no fuss go early.', 'great')?.rules ?? []).not.toContain('condition');
  });
});

describe('a claim of uniqueness praises ("never had X like this", "you won\'t find that anywhere")', () => {
  it('a negation of every other experience, with no sentiment word, is praise', () => {
    const text = "I've never eaten dumplings like these.";
    expect(sentiment(text).explain.some((e) => e.rules.includes('uniqueness'))).toBe(true);
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(sentiment("You won't find a brunch like this anywhere else.").label).toBe('positive');
    expect(sentiment('You will never find ramen like theirs elsewhere in the city.').label).toBe('positive');
  });

  it('not a plain first time, a search that failed, a fiasco witnessed, nor a sentiment word in the claim', () => {
    expect(sentiment('I had never had dumplings before.').explain.some((e) => e.rules.includes('uniqueness'))).toBe(false);
    expect(sentiment("We couldn't find a free table anywhere.").label).not.toBe('positive');
    expect(sentiment("I've never seen anything like this, a total mess.").label).toBe('negative');
    expect(sentiment('I have never had a worse meal like this.').explain.some((e) => e.rules.includes('uniqueness'))).toBe(false);
  });
});

describe('blame under a condition, where the sentence praises outside it, counts for nothing', () => {
  it('"friendly, if not the fastest"; "if the soup is ever cold, they gladly replace it"', () => {
    const text = 'The staff is friendly, if not the most attentive in town.';
    expect(explained(text, 'attentive')?.rules).toContain('condition');
    expect(theme(text, 'service')?.label).toBe('positive');
    expect(explained('If the soup is ever cold, they gladly replace it.', 'cold')?.weight).toBe(0);
  });

  it('blame stays where nothing outside the condition praises, or without a condition', () => {
    expect(sentiment('If the soup is cold, send it back.').label).toBe('negative');
    expect(explained('The soup was cold, but they gladly replaced it.', 'cold')?.weight).toBeLessThan(0);
  });
});

describe('"don\'t expect …" said to the reader is a warning', () => {
  it('is a complaint, and denies praise later in its clause however far', () => {
    const text = "Don't expect the staff to give you a friendly welcome on a Saturday night.";
    expect(sentiment(text).explain.some((e) => e.rules.includes('warning'))).toBe(true);
    expect(explained(text, 'friendly')?.weight).toBeLessThan(0);
    expect(sentiment('So do not expect to get a table without a wait.').label).toBe('negative');
    expect(theme("Just don't expect a quiet atmosphere.", 'ambience')?.label).toBe('negative');
  });

  it('not with a subject of its own ("I don\'t expect", "we didn\'t expect": surprise)', () => {
    expect(sentiment("I don't expect any problems with this place.").label).toBe('positive');
    expect(sentiment("We didn't expect to love it this much.").explain.some((e) => e.rules.includes('warning'))).toBe(false);
    expect(sentiment('Expect a friendly welcome.').label).toBe('positive');
  });
});

describe('the object of a deed left undone is denied with it', () => {
  it('"they couldn\'t even make a salad that was appealing": the praise in the object is denied', () => {
    const text = "The kitchen couldn't even make a salad that was edible and fresh.";
    expect(explained(text, 'fresh')?.weight).toBeLessThan(0);
    expect(theme(text, 'food')?.label).toBe('negative');
    expect(explained("He didn't even offer us a sincere apology.", 'sincere')?.weight).toBeLessThan(0);
  });

  it('not praise outside an object, nor after a deed that was done', () => {
    expect(explained("I can't even right now haha, thank you so much!", 'thank')?.weight).toBeGreaterThan(0);
    expect(explained('They made a salad that was fresh.', 'fresh')?.weight).toBeGreaterThan(0);
  });
});

describe('"fail to" denies the praise right after it', () => {
  it('"failed to impress", "fails to excite": the praise did not happen', () => {
    expect(explained('The tasting menu failed to impress us.', 'impress')?.rules).toContain('negated');
    expect(sentiment('The tasting menu failed to impress us.').label).toBe('negative');
    expect(sentiment('The sequel fails to excite.').label).toBe('negative');
  });

  it('not where a phrase affirms it ("never fails to"), nor praise further on, nor a failure with no praise after it', () => {
    expect(sentiment('The chef never fails to impress.').label).toBe('positive');
    expect(explained('The chef never fails to impress.', 'impress')?.rules ?? []).not.toContain('negated');
    expect(explained('The app failed to load, but support was great.', 'great')?.rules ?? []).not.toContain('negated');
    expect(explained('It failed horribly.', 'horribly')?.weight).toBeLessThan(0);
  });
});
