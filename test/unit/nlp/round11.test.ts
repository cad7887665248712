import { describe, expect, it } from 'vitest';
import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { createAnalyzer } from '../../../src/nlp/index.js';
import { analyzer, explained, sentiment } from './helpers.js';

const post = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;
const postItem = (text: string, token: string) =>
  analyzer().analyze({ text, profile: 'social' }).sentiment.explain.find((e) => e.token.toLowerCase() === token);

describe('"so so" as a grade and as a doubled degree word', () => {
  it('before an opinion it stresses the opinion twice ("so so happy", "so so sorry")', () => {
    expect(post('IM SO SO HAPPY FOR YOU').label).toBe('positive');
    expect(postItem('IM SO SO HAPPY FOR YOU', 'happy')?.rules).toContain('intensified');
    expect(post('Thank you so so much').label).toBe('positive');
    expect(post('so so bad').score).toBeLessThan(sentiment('bad').score);
    expect(postItem('so so bad', 'so so')).toBeUndefined();
  });

  it('alone it stays a grade ("the service was so so", "so-so, but not spectacular")', () => {
    expect(post('The service was so so.').label).toBe('negative');
    expect(explained('The dim sum here is only so-so.', 'so-so')?.rules).toContain('phrase');
    expect(explained('Dessert was so so and service was poor.', 'so so')?.rules).toContain('phrase');
  });
});

describe('a curse after "as" stresses the word before it', () => {
  it('"slow as hell" is a stronger complaint, "nice as hell" stronger praise, and "hell" itself scores nothing', () => {
    const slow = post('the flight was slow as hell');
    expect(slow.label).toBe('negative');
    expect(slow.explain.map((e) => e.token)).toEqual(['slow']);
    expect(slow.explain[0]?.steps?.[0]).toMatchObject({ rule: 'intensified', by: 'as hell' });
    expect(slow.score).toBeLessThan(post('the flight was slow').score);
    expect(post('the crew was nice as hell').label).toBe('positive');
    expect(post('funny as heck').score).toBeGreaterThan(0);
    expect(post('sure as hell beats the hold music').score).toBeGreaterThanOrEqual(0);
  });

  it('"hell" elsewhere is still a curse, and "hell yes" an assent', () => {
    for (const text of ['what the hell', 'go to hell', 'Hell no will I go back']) expect(post(text).label, text).toBe('negative');
    expect(post('hell yes').label).toBe('positive');
    expect(post('Hell yeah, finally home').label).toBe('positive');
  });
});

describe('help given with a trouble puts it right', () => {
  it('"helped me with my problem" is no complaint; refused help still is', () => {
    expect(explained('She helped me with my problem.', 'problem')?.rules).toContain('remedied');
    expect(post('Your crew helped our family with seat issues. #professional').label).toBe('positive');
    expect(post('thanks for helping with our baggage issues').label).toBe('positive');
    for (const text of ['nobody was helping with my problem', 'they never helped with the problem', 'can someone help me with my problem']) {
      expect(post(text).label, text).toBe('negative');
    }
  });
});

describe('cold and frozen things', () => {
  it('"freezing" and "froze" complain, of a cabin or of a device', () => {
    for (const text of ['@SouthwestAir freezing in the plane', 'The phone froze twice a day.', 'the app keeps freezing']) {
      expect(post(text).label, text).toBe('negative');
    }
  });

  it('weather named by its kind is no complaint ("will hit freezing rain")', () => {
    expect(explained('Unfortunately we will hit freezing rain on the way home.', 'freezing')).toBeUndefined();
    expect(sentiment('Thanks for the quick reply! We will hit freezing rain on the ride home.').label).toBe('positive');
  });
});

describe('remedies in the present and apologies missed', () => {
  it('a thing that fixes or solves a problem does not complain of it', () => {
    expect(explained('This fixes all the problems.', 'problems')?.rules).toContain('remedied');
    expect(explained('It eliminates the noise problem.', 'problem')?.rules).toContain('remedied');
    expect(sentiment('It never solves the issue.').label).toBe('negative');
  });

  it('"no apologies" is a complaint as "no apology" is; an apology waived is none', () => {
    expect(explained('No apologies during restaurant week.', 'apologies')?.rules).toContain('negated remedy');
    expect(post('@SouthwestAir After an hour\'s wait. No apologies, no explanation.').label).toBe('negative');
    expect(post('@AmericanAir no apologies required. I made it home safe thanks to you!').label).toBe('positive');
    expect(explained('No apologies needed, the food was late but great.', 'apologies')).toBeUndefined();
  });
});

describe('a film sent to the reader in the imperative', () => {
  it('"See it.", "Go watch it!", "GO AND SEE IT!", "Go rent it." recommend', () => {
    for (const text of ['See it.', 'Go watch it!', 'GO AND SEE IT!', 'Go rent it.', 'Watch it with your kids.']) {
      expect(sentiment(text).label, text).toBe('positive');
      expect(sentiment(text).explain[0]?.rules, text).toContain('recommendation');
    }
    expect(sentiment("Don't see it.").label).toBe('negative');
  });

  it('other uses of the verbs are no advice ("See you soon", "Go back to the hotel", "we watched it twice")', () => {
    for (const text of ['See you soon.', 'Go back to the hotel.', 'We watched it twice.', 'I will go see it tomorrow.']) {
      expect(sentiment(text).explain, text).toEqual([]);
    }
  });
});

describe('craft', () => {
  it('"skilled" and "skillful" praise, "unskilled" blames', () => {
    expect(sentiment('But I thought his acting was skilled.').label).toBe('positive');
    expect(sentiment('a skillful chef').label).toBe('positive');
    expect(sentiment('unskilled staff').label).toBe('negative');
  });
});

describe('an aspect noun used as a verb is no aspect', () => {
  it('"holds a charge for a long time" is no long hold; "on hold for a long time" and "the hold was long" are', () => {
    expect(explained('It holds a charge for a long time.', 'long')).toBeUndefined();
    expect(explained('We were on hold for a long time.', 'long')?.rules).toContain('aspect');
    expect(sentiment('The hold was long.').label).toBe('negative');
  });
});

describe('a service withheld', () => {
  it('a negated verb of answering or informing complains ("they never replied", "didn\'t inform me", "I was not updated")', () => {
    for (const text of ['They never replied.', "@USAirways you switched me and didn't inform me", "Your colleagues won't tell us any thing",
      'I was not updated.', 'We have not been contacted.', "I haven't received text updates", 'Never replied.', "I'm not informed of anything"]) {
      expect(post(text).label, text).toBe('negative');
    }
    expect(explained('They never replied.', 'never replied')?.rules).toContain('withheld');
  });

  it('not where the writer is the one who did not answer, is told what not to do, or cannot tell things apart', () => {
    for (const text of ["I didn't reply to them.", "We never told them.", "Please don't tell anyone I eat there.", "You can't tell the difference.",
      'You can never tell what happens next.']) {
      expect(sentiment(text).explain.some((e) => e.rules.includes('withheld')), text).toBe(false);
    }
  });
});

describe('an accusing "why" question', () => {
  it('a negated verb, or the business asked why it did so, complains ("why can\'t I reschedule online?")', () => {
    for (const text of ["@SouthwestAir why can't i reschedule my flight online?", "@USAirways Why haven't you issued a travel advisory for Charlotte?",
      '@americanair why am I not being given a callback option??!', '@SouthwestAir why did you book my hotel twice?!?!']) {
      expect(post(text).label, text).toBe('negative');
      expect(post(text).explain[0]?.rules, text).toContain('accusing question');
    }
    // The negation in it still reads on.
    expect(postItem("why won't you help me get my luggage back?", 'help')?.rules).toContain('negated');
  });

  it('not a visit come to late, a wish that others were as good, "why not?", or a sentence that is no question', () => {
    for (const text of ["Why didn't I come here sooner?", "Why can't every place be like this?", 'Why not?', "Why can't I stop eating these."]) {
      expect(sentiment(text).explain.some((e) => e.rules.includes('accusing question')), text).toBe(false);
    }
  });
});

describe('longing said with dying', () => {
  it('"dying to try it", "would die to see the show" want; "people are dying" does not', () => {
    expect(post("I'm dying to try it").label).toBe('positive');
    expect(post('I would die to see the Vegas show!').label).toBe('positive');
    expect(post('people are dying').label).toBe('negative');
  });
});

describe('idioms of failure and two-letter slang', () => {
  it('"lip service", "You blew it.", "a long time before I recommend them", "a stagnant line"', () => {
    for (const text of ['Or are you happy with this automated lip service?', 'You blew it.', 'Will be a long time before I recommend United to anyone.',
      'Only one agent helping a stagnant line of customers.']) {
      expect(post(text).label, text).toBe('negative');
    }
  });

  it('"h8" hates and "gj" praises in posts', () => {
    expect(post('I h8 u @AmericanAir').label).toBe('negative');
    expect(post('@JetBlue gj guys').label).toBe('positive');
  });
});

describe('price is the price paid, not a billing error', () => {
  const themesOf = (text: string) => analyzer().analyze({ text }).themes.map((t) => `${t.theme}:${t.label}`);

  it('a double charge is billing only; a charge for a dish is still price', () => {
    for (const text of ['Northwind charged me twice this week.', 'Double charged and long wait', 'The app double-charges every order.',
      'got two charges and the refund button just spins.', 'The app charged my card twice.']) {
      expect(themesOf(text), text).toContain('billing-refunds-returns:negative');
      expect(themesOf(text).some((t) => t.startsWith('price:')), text).toBe(false);
    }
    expect(themesOf('They charge $6.00 for rice.').some((t) => t.startsWith('price:'))).toBe(true);
  });

  it('a price that rises is a complaint, one that drops praise', () => {
    expect(themesOf('Third price increase this year.')).toContain('price:negative');
    expect(themesOf('Prices keep rising.')).toContain('price:negative');
    expect(themesOf('They raised prices again.')).toContain('price:negative');
    expect(sentiment('She raised her hand.').explain).toEqual([]);
    expect(themesOf('The prices were reduced.')).toContain('price:positive');
  });

  it('a step-free entrance and a wallet left behind are not about price', () => {
    for (const text of ['Step-free entrance', 'Left my wallet on the counter and a barista ran after me.']) {
      expect(themesOf(text).some((t) => t.startsWith('price:')), text).toBe(false);
    }
  });
});

describe('things named with a praise word', () => {
  it('"gift card" names a card: no praise in "my gift card shows $0"; a gift alone still pleases', () => {
    expect(sentiment('My $25 gift card shows $0 after one use.').explain).toEqual([]);
    expect(sentiment('What a lovely gift!').label).toBe('positive');
  });
});

describe('outdone: praise of something else "than this"', () => {
  it('the thing reviewed is the worse one ("headphones that sound better than these")', () => {
    for (const text of ['Any grandmother can make a roasted chicken better than this one.', "I've bought $5 wired headphones that sound better than these.",
      "I've seen soap operas more intelligent than this movie."]) {
      expect(sentiment(text).label, text).toBe('negative');
      expect(sentiment(text).explain[0]?.rules, text).toContain('outdone');
    }
  });

  it('not where the thing reviewed is the subject, nothing beats it, or "than" compares with something else', () => {
    expect(sentiment('This one is better than this.').label).toBe('positive');
    expect(sentiment('There is nothing more pleasant than this.').label).toBe('positive');
    expect(sentiment('It tastes better than it looks.').label).toBe('positive');
    expect(sentiment('The one on the east side is much better than the one on the west side.').label).toBe('positive');
  });
});

describe('idioms of a verdict', () => {
  it('praise: "a tour de force", "stood the test of time", "grew on me", "cutting-edge", "on the money"', () => {
    for (const text of ['A tour de force.', 'This album has stood the test of time.', 'It grew on me.', 'This movie has a cutting edge to it.',
      'Their analysis was on the money.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('blame: "phoned it in", "jumped the shark", "overstayed its welcome", "paper thin", "a slog", "not my cup of tea"', () => {
    for (const text of ['The actors phoned it in.', 'The series jumped the shark.', 'The film overstayed its welcome.', 'The plot was paper thin.',
      'It was a bit of a slog.', 'Not my cup of tea.', 'Very little music or anything to speak of.', 'Places like this are a dime a dozen.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    // A cup of tea ordered is no idiom.
    expect(sentiment('I had a cup of tea.').explain).toEqual([]);
  });
});

describe('slang of posts', () => {
  it('"ily", "tgif", "she is the goat", "nailed it", "killing it", "💯", "🔥" praise', () => {
    for (const text of ['ily', 'tgif', 'she is the goat', 'you nailed it', 'killing it', '💯💯', '🔥🔥']) expect(post(text).label, text).toBe('positive');
  });

  it('"oof", "rip my weekend", "so over it", "so done with this airline", "that is sus" blame', () => {
    for (const text of ['oof', 'rip my weekend', 'so over it', 'I am so done with this airline', 'that is sus']) {
      expect(post(text).label, text).toBe('negative');
    }
  });

  it('in a review the goat is on the menu', () => {
    expect(sentiment('We had the goat curry.').explain).toEqual([]);
  });
});

describe('devices that fail and things that last', () => {
  it('"tricky to use", "the screen went black" blame; "wears well" praises and its denial blames', () => {
    expect(sentiment('The text messaging feature is really tricky to use.').label).toBe('negative');
    expect(sentiment('After 3 months, screen just went black.').label).toBe('negative');
    expect(sentiment("First of all, it doesn't wear well.").label).toBe('negative');
    expect(sentiment('These boots wear well.').label).toBe('positive');
  });
});

describe('the last visit announced', () => {
  it('"the last time I fly with you", "Last time buying from you." refuse to come back; the past tells a story', () => {
    expect(post('@SouthwestAir I said this is probably the last time I fly Southwest.').label).toBe('negative');
    expect(sentiment('Last time buying from you.').label).toBe('negative');
    expect(sentiment('The last time I went we were seated at a table.').explain).toEqual([]);
    expect(sentiment('The last time I ordered here it was great.').label).toBe('positive');
  });
});

describe('one theme, one count across the software, hotels and telecom packs', () => {
  const themesWith = (packs: string[], text: string) =>
    createAnalyzer({ themes: loadThemePacks(packs), lexicon: loadLexicon() }).analyze({ text }).themes.map((t) => t.theme);

  it('an app\'s price is its plans and its defects its bugs: no second price-value or reliability-defects row', () => {
    const t = themesWith(['general', 'software'], 'The app keeps crashing, and the premium plan is too expensive.');
    expect(t).toEqual(expect.arrayContaining(['bugs-crashes', 'pricing-subscription']));
    expect(t).not.toContain('reliability-defects');
    expect(t).not.toContain('price-value');
    // The replaced theme's words join the pack's ("value for money" was price-value's only).
    expect(themesWith(['general', 'software'], 'Great value for money.')).toEqual(['pricing-subscription']);
  });

  it('a hotel\'s and a carrier\'s price is one theme too', () => {
    expect(themesWith(['general', 'hotels'], 'Expensive, but worth the money.')).toEqual(['hotel-value']);
    expect(themesWith(['general', 'telecom'], 'The price is too high.')).toEqual(['plans-pricing']);
  });
});

describe('transport themes for what airline complaints name', () => {
  const transport = createAnalyzer({ themes: loadThemePacks(['general', 'transport']), lexicon: loadLexicon() });
  const themesOf = (text: string) => transport.analyze({ text, profile: 'social' }).themes.map((t) => t.theme);

  it('rebooking, seat selection and a rewards account are booking matters', () => {
    expect(themesOf('@united 3 hours to rebook and still nothing')).toContain('booking-checkin');
    expect(themesOf('@AmericanAir that undid our seat selections')).toContain('booking-checkin');
    expect(themesOf('@united Your MileagePlus signup page is broken.')).toContain('booking-checkin');
  });

  it('a broken guitar or wheelchair is baggage; a rude supervisor or an attitude is crew', () => {
    expect(themesOf('@united They broke my guitar.')).toContain('baggage');
    expect(themesOf('They broke the wheelchair you loaned me.')).toContain('baggage');
    expect(themesOf('the supervisor refused to give me names')).toContain('crew-onboard');
    expect(themesOf("it's not the fact, it's the attitude!")).toContain('crew-onboard');
    expect(themesOf('the woman working the counter needs to be fired')).toContain('crew-onboard');
  });

  it('the cabin and what is served on board: no heat or a broken toilet is comfort, the food and the channels on-board service', () => {
    expect(themesOf("@SouthwestAir it's too damn cold to be sitting on this runway with no heat!!!!!")).toContain('seats-comfort');
    expect(themesOf("@AmericanAir because your plane's toilet wasn't working")).toContain('seats-comfort');
    expect(themesOf('@AmericanAir served me rubber pasta, do you have any food for human consumption?')).toContain('crew-onboard');
    expect(themesOf('@JetBlue why do you have every channel but ABC?')).toContain('crew-onboard');
  });

  it('a plane that has not left is a delay ("still hasn\'t boarded", "not even off the ground", "let us out of the gate")', () => {
    for (const text of ["@JetBlue #1408 IAD to JFK still hasn't boarded.", '.@SouthwestAir 3 days & still not home. Not even off the ground.',
      '@United can you let us out of the gate now. UA1157', "@SouthwestAir still haven't left @BWI."]) {
      expect(themesOf(text), text).toContain('delays');
    }
  });

  it('"your service sucks" to a carrier is its customer service', () => {
    expect(themesOf('@USAirways your service sucks.')).toContain('customer-service');
    expect(themesOf('@usairways the. Worst. Ever. #customerservice')).toContain('customer-service');
  });
});

describe('short English with one word of another language is still scored', () => {
  it('"kinda sus tbh" (where "sus" is also Spanish) is scored; two Spanish function words still make Spanish', () => {
    const sus = analyzer().analyze({ text: 'kinda sus tbh', profile: 'social' });
    expect(sus.sentiment.scored).toBe(true);
    expect(sus.sentiment.label).toBe('negative');
    const es = analyzer().analyze({ text: 'el servicio fue malo' });
    expect(es.lang).toBe('es');
    expect(es.sentiment.scored).toBe(false);
  });
});

describe('phones that hang up and questions asked in exasperation', () => {
  it('"hanging up on me", "hangs up on you", "still crickets", "would it kill you to …?" complain', () => {
    for (const text of ['@AmericanAir Your 1-800 # has been hanging up on me all day.', '@AmericanAir All I get is an automated system that hangs up on me.',
      '@USAirways still crickets from customer service.', '@usairways would it kill you to let me put my number on my reservation?']) {
      expect(post(text).label, text).toBe('negative');
    }
  });

  it('a real yes/no question about killing is still only a question', () => {
    expect(sentiment('Would it kill the bacteria?').score).toBe(0);
  });
});

describe('service beyond duty and the runaround', () => {
  it('"went the extra mile", "bent over backwards", "built like a tank" praise', () => {
    for (const text of ['She really went the extra mile!', 'The staff bent over backwards for us.', 'Built like a tank.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('"the run around", "left me hanging", "ghosted", "bricked", "musty", "good riddance" blame; children who run around do not', () => {
    for (const text of ['I got the run around today.', 'They left me hanging.', 'Support ghosted me.', 'The update bricked my phone.',
      'The room smelled musty.', 'Good riddance.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('We get to see them run around and play games.').explain).toEqual([]);
  });
});
