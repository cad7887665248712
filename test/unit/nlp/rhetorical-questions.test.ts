import { describe, expect, it } from 'vitest';
import { analyzer } from './helpers.js';

const PROFILES = ['social', 'reviews'] as const;
const inBoth = (text: string) => PROFILES.map((profile) => analyzer().analyze({ text, profile }).sentiment);

/** Every profile reads `text` with `label`. */
function expectLabel(text: string, label: 'positive' | 'negative' | 'neutral'): void {
  for (const [k, s] of inBoth(text).entries()) expect(s.label, `${PROFILES[k]}: ${text}`).toBe(label);
}

describe('when a question is asked in disbelief ("Are you kidding me?")', () => {
  it('the disbelief is a complaint in every profile, though it opens like a yes/no question', () => {
    for (const text of [
      'Are you kidding me?',
      'ARE YOU KIDDING ME?!',
      'Are you kidding with me?',
      'Are you serious?',
      'Are you guys serious about this?',
      'r u serious?',
      'Is this a joke?',
      "You've got to be kidding me",
      'you gotta be kidding me',
    ]) expectLabel(text, 'negative');
  });

  it('the yes/no question zeroes nothing there, and still zeroes the opinion it asks about', () => {
    const [s] = inBoth('Are you kidding me?');
    expect(s!.explain.some((e) => e.rules.includes('question'))).toBe(false);
    expectLabel('Is the food good?', 'neutral');
    expectLabel('Are you open on Sunday?', 'neutral');
    expectLabel('Is the seat comfortable?', 'neutral');
    expectLabel('Are you happy with the seats? Let us know!', 'neutral');
  });

  it('"no kidding" and "I am not kidding" agree or vouch: no complaint', () => {
    expectLabel('I am not kidding, it was the best flight ever.', 'positive');
    for (const s of inBoth('No kidding! Great job.')) expect(s.explain.some((e) => /kidding/i.test(e.token))).toBe(false);
  });
});

describe('when "Seriously?" or "Really?" is a sentence of its own', () => {
  it('it exclaims at what was just told: a complaint', () => {
    for (const text of [
      'Seriously?',
      'What did you do with my seat. International connection. Seriously?',
      '2 hours on the tarmac. REALLY?!',
      'seriously??? did you not see that I have spent 2 days on hold',
      'srsly?',
    ]) {
      expectLabel(text, 'negative');
      expect(inBoth(text)[0]!.explain.some((e) => e.rules.includes('exasperated')), text).toBe(true);
    }
  });

  it('as a degree word or inside a sentence it is no complaint', () => {
    expectLabel('This is some seriously good pizza.', 'positive');
    expectLabel('Really great crew, thanks!', 'positive');
    expectLabel('Did you really enjoy the show?', 'neutral');
    for (const s of inBoth('Seriously. Kudos to the pilot.')) expect(s.explain.some((e) => e.rules.includes('exasperated'))).toBe(false);
  });
});

describe('when a question denies a purpose or a deed ("What\'s the point?", "Who does that?")', () => {
  it('it is a complaint', () => {
    for (const text of [
      "What's the point?",
      "what's the point of a free checked bag if you lose it?",
      'What is the point of a tracking code if you cannot find my bag?',
      'Who does that?',
    ]) expectLabel(text, 'negative');
  });

  it('other senses of "point" are left alone', () => {
    expectLabel('At this point the service has been great.', 'positive');
    for (const s of inBoth("That's the point of the tasting menu.")) expect(s.explain).toEqual([]);
  });
});

describe('when a question says a thing should be easy ("How hard is it to answer a phone?")', () => {
  it('it is a complaint, more than a faint "hard"', () => {
    for (const text of ['How hard is it to answer a phone?', 'how hard can it be to have catering ready?', 'How difficult is it to send a refund?']) {
      expectLabel(text, 'negative');
      for (const s of inBoth(text)) expect(s.score, text).toBeLessThan(-0.3);
    }
    expectLabel('Why is it so hard to get a refund?', 'negative');
  });

  it('"no matter how hard" and "how hard I tried" are not matched', () => {
    for (const s of inBoth('No matter how hard it is, the staff always make it great.')) {
      expect(s.explain.some((e) => /how hard/i.test(e.token))).toBe(false);
    }
  });
});

describe('when a question denies the praise it names ("What good is that to me?", "How is this acceptable?")', () => {
  it('the praise word reads as blame', () => {
    for (const text of [
      'Literally all it says is "Case open". What good is that to me?',
      'What good does a voucher do if there are no flights?',
      'How is this acceptable?',
      "So how's that fair?",
      'how is it ok to leave us on the tarmac for 3 hours?',
    ]) {
      expectLabel(text, 'negative');
      expect(inBoth(text)[1]!.explain.some((e) => e.rules.includes('rhetorical')), text).toBe(true);
    }
  });

  it('praise exclaimed, wondered at or asked for keeps its reading', () => {
    expectLabel('What good food!', 'positive');
    expectLabel('How is this place so good?', 'positive');
    expectLabel('How was the food? Good?', 'positive');
    expectLabel('The wait was fair. How is the new menu?', 'positive');
    expectLabel('How is this acceptable. I loved it.', 'positive');
  });
});

describe('every shape, on input that is cut short', () => {
  it('never throws', () => {
    for (const text of ['?', 'what good?', 'how is?', "how's", 'Are you?', 'are you kidding', 'seriously', '??? really', 'so how', 'what good is']) {
      for (const s of inBoth(text)) expect(Number.isFinite(s.score), text).toBe(true);
    }
  });
});
