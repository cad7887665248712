import { describe, expect, it } from 'vitest';
import { explained, sentiment } from './helpers.js';

const rulesOf = (text: string, token: string) => explained(text, token)?.rules ?? [];

describe('a failure put right ("They fixed the problem quickly")', () => {
  it('blame that a remedy in its clause puts right counts for nothing, active or passive', () => {
    for (const [text, token] of [
      ['They fixed the problem quickly.', 'problem'],
      ['The agent solved the problem.', 'problem'],
      ['They resolved my issue in minutes.', 'issue'],
      ['The issue was resolved in minutes.', 'issue'],
      ['Thank you for fixing my 5 hour delay.', '5 hour delay'],
    ] as const) {
      expect(rulesOf(text, token), text).toContain('remedied');
      expect(sentiment(text).label, text).toBe('positive');
    }
  });

  it('a remedy denied or asked for leaves the failure standing', () => {
    expect(rulesOf('They never fixed the problem.', 'problem')).toContain('remedy denied');
    for (const text of ['They never fixed the problem.', 'The issue was not resolved.', 'They need to fix the problem.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
    // "never had a problem" is no remedy: it stays faint praise.
    expect(sentiment('I never had a problem.').label).toBe('positive');
  });

  it('not past a new subject or a conjunction, and "handled" takes a manner', () => {
    expect(rulesOf("Resolved and I'm sick of waiting.", 'sick')).not.toContain('remedied');
    expect(sentiment('Your handling of this was a joke.').label).toBe('negative');
    expect(sentiment('The themes are handled ineptly.').label).toBe('negative');
  });

  it('thanks for a remedy of a failure are thanks, not sarcasm', () => {
    expect(rulesOf('Thank you for compensating us for our lost bags.', 'thank')).not.toContain('irony');
    expect(rulesOf('Thanks for losing my bag.', 'thanks')).toContain('irony');
  });
});
