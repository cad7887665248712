import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../../src/nlp/lexicon.js';
import { compileThemes } from '../../../src/nlp/themes.js';
import { M } from '../../../src/nlp/token.js';
import { tokenize } from '../../../src/nlp/tokenize.js';
import { createVocabulary } from '../../../src/nlp/vocabulary.js';
import { analyzer, explained, sentiment } from './helpers.js';

const vocab = createVocabulary(compileLexicon(undefined, 'reviews'), compileThemes([]));

const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);
const rulesOf = (text: string, token: string) => explained(text, token)?.rules ?? [];

describe('"don\'t forget to …": a negated "forget" keeps the negation to itself', () => {
  it('a reminder recommends what follows ("don\'t forget to try the flan", "never forget to order …")', () => {
    const text = "Don't forget to try the flan.";
    expect(rulesOf(text, 'try the')).not.toContain('negated');
    expect(sentiment(text).label).toBe('positive');
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(sentiment('Never forget to order the tiramisu!').label).toBe('positive');
    expect(rulesOf('Do not forget to try the flan, it is amazing.', 'try the')).not.toContain('negated');
  });

  it('what is remembered keeps its own sense: "I won\'t forget how rude they were" blames', () => {
    const text = "I won't forget how rude they were.";
    expect(rulesOf(text, 'rude')).not.toContain('negated');
    expect(sentiment(text).label).toBe('negative');
    expect(theme('We will never forget how good the ribs were.', 'food')?.label).toBe('positive');
  });

  it('not a warning without "forget" ("don\'t try the flan"), nor a forgetting that happened', () => {
    expect(sentiment("Don't try the flan.").label).toBe('negative');
    expect(sentiment('They forgot to bring our drinks.').label).toBe('negative');
    // The negation still reaches a word of praise where no "forget" stands between.
    expect(rulesOf("The staff didn't seem friendly.", 'friendly')).toContain('negated');
  });
});

describe('"didn\'t fail to …": a negated "fail" affirms what follows', () => {
  it('"they didn\'t fail to impress" praises, as the phrase "never failed to impress" does', () => {
    const text = "They didn't fail to impress.";
    expect(rulesOf(text, 'impress')).toEqual([]);
    expect(sentiment(text).label).toBe('positive');
    expect(sentiment("The kitchen hasn't failed to impress us once.").label).toBe('positive');
    expect(sentiment('They never failed to impress.').label).toBe('positive');
  });

  it('"didn\'t fail to disappoint" is still a letdown: the word after keeps its own sense', () => {
    expect(sentiment("The sequel didn't fail to disappoint.").label).toBe('negative');
  });

  it('not a failure that happened ("it failed to impress"), nor a plain negation ("didn\'t impress")', () => {
    expect(rulesOf('It failed to impress.', 'impress')).toContain('negated');
    expect(sentiment('It failed to impress.').label).toBe('negative');
    expect(rulesOf("The pasta didn't impress.", 'impress')).toContain('negated');
    expect(sentiment("The pasta didn't impress.").label).toBe('negative');
  });
});

describe('a negation at the end point of an "until" clause is no refused return', () => {
  const refused = (text: string) => sentiment(text).explain.some((e) => e.rules.includes('refused return'));

  it('"we ate until I can\'t walk anymore" tells how far the meal went, not that anyone stays away', () => {
    expect(refused("We ate until I can't walk anymore.")).toBe(false);
    expect(sentiment("We ate until I can't walk anymore.").label).not.toBe('negative');
    expect(refused("They kept refilling our plates till we just couldn't eat anymore.")).toBe(false);
  });

  it('a return refused outside the "until" clause still counts, and "can\'t wait to go back" is still eager', () => {
    expect(refused("We won't be going back.")).toBe(true);
    expect(refused('Until then I will not be coming back here.')).toBe(true);
    expect(refused('Until they retrain the staff I will not be coming back.')).toBe(true);
    expect(sentiment("I can't wait to go back.").label).toBe('positive');
  });
});

describe('a theme written as a label ("Food: A+ Service: D+") takes what follows its colon', () => {
  it('each grade goes to the label before it, not to the next label after it', () => {
    const text = 'Food: A+ Service: D+';
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(theme(text, 'service')?.label).toBe('negative');
    expect(theme('Food: A+ Service: D+ Ambience: B+', 'ambience')?.label).toBe('positive');
  });

  it('so does any opinion after a label, also where a comma splits the list', () => {
    expect(theme('Food: delicious Service: slow', 'service')?.label).toBe('negative');
    const text = 'The food: great, the service: awful';
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(theme(text, 'service')?.label).toBe('negative');
  });

  it('not a grade before its noun ("A+ service"), nor a theme deep in the clause before a colon', () => {
    expect(theme('A+ service', 'service')?.label).toBe('positive');
    expect(theme('A+ service, D+ food', 'food')?.label).toBe('negative');
    expect(theme('We waited an hour for the food: the service was terrible.', 'service')?.label).toBe('negative');
  });

  it('texts are searched for labels only when the tokenizer saw a ":"', () => {
    expect(tokenize('Food: A+', vocab).marks & M.COLON).toBe(M.COLON);
    expect(tokenize('Food - A+, great :)', vocab).marks & M.COLON).toBe(0);
  });
});

describe('words that stress a negation ("at all", "the least bit") do not use up its reach', () => {
  it('the negation still reaches the word after them', () => {
    expect(rulesOf("I wasn't the least bit interested.", 'interested')).toContain('negated');
    expect(sentiment("I wasn't the least bit interested.").label).toBe('negative');
    expect(rulesOf('Nothing at all to recommend.', 'recommend')).toContain('negated');
    expect(sentiment('Nothing at all to recommend.').label).toBe('negative');
    expect(sentiment("The host wasn't one bit friendly.").label).toBe('negative');
  });

  it('not where no negation stands before them, nor "all" or "bit" on their own', () => {
    expect(sentiment('All good, and the staff were at all times helpful.').label).toBe('positive');
    expect(rulesOf('It was a bit bland but all delicious.', 'delicious')).not.toContain('negated');
    // Without the emphasis the scope is as before: three words.
    expect(rulesOf("I wasn't really that very interested.", 'interested')).not.toContain('negated');
  });
});

describe('"any" stretches a negation\'s reach by a word', () => {
  it('"never had any large problems" denies the problems, as "never had any problems" does', () => {
    for (const text of ['We never had any large problems', 'We never had any problems', "I didn't have any real complaints"]) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('"any" alone is no negation', () => {
    expect(sentiment('Any problems were fixed fast').explain.some((e) => e.rules.includes('negated'))).toBe(false);
  });
});
