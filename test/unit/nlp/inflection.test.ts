import { describe, expect, it } from 'vitest';
import { explained, score } from './helpers.js';

describe('dictionary-checked inflection', () => {
  it('a word that only looks inflected is not scored as its lookalike stem ("dudes" is not "dud", "number" not "numb")', () => {
    expect(explained('These dudes know their stuff', 'dudes')).toBeUndefined();
    expect(explained('Call the 800 number for bookings', 'number')).toBeUndefined();
    expect(score('Call the 800 number for bookings')).toBe(0);
  });

  it('real inflections still find their base word', () => {
    expect(explained('We could not be happier', 'happier')).toBeDefined();
    expect(explained('The cleanest room I have stayed in', 'cleanest')?.weight).toBeGreaterThan(0);
    expect(explained('It failed horribly', 'horribly')?.weight).toBeLessThan(0);
    expect(explained('Three duds in a row', 'duds')?.weight).toBeLessThan(0);
  });
});
