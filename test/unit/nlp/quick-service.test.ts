import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

const rules = (text: string) => sentiment(text).explain.flatMap((e) => e.rules);

describe('speed praised is no time lost', () => {
  it('"Oil change took 20 minutes, in and out." praises; the span is no wasted time', () => {
    const text = 'Oil change took 20 minutes, in and out.';
    expect(sentiment(text).label).toBe('positive');
    expect(explained(text, 'took 20 minutes')!.weight).toBe(0);
    expect(explained(text, 'took 20 minutes')!.rules).toContain('quick');
  });

  it.each(['We were in and out in 20 minutes.', 'Got in and out quickly.', 'Took 25 minutes, very efficient.', 'They fixed it quickly, took 15 minutes.'])(
    '"%s" praises',
    (text) => expect(sentiment(text).label).toBe('positive'),
  );

  it('a job of a few minutes is quick ("The oil change took 8 minutes."); a wait of as many is not', () => {
    expect(rules('The oil change took 8 minutes.')).not.toContain('wasted time');
    expect(rules('We waited 5 minutes.')).toContain('wasted time');
    expect(rules('on hold for 5 minutes')).toContain('wasted time');
  });
});

describe('speed said with a negator praises', () => {
  it.each(['Our food came out in no time.', 'It took no time at all.', 'There was no wait.', "We didn't have to wait at all.", "The food didn't take long."])('"%s"', (text) => {
    expect(sentiment(text).label).toBe('positive');
  });

  it('a missing waiter is still blame ("There was no wait staff in sight.")', () => {
    expect(sentiment('There was no wait staff in sight.').label).toBe('negative');
  });
});

describe('time gained is no time lost', () => {
  it.each(['You got us in almost an hour early.', 'We landed over 20 minutes ahead of schedule.'])('"%s"', (text) => {
    expect(rules(text)).not.toContain('wasted time');
    expect(sentiment(text).score).toBeGreaterThanOrEqual(0);
  });

  it('a wait before something is still time lost ("waited for 15 minutes before being acknowledged")', () => {
    expect(rules('I waited for another 15 minutes before being acknowledged.')).toContain('wasted time');
  });
});

describe('what stays time lost, and "in and out" that is movement', () => {
  it.each([
    'It took 20 minutes to be acknowledged.',
    'Oil change took 20 minutes.',
    // An adjective of speed in the span's clause describes something else.
    'It took 30 minutes for a quick sandwich.',
    // A contrast sets the speed against the wait.
    'We got seated fast, but waited 40 minutes to order.',
  ])('"%s" is a complaint', (text) => {
    expect(rules(text)).toContain('wasted time');
    expect(rules(text)).not.toContain('quick');
    expect(sentiment(text).label).toBe('negative');
  });

  it.each(['It happens every time in and out of Newark.', 'The sound keeps cutting in and out.', 'People walking in and out all the time.'])(
    '"%s": movement, no praise',
    (text) => {
      expect(explained(text, 'in and out')?.weight ?? 0).toBe(0);
      expect(sentiment(text).score).toBeLessThanOrEqual(0);
    },
  );
});
