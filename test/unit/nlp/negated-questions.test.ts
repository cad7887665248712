import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const rules = (text: string) => sentiment(text).explain.flatMap((e) => e.rules);
const churns = (text: string) => analyzer().analyze({ text }).intents.includes('churn');

describe('a negated yes/no question asks for agreement, it denies nothing', () => {
  it('"Won\'t you come back?" invites: no refusal, no churn, not negative', () => {
    const text = "Won't you come back?";
    expect(rules(text)).not.toContain('refused return');
    expect(churns(text)).toBe(false);
    expect(sentiment(text).score).toBeGreaterThan(0);
    expect(explained(text, 'come back')!.rules).toContain('negated question');
  });

  it.each(["Isn't it gorgeous?", 'Wasn\'t the food amazing?', "Don't you just love it?", "So won't you come back and see us?"])(
    '"%s" praises',
    (text) => expect(sentiment(text).label).toBe('positive'),
  );

  it('"Why don\'t you come back?" suggests, as "Won\'t you come back?" invites', () => {
    expect(sentiment("Why don't you come back?").score).toBeGreaterThan(0);
  });

  it('"Isn\'t that awful?" blames', () => {
    expect(sentiment("Isn't that awful?").label).toBe('negative');
  });

  it('"who" and a negated auxiliary say everyone would: "Who doesn\'t love good food?" praises', () => {
    expect(sentiment("Who doesn't love good food?").label).toBe('positive');
    expect(sentiment("Who wouldn't be annoyed?").label).toBe('negative');
  });
});

describe('negated questions that stay negations', () => {
  it.each([
    // Asked of what others do: a reproach.
    "Doesn't the staff care about customers?",
    "Don't they care about their customers?",
    // A word that needs the negation.
    "Don't you like anything?",
    "Wasn't it ever good?",
    // "why" asks for a cause: a complaint.
    "Why isn't the food good?",
    "Why didn't you come back?",
  ])('"%s" is not praise', (text) => {
    expect(rules(text)).not.toContain('negated question');
    expect(sentiment(text).score).toBeLessThanOrEqual(0);
  });

  it('a statement or an exclamation keeps its negation ("Won\'t come back!", "It isn\'t good.")', () => {
    expect(sentiment("You won't like it!").label).toBe('negative');
    expect(sentiment("It isn't good.").label).toBe('negative');
  });
});
