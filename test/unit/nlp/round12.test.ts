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
