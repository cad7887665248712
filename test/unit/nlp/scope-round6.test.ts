import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

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
