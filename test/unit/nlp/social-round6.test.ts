import { describe, expect, it } from 'vitest';
import { analyzer } from './helpers.js';

const social = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;
const reviews = (text: string) => analyzer().analyze({ text, profile: 'reviews' }).sentiment;
const item = (s: ReturnType<typeof social>, re: RegExp) => s.explain.find((e) => re.test(e.token));

describe('a speech act in a frame of wanting: "I just wanted to say the crew was great"', () => {
  it('wanting to thank, say or compliment is doing it: the praise after it is no letdown', () => {
    for (const text of [
      'I just wanted to say the crew was the best tonight',
      'I wanted to thank the great efforts of Jamie at the gate',
      'Wanted to compliment your phone agent, so helpful',
      'I want to give a warm thanks to your crew at Logan!',
    ]) {
      const s = social(text);
      expect(s.explain.every((e) => !e.rules.includes('irrealis')), text).toBe(true);
      expect(s.label, text).toBe('positive');
    }
    expect(reviews('I just wanted to say the staff were amazing').label).toBe('positive');
  });

  it('a wish that was let down stays one', () => {
    for (const text of ['I wanted to love this place', 'I really wanted to give this place a great review, but', 'I wanted to like it']) {
      expect(reviews(text).explain.some((e) => e.rules.includes('irrealis')), text).toBe(true);
      expect(reviews(text).label, text).not.toBe('positive');
    }
    // Giving without a word of thanks is the rating wished for, not a speech act.
    expect(item(reviews('I wanted to give it 5 stars, but the service was slow'), /stars/)?.rules).toContain('irrealis');
  });
});

describe('a wait that goes on: "I still haven\'t received my bag"', () => {
  it('"still" before a negation that denies no opinion is a complaint', () => {
    for (const text of ['I still haven\'t received my bag', '3 days and still not home.', 'we still don\'t have a seat assignment', 'bags still have not arrived', 'why is customer relations still not open?!']) {
      const s = social(text);
      expect(item(s, /^still/i)?.rules, text).toContain('still not');
      expect(s.label, text).toBe('negative');
    }
  });

  it('a negation after "still" that denies an opinion is read as before, and "still" alone is nothing', () => {
    expect(item(social('still not good'), /good/)?.rules).toContain('negated');
    expect(social('still not good').explain.some((e) => e.rules.includes('still not'))).toBe(false);
    expect(social('still haven\'t been disappointed').label).toBe('positive');
    expect(social('still no complaints, great crew').label).toBe('positive');
    // "still no refund" stays a negated remedy, counted once.
    const refund = social('still no refund');
    expect(refund.explain).toHaveLength(1);
    expect(refund.explain[0]!.rules).toContain('negated remedy');
    for (const text of ['I still fly with them every week', 'not sure if it is still on time']) {
      expect(social(text).explain.some((e) => e.rules.includes('still not')), text).toBe(false);
    }
    // "not even" keeps its reading after "still".
    expect(social('they still hadn\'t even brought the check').explain.some((e) => e.rules.includes('not even'))).toBe(true);
  });
});

describe('lexicon blocks of round 6: "still sitting", "non-stop", "would love" told to a brand', () => {
  it('"still sitting" is a wait that goes on, in posts and reviews', () => {
    for (const text of ['118 to Boston still sitting', 'Nope, still sitting at the gate!']) expect(social(text).label, text).toBe('negative');
    expect(reviews('the dirty plates were still sitting on our table').label).toBe('negative');
    expect(social('sitting at the gate, boarding soon').label).toBe('neutral');
  });

  it('"non-stop" and "one-stop" are kinds of flight, not the verb "stop"', () => {
    for (const text of ['just announced non-stop flights to Dallas', 'nonstop or one-stop connections year-round', 'now flying non stop CMH-OAK']) {
      expect(social(text).explain.some((e) => /stop/i.test(e.token)), text).toBe(false);
    }
    // The verb keeps its sense: "my non stop now has an unscheduled stop".
    expect(item(social('my non stop now has an unscheduled stop'), /^stop$/)?.weight).toBeLessThan(0);
  });

  it('"would love" told to a brand is a wish, not praise; love itself and a return promised still praise', () => {
    for (const text of ['@united would love an upgrade or voucher, please call me', 'would love to go to Hawaii', 'I would really love to see more flights out of here']) {
      expect(social(text).label, text).toBe('neutral');
    }
    expect(social('I love you guys').label).toBe('positive');
    expect(item(social('I would love to come back'), /come back/)?.rules).toContain('promised return');
    // Reviews keep "would love" as praise ("would love to try the rest of the menu").
    expect(reviews('would love to try the rest of the menu').label).toBe('positive');
  });
});

describe('praise that names what is asked for: "What\'s the best way to get a receipt?"', () => {
  it('a wh-word and a copula before the word, in a question, ask for a choice and judge nothing', () => {
    for (const text of ['What is the best credit card to use?', "What's my best option?", "what's the easiest way to get a ticket receipt?", "what's a good number to call?"]) {
      const s = social(text);
      expect(s.explain.some((e) => e.rules.includes('asked')), text).toBe(true);
      expect(s.label, text).toBe('neutral');
    }
  });

  it('exclamations, statements and other questions keep their praise', () => {
    for (const text of ['What a great flight!', 'the best airline ever, what is it?', 'What is the best airline. You are', 'Is this the best seat?']) {
      expect(social(text).explain.some((e) => e.rules.includes('asked')), text).toBe(false);
    }
    expect(social('What a great flight!').label).toBe('positive');
  });

  it('never throws on a question made only of the frame', () => {
    for (const text of ['what is the best?', "what's?", '? best', 'the best?']) expect(() => social(text), text).not.toThrow();
  });
});
