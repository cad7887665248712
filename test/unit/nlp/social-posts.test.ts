import { describe, expect, it } from 'vitest';
import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { createAnalyzer } from '../../../src/nlp/index.js';
import { explained, sentiment } from './helpers.js';

const social = createAnalyzer({ themes: loadThemePacks(['general', 'transport']), lexicon: loadLexicon(), profile: 'social' });
const post = (text: string) => social.analyze({ text }).sentiment;

describe('posts to a brand: courtesy, questions, sarcastic thanks, hashtags', () => {
  it('a closing "Thank you." after a question or request is courtesy, not praise', () => {
    for (const t of ['Is there any way to speak to a human? Thank you.', 'My bag never arrived, pls advise. Thanks', 'Can you check my booking? Thanks in advance!']) {
      expect(sentiment(t).label, t).not.toBe('positive');
    }
    expect(explained('Is there any way to speak to a human? Thank you.', 'Thank')?.rules).toContain('courtesy');
    // Thanks that stand alone, or thank someone for something, are still praise.
    expect(sentiment('Thank you!').label).toBe('positive');
    expect(sentiment('The crew were great. Thanks!').label).toBe('positive');
  });

  it('a yes/no question asks and does not state ("Is this a problem?"); "why" questions and rhetorical ones still count', () => {
    for (const t of ['Is this a problem?', 'Do you expect delays tomorrow?', 'Can I get a refund for the cancelled leg?']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(explained('Is this a problem?', 'problem')?.rules).toContain('question');
    expect(sentiment('Why is my flight delayed?').label).toBe('negative');
    expect(explained('Is it possible to get any worse than this?', 'worse')?.rules ?? []).not.toContain('question');
  });

  it('"thanks for" a failure is sarcasm ("Thanks for the lack of help"), thanks for a favour is not', () => {
    expect(sentiment('Thanks for the lack of help').label).toBe('negative');
    expect(explained('Thanks for the lack of help', 'Thanks')?.rules).toContain('irony');
    expect(sentiment('Thank you for the quick reply').label).toBe('positive');
  });

  it('thanks for not doing what is owed is sarcasm ("thanks for not responding"); for sparing the customer it is not', () => {
    for (const t of ['Thanks for not responding.', 'Thank you for never calling back.', 'Thanks for not letting us know.']) {
      expect(sentiment(t).label, t).toBe('negative');
      expect(explained(t, t.split(' ')[0]!)?.rules, t).toContain('irony');
    }
    expect(sentiment('Thanks for not charging me!').label).toBe('positive');
  });

  it('hashtags of words run together score (#unitedsucks, #nothappy, #neveragain, #worstairlineever)', () => {
    for (const t of ['Flight delayed again #unitedsucks', 'Sitting at the gate #nothappy', 'Booked with them #neveragain', 'Hour on hold #worstairlineever']) {
      expect(post(t).label, t).toBe('negative');
    }
    expect(post('#notimpressed').explain[0]?.rules).toContain('hashtag');
    // Capitals tell the parts: camel case is read where a part is an opinion, a name in title case not at all.
    for (const t of ['#BadCustomerService', '#NotHappy', '#UnitedAirlinesSucks', '#WORSTAIRLINEEVER', '#ITproblems']) {
      expect(post(t).label, t).toBe('negative');
    }
    for (const t of ['Flights to the #MiddleEast', 'Landed at #LaGuardia', 'Flying #Emirates', 'Flights from #Chicago', '#GoPatriots']) {
      expect(post(t).label, t).toBe('neutral');
    }
    // Only after "#": in running text a word is not split ("badminton" holds "bad").
    expect(sentiment('We played badminton after the flight').label).toBe('neutral');
    // A hashtag stands apart: "no" before it does not negate it.
    expect(post("no they aren't #WORSTCUSTOMERSERVICE").label).toBe('negative');
  });

  it('a word zeroed in the lexicon is not found again through its inflection ("hopefully" is not "hopeful")', () => {
    expect(sentiment('Hopefully the new one arrives on Monday').label).toBe('neutral');
    expect(explained('Hopefully the new one arrives on Monday', 'Hopefully')).toBeUndefined();
  });

  it('flags and travel objects are no opinion; the eye roll is', () => {
    expect(post('Off to Paris 🇫🇷 in seat 4C 💺 ✈️').label).toBe('neutral');
    expect(post('Delayed again 🙄').label).toBe('negative');
    expect(post('Boarding now 🙄').label).toBe('negative');
  });
});

describe('the transport pack: queues apart from delays', () => {
  const themes = (text: string) => social.analyze({ text }).themes.map((t) => t.theme);

  it('lines at check-in, security and boarding are `queues`; a late departure is `delays`', () => {
    expect(themes('The security line is out the door and only one agent working')).toContain('queues');
    expect(themes('Line is 15 ppl deep at the check-in counter')).toContain('queues');
    expect(themes('Flight delayed 2 hours, we missed our connection')).toContain('delays');
    expect(themes('Flight delayed 2 hours, we missed our connection')).not.toContain('queues');
  });

  it('an airline, a boarding pass or a deadline is no queue', () => {
    for (const t of ['Worst airline ever', 'My boarding pass will not load', 'Missed the deadline for the refund']) {
      expect(themes(t), t).not.toContain('queues');
    }
  });

  it('a long queue is a negative queues theme', () => {
    expect(social.analyze({ text: 'The queue at security was long and the staff rude' }).themes.find((t) => t.theme === 'queues')?.label).toBe('negative');
  });
});

describe('a hashtag is split only into words', () => {
  it('"#dietcoke" is no "die" + "tcoke", "#directflights" no opinion; "#unitedsucks", "#worstairlineever" still read', () => {
    for (const t of ['just missing a cup holder for my #dietcoke', 'new #directflights to Denver']) {
      expect(sentiment(t).explain.some((e) => e.rules.includes('hashtag')), t).toBe(false);
    }
    for (const t of ['#unitedsucks', '#worstairlineever', '#badservice']) expect(sentiment(t).label, t).toBe('negative');
  });
});

describe('courtesy and status words in posts', () => {
  const post = (text: string) => createAnalyzer({ lexicon: loadLexicon(), profile: 'social' }).analyze({ text }).sentiment;
  it('"You\'re welcome." answers thanks and "in progress" is a status: neither praises in a post', () => {
    for (const t of ["@acme You're welcome.", '@acme your welcome', 'my application is in progress']) expect(post(t).label, t).toBe('neutral');
    expect(post('Great progress on the new app!').label).toBe('positive');
  });
});
