import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

describe('complaints told as facts, with no sentiment word', () => {
  it('time lost ("on the phone for 45 minutes", "3 hours late", "40 min delay", "waited 2.5 hrs") is negative', () => {
    for (const t of ['I was on the phone for 45 minutes.', 'Flight 1234 landed 3 hours late', 'Another 40 min delay at the gate', 'We waited 2.5 hrs at the gate']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(explained('I was on the phone for 45 minutes.', 'for 45 minutes')?.rules).toEqual(['wasted time']);
  });

  it('a hedged number, a number in words, and a wait that should not have been ("took close to 30 minutes", "waited thirty minutes", "shouldn\'t take 30 min")', () => {
    for (const t of ['Drinks took close to 30 minutes to come out.', 'We waited for thirty minutes to be seated.', "It shouldn't take 30 min for pancakes.", 'It should not take an hour to get a burger.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    // An estimate is no wait endured, and a short one no wait at all.
    for (const t of ['It will take about 20 minutes to get there.', 'It will take an hour to get there.', 'Service took only 10 minutes.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
  });

  it('without a numeral too ("for an hour", "for hours", "an hour late"), found from the time unit', () => {
    for (const t of ['We stood at baggage claim for an hour', 'Sat at the gate for hours', 'Landed an hour late again']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(explained('We stood at baggage claim for an hour', 'for an hour')?.rules).toEqual(['wasted time']);
    expect(sentiment('The hotel is an hour away from the airport').label).toBe('neutral');
  });

  it('"finally" before an arrival is a wait ("we were finally seated", "the wine finally arrived"); the reviewer\'s own "finally" and a relief are not', () => {
    for (const t of ['When we were finally seated, the waitress took our order.', 'Our wine finally arrived.', 'The food finally came out.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('I finally decided to go in.').label).toBe('neutral');
    expect(sentiment('Finally, a good pizza place!').label).toBe('positive');
  });

  it('a duration that is only a schedule or a length ("in 9 hours", "a 2 hour flight", "5 minutes from the gate") stays neutral', () => {
    for (const t of ['My flight boards in 9 hours', 'It is a 2 hour flight to Denver', 'The hotel is 5 minutes from the terminal']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
  });

  it('a negation does not undo time lost ("haven\'t had my bag for 3 days")', () => {
    expect(sentiment("I haven't had my bag for 3 days").label).toBe('negative');
    expect(explained("I haven't had my bag for 3 days", 'for 3 days')?.rules).not.toContain('negated');
  });

  it('waiting, broken channels, travel mishaps and giving up are negative events', () => {
    for (const t of [
      'Been on hold since noon',
      'Still waiting on my refund request',
      'Your site is down again',
      'Missed my connection in Denver',
      'Stranded in Chicago tonight',
      'I gave up and drove home',
      'The app keeps timing out at check in',
    ]) {
      expect(sentiment(t).label, t).toBe('negative');
    }
  });

  it('failing to get something done and being told ("can\'t get through", "unable to", "was told") are negative, "can\'t get enough" is not', () => {
    for (const t of ["I can't get anyone on the phone", 'Unable to change my seat online', 'I was told my bag would be on the next flight']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment("I can't get enough of these window seats").label).toBe('positive');
    expect(sentiment("The crew couldn't get any better").label).toBe('positive');
    expect(sentiment("I can't get over how friendly the crew was").label).toBe('positive');
  });

  it('a real sentiment word still decides: "on hold, but the agent was wonderful and fixed everything" is positive', () => {
    expect(sentiment('I was on hold for a bit, but the agent was wonderful and fixed everything').label).toBe('positive');
  });
});
