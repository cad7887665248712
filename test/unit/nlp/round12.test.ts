import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

const post = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;

describe('feelings and failings named plainly (VADER dictionary words the raters agreed on less)', () => {
  it('blame in posts and reviews alike', () => {
    for (const text of ['I despise this app', 'total snafu at the gate', 'so much confusion at check in', 'I wept', 'the boredom was unbearable',
      'the kid threw a tantrum and the crew did nothing']) {
      expect(post(text).label, text).toBe('negative');
    }
    expect(sentiment('A dearth of good options on the menu.').label).toBe('negative');
  });

  it('keeps words with other senses out ("horror" is a genre, "lower" a price)', () => {
    expect(sentiment('A horror film.').explain).toEqual([]);
    expect(post('please lower the fare').label).not.toBe('negative');
  });
});

describe('words of judgement neither AFINN nor VADER lists (editorials, commentary, how a thing is run)', () => {
  it('conduct and plans judged', () => {
    for (const text of ['The handling of the recall was deplorable.', 'An egregious overcharge.', 'The plan is shortsighted and misguided.',
      'A short-sighted policy.', 'Years of mismanagement have left the line in a precarious state.', 'The launch was a debacle.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    for (const text of ['A commendable effort by the council.', 'A sensible, prudent budget.', 'A productive meeting with constructive feedback.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('idioms of neglect and disgrace, and gimmicks', () => {
    for (const text of ['The regulators were asleep at the wheel.', 'The budget relies on accounting gimmicks.', 'Remarks beneath the dignity of his office.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('AFINN\'s "ominous" (+3) reads as the mild threat it is', () => {
    expect(sentiment('An ominous silence from the company.').label).toBe('negative');
  });
});

describe('everyday life told in posts', () => {
  it('good times and bad ones that no sentiment word names', () => {
    for (const text of ['had a blast at the concert last night', 'I aced my driving test!', 'nailed the interview!', 'cuddling with my cat',
      'got a raise today!!']) {
      expect(post(text).label, text).toBe('positive');
    }
    for (const text of ['my dog passed away this morning', 'cant sleep. again.', "i think i'm coming down with something", "this cold won't go away",
      'my car got towed', 'so over this semester', 'woke up with a migraine', 'stuck in traffic for an hour', 'got a parking ticket, great',
      'i spilled coffee on my white shirt', "can't find my wallet anywhere"]) {
      expect(post(text).label, text).toBe('negative');
    }
  });

  it('praise echoed after "just" is sarcasm ("great, just great"), a praise word limited in a longer sentence is not', () => {
    for (const text of ['Rain again... great, just great', 'Perfect. Just perfect!', 'Wonderful, just wonderful 🙄']) {
      expect(post(text).label, text).toBe('negative');
      expect(post(text).explain.filter((e) => e.token.toLowerCase() !== '🙄').every((e) => e.rules.includes('irony')), text).toBe(true);
    }
    expect(post('It was good, just good, nothing special.').explain.some((e) => e.rules.includes('irony'))).toBe(false);
    expect(post('Nice, just nice food').label).toBe('positive');
  });
});

describe('"far from", "don\'t even", and "how" after a negated verb of knowing or telling', () => {
  it('"far from" denies the word after it ("far from perfect"), "far better" still stresses', () => {
    for (const text of ['It is far from perfect.', 'Graphics is far from the best part of the game.', 'The buffet was far from what I anticipated.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('It is far from perfect.').explain[0]?.steps?.[0]).toMatchObject({ rule: 'negated', by: 'far from' });
    expect(sentiment('It was far better than I expected.').explain[0]?.rules).toContain('intensified');
  });

  it('"don\'t even bother", "don\'t even waste your time" warn as "don\'t bother" does', () => {
    for (const text of ["Don't even bother.", "Otherwise, don't even waste your time on this.", 'do not even bother']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('a word right after "how" is stated, not denied ("I never realized how comfortable these are")', () => {
    for (const text of ['I never realized how comfortable these are.', "You don't know how happy I am.", "I didn't realize how wonderful the ending is."]) {
      expect(sentiment(text).label, text).toBe('positive');
    }
    expect(sentiment("I can't describe how awful it was.").label).toBe('negative');
    expect(sentiment("I don't care how cool it looks, it is worthless.").label).toBe('negative');
    expect(sentiment("I don't care how cool it looks.").label).toBe('negative');
  });
});

describe('film and craft criticism AFINN lacks', () => {
  it('clumsy craft, an existence questioned, and "best" of a manner of saying', () => {
    for (const text of ['The direction is astonishingly ham-fisted.', 'A below-par script and cheap-looking sets.', 'The acting was stagy.',
      'The plot has more holes than swiss cheese.', 'This makes little sense.', 'Why was this film made?', 'Who thought this was a good idea?',
      'Lame would be the best way to describe it.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('The best way to spend an evening.').label).toBe('positive');
  });
});

describe('more film faults, and attention held', () => {
  it('blame', () => {
    for (const text of ["The flat reenactments don't hold your attention.", "I couldn't take them seriously.", 'It was a very superficial movie.',
      'Even if you love bad movies, do not watch this movie.', 'Whatever prompted such a documentary is beyond me!', 'just one big yawn']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('It held my attention from start to finish.').label).toBe('positive');
  });
});

describe('product faults and regret', () => {
  it('"enough" right after a negated word is a measure it falls short of; praise past its limit still stresses', () => {
    expect(sentiment('Could not get strong enough signal.').label).toBe('negative');
    expect(sentiment("I can't recommend it enough.").explain[0]?.rules).toContain('intensified');
    expect(sentiment("Cant say enough good things about this place.").label).toBe('positive');
    expect(sentiment("I've heard good things about this place.").explain).toEqual([]);
  });

  it('regret, misfortune and a device destroyed', () => {
    for (const text of ['I wish I could return the unit and get back my money.', 'Without the receipt I was out of luck.',
      'I could not stand having these in my ear.', 'Lasted one day and then blew up.', 'A communications tool that does not communicate.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(post('my phone blew up with messages').label).not.toBe('negative');
  });
});

describe('more verdicts of a visit', () => {
  it('blame said through idiom, ideal and understatement', () => {
    for (const text of ["I won't be revisiting.", 'It is not my idea of a good meal.', 'Spend your money and time some place else.',
      'Definitely lost the love after this one!', 'The live music totally blows.', 'Con: spotty service.', 'They poured salt in the wound.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('We will definitely be revisiting.').label).toBe('positive');
    expect(sentiment('It blows cold air.').explain).toEqual([]);
  });
});

describe('deceit and shame said plainly in posts', () => {
  it('"another blatant lie", "this is BS", "humiliating"; a BS degree is no blame', () => {
    for (const text of ['@USAirways Another blatant lie from @USAirways', 'This is BS.', 'total BS', 'Their response is humiliating',
      'felt like a bait and switch']) {
      expect(post(text).label, text).toBe('negative');
    }
    expect(post('I got a BS in biology').explain).toEqual([]);
  });
});

describe('posts typed loosely', () => {
  it('"ill be" is "I\'ll be", "I feel ill" still illness; "nuts for you" is fondness', () => {
    expect(post('This is exactly why ill be flying AA! Only airline I trust!').label).toBe('positive');
    expect(post('I feel ill').label).toBe('negative');
    expect(post("Another reason I'm nuts for you!").label).toBe('positive');
  });
});

describe('a film that moves or stays with the viewer', () => {
  it('praise without a praise word, and "iffy"', () => {
    for (const text of ['Macbeth moved me to tears with his final monolog.', 'The movie will stay with you for a long time.', 'It has everything you could want.']) {
      expect(sentiment(text).label, text).toBe('positive');
    }
    expect(sentiment('The terminology is a bit iffy.').label).toBe('negative');
  });
});

describe('products that fail plainly, and things named with a sentiment word', () => {
  it('"who in their right mind", "only worked once"; an alarm clock is no alarm', () => {
    for (const text of ['Who in their right mind is gonna buy this battery?', 'I think it only worked once.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    expect(sentiment('It fits into my alarm clock docking station.').explain.map((e) => e.token)).not.toContain('alarm');
  });
});

describe('a thing as promised, bought again, copied badly or coming apart', () => {
  it('idioms of a purchase', () => {
    for (const text of ['I would buy this again in a heartbeat.', 'It does exactly what it says on the box.']) expect(sentiment(text).label, text).toBe('positive');
    for (const text of ['The sequel is a pale imitation of the original.', 'Paint started peeling within a month.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
  });
});

describe('a date written like a grade', () => {
  it('"4/30-5/5", "on 5/5", "5/5/2015", "5/5 to 5/9" are dates; "I give it 5/5", "10/10" grades', () => {
    for (const text of ['trip 4/30-5/5 booked', 'see you on 5/5!', 'landed 5/5/2015', 'dates 5/5 to 5/9']) expect(post(text).explain, text).toEqual([]);
    for (const text of ['I give it 5/5', 'Flight was 10/10', 'I rate this movie 9/10.']) {
      expect(post(text).explain[0]?.rules, text).toContain('rating');
    }
  });
});

describe('a lone praise word closing a complaint after a comma', () => {
  it('mocks it ("Flight delayed again, perfect."), but not after a contrast or praise', () => {
    for (const text of ['Stuck on the tarmac for an hour, great.', 'Flight delayed again, perfect.', 'flat tire on the highway, perfect timing']) {
      expect(post(text).label, text).toBe('negative');
      expect(post(text).explain.at(-1)?.rules, text).toContain('irony');
    }
    for (const text of ['The food was cold, but the service, great.', 'Got upgraded to first class, great!', 'Loved the view, great.']) {
      expect(post(text).explain.some((e) => e.rules.includes('irony')), text).toBe(false);
    }
  });
});

describe('a visit endured, a greeting never given', () => {
  it('blame without a blame word', () => {
    for (const text of ['First time there and might just be the last.', 'I could barely stomach the meal.', 'Not even a "hello, we will be right with you."',
      "I'd rather eat airline food."]) {
      expect(sentiment(text).label, text).toBe('negative');
    }
  });
});

describe('a thing that breaks as a habit, a weight not felt', () => {
  it('"then break" blames, "I hardly notice it is there" praises', () => {
    expect(sentiment('They work about 2 weeks then break.').label).toBe('negative');
    expect(sentiment('Light weight, I hardly notice it is there.').label).toBe('positive');
  });
});
