import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const post = (text: string) => analyzer().analyze({ text, profile: 'social' }).sentiment;

describe('help and care refused', () => {
  it('in a post to a brand, where "help" and "care" alone are requests, refusing them is a complaint', () => {
    for (const text of ["@AmericanAir ...2/2 doesn't help me.", '@united customer service will not help.', '@JetBlue doesnt help if I have to fly on specific days',
      '@AmericanAir this company does not care about their customers.', "@united they didn't care either."]) {
      expect(post(text).label, text).toBe('negative');
    }
    // The request itself stays neutral.
    expect(post('@united please help, my bag is at the wrong airport').score).toBeLessThanOrEqual(0);
    expect(post('@united can you help me rebook?').score).toBe(0);
  });

  it('in reviews too ("the warm beer didn\'t help", "the menu was no help")', () => {
    expect(explained("The warm beer didn't help.", 'did not help')?.weight ?? explained("The warm beer didn't help.", "didn't help")?.weight).toBeLessThan(0);
    expect(sentiment('The menu was no help.').label).toBe('negative');
  });

  it('"couldn\'t help" before a gerund or "but" is no refusal', () => {
    expect(sentiment("I couldn't help laughing at the ending.").score).toBeGreaterThanOrEqual(0);
    expect(sentiment("I couldn't help but smile.").label).toBe('positive');
    expect(explained("I can't help loving this place.", 'loving')?.rules).not.toContain('negated');
  });
});
