import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

const rules = (text: string) => sentiment(text).explain.flatMap((e) => e.rules);
const refused = (text: string) => rules(text).includes('refused return');
const churns = (text: string) => analyzer().analyze({ text }).intents.includes('churn');
const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

describe('a negated "back" of a reply is a complaint, not the reviewer leaving', () => {
  it.each([
    'I never heard back.',
    "They didn't get back to me.",
    'Nobody called me back.',
    "I didn't hear anything back from them.",
    'I never heard from them again.',
  ])('"%s": no reply, no churn', (text) => {
    expect(refused(text)).toBe(false);
    expect(rules(text)).toContain('no reply');
    expect(churns(text)).toBe(false);
    expect(sentiment(text).label).toBe('negative');
  });

  it('"No one called me back" is no refusal either', () => {
    expect(refused('No one called me back.')).toBe(false);
    expect(churns('No one called me back.')).toBe(false);
  });

  it('a reply not given is the subject\'s, not the reviewer\'s verdict ("polite but would never call us back")', () => {
    const polite = theme('The manager was polite.', 'staff')!.score;
    expect(theme('The manager was polite but would never call us back.', 'staff')!.score).toBeLessThan(polite);
  });

  it('going back after a negation still refuses ("we didn\'t go back", "I will never go back to them")', () => {
    expect(refused("We didn't go back.")).toBe(true);
    expect(churns("We didn't go back.")).toBe(true);
    expect(churns('I will never go back to them.')).toBe(true);
  });
});

describe('a negated return asked is no refusal', () => {
  it.each(["Can't you call me back?", "Won't you come back?", "Why wouldn't I go back?", 'Why would we not go back?'])(
    '"%s"',
    (text) => {
      expect(refused(text)).toBe(false);
      expect(churns(text)).toBe(false);
    },
  );

  it('a question in another clause does not undo a refusal ("I won\'t go to that place again, why would I?")', () => {
    const text = "I won't go to that place again, why would I?";
    expect(refused(text)).toBe(true);
    expect(churns(text)).toBe(true);
    // "doubt" takes a statement after it: "doubt I will" is no inverted question.
    expect(refused('I liked it the first time but doubt I will ever return.')).toBe(true);
  });
});

describe('"anymore" of how things are is no visit refused', () => {
  it('"it\'s not 1997 anymore": what is no longer, someone else\'s', () => {
    const text = "It's not 1997 anymore.";
    expect(refused(text)).toBe(false);
    expect(rules(text)).toContain('no longer');
    expect(churns(text)).toBe(false);
  });

  it('"they don\'t make them like that anymore", "the scale is not accurate anymore"', () => {
    for (const text of ["They don't make them like that anymore.", 'The scale at home is not accurate anymore.']) {
      expect(refused(text)).toBe(false);
      expect(churns(text)).toBe(false);
    }
  });

  it('the reviewer\'s "anymore" still refuses ("we don\'t go there anymore", "I won\'t be going there anymore")', () => {
    expect(churns("We don't go there anymore.")).toBe(true);
    expect(sentiment("We don't go there anymore.").label).toBe('negative');
    expect(refused("I won't be going there anymore.")).toBe(true);
    expect(churns("I won't be going there anymore.")).toBe(true);
  });
});

describe('someone else\'s return is no refusal: a third-person subject, or "came back" told without one', () => {
  it.each([
    "They wouldn't let me back in.",
    "The waiter didn't come back to the table.",
    'The waiter never came back.',
    'Our server never came back to check on us.',
    'She took our order and never came back.',
    'Took our order and never came back.',
    "Took our order and didn't come back for an hour.",
    'He never returned my calls.',
  ])('"%s"', (text) => {
    expect(refused(text)).toBe(false);
    expect(churns(text)).toBe(false);
  });

  it('the reviewer\'s own return keeps its reading ("we didn\'t come back", "I for one will never go back")', () => {
    expect(refused("We didn't come back.")).toBe(true);
    expect(churns("We didn't come back.")).toBe(true);
    expect(churns('We never went back.')).toBe(true);
    expect(churns('I for one will never go back.')).toBe(true);
    expect(churns('Cute place, nice wait staff but would never go there again.')).toBe(true);
  });
});

describe('a person who was to come back and did not is neglect, a complaint ("the waiter never returned")', () => {
  it.each([
    'The waiter never returned.',
    'He never returned to our table.',
    "The server didn't return with our drinks.",
    'She never came back with the check.',
    'Took our order and never came back.',
    'Nobody came back to check on us.',
    'The waiter never came back to our table.',
  ])('"%s": not back, negative, no churn', (text) => {
    expect(rules(text)).toContain('not back');
    expect(sentiment(text).label).toBe('negative');
    expect(churns(text)).toBe(false);
  });

  it('a thing that did not come back, a thing kept, a reply and a person let in are read otherwise', () => {
    expect(rules('The problem never returned.')).not.toContain('not back');
    expect(rules('I never returned the shoes.')).not.toContain('not back');
    expect(rules('He never returned my call.')).toContain('no reply');
    expect(rules("They wouldn't let me back in.")).not.toContain('not back');
    expect(rules("Won't the waiter come back?")).not.toContain('not back');
  });

  it('the service theme is blamed for it', () => {
    expect(theme('The waiter never returned.', 'staff')?.label).toBe('negative');
  });
});

describe('real refusals keep working', () => {
  it.each([
    "We won't be back.",
    'I will never go back.',
    'Never again.',
    "Won't return.",
    'Not coming back anytime soon.',
    "I won't be going there anymore.",
    "We don't go there anymore.",
    'Never going back again.',
    'We will not be going back.',
    "I don't think I would go again.",
    "You won't be coming back.",
    'I will never fly with them again.',
  ])('"%s": negative, churn', (text) => {
    expect(sentiment(text).label).toBe('negative');
    expect(churns(text)).toBe(true);
  });
});

describe('bad input around a negated return never throws', () => {
  it.each(['not back', "n't again?", 'back never', 'never', "won't you", 'no back', '? not anymore', "didn't come back"])(
    '"%s"',
    (text) => {
      expect(() => analyzer().analyze({ text })).not.toThrow();
    },
  );
});
