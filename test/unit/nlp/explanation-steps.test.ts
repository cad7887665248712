import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../src/domain/analysis.js';
import { analyzer, explained } from './helpers.js';

/** The rule names and weights of an explanation's steps, in order. */
const path = (text: string, token: string) => {
  const e = explained(text, token);
  return { base: e?.base, steps: e?.steps?.map((s) => [s.rule, s.by, s.weight]), weight: e?.weight, rules: e?.rules };
};

describe('an explanation shows base weight, then each modifier, then the final weight', () => {
  it('"not very good": the lexicon weight, intensified by "very", negated by "not", final = the last step', () => {
    const p = path('The service was not very good.', 'good');
    expect(p.base).toBe(3);
    expect(p.steps?.map((s) => s[0])).toEqual(['intensified', 'negated']);
    expect(p.steps?.map((s) => s[1])).toEqual(['very', 'not']);
    const [boosted, negated] = p.steps!.map((s) => s[2] as number);
    expect(boosted).toBeGreaterThan(3);
    expect(negated).toBeLessThan(0);
    expect(p.weight).toBe(negated);
    // `rules` names the same modifiers in the same order, as before.
    expect(p.rules).toEqual(['intensified', 'negated']);
  });

  it('praise that sends the reader elsewhere names the place it sends to ("worth searching for another place")', () => {
    const p = path("It's worth searching for another place.", 'worth');
    expect(p.steps?.map((s) => [s[0], s[1]])).toEqual([['redirected', 'another place']]);
    expect(p.weight).toBeLessThan(0);
  });

  it('a word no rule touches has its base as its weight and no steps', () => {
    const e = explained('Great coffee.', 'great');
    expect(e?.base).toBe(e?.weight);
    expect(e?.steps).toBeUndefined();
  });

  it('sentence rules come after word rules: "…but the staff were NOT helpful!" is negated, then capped, then contrast, then "!"', () => {
    const p = path('The room was fine but the staff were not HELPFUL!', 'helpful');
    expect(p.steps?.map((s) => s[0])).toEqual(['negated', 'caps', 'contrast', 'exclamation']);
    expect(p.steps?.find((s) => s[0] === 'contrast')?.[1]).toBe('but');
    expect(p.weight).toBe(p.steps!.at(-1)![2]);
    // The praise before "but" is weakened and says by which word.
    const fine = explained('The room was fine but the staff were not HELPFUL!', 'fine');
    expect(fine?.steps?.[0]).toMatchObject({ rule: 'contrast', by: 'but' });
    expect(Math.abs(fine!.steps![0]!.weight)).toBeLessThan(Math.abs(fine!.base!));
  });

  it('hedges name their words ("kind of good") and the hypothetical names its modal ("could be better")', () => {
    expect(explained('It was kind of good.', 'good')?.steps?.[0]).toMatchObject({ rule: 'diminished', by: 'kind of' });
    const better = explained('The app could be better.', 'better');
    expect(better?.base).toBeGreaterThan(0);
    expect(better?.steps?.[0]).toMatchObject({ rule: 'irrealis', by: 'could' });
    expect(better?.weight).toBeLessThan(0);
  });

  it('praise wished for under a condition shows the condition that zeroed it ("people who want great food … AVOID")', () => {
    const great = path('For people who want great food, this is a place to avoid.', 'great');
    expect(great.base).toBeGreaterThan(0);
    expect(great.rules).toContain('condition');
    expect(great.weight).toBe(0);
  });

  it('a missing remedy ("no refund") and irony ("Great, another update that breaks the app") show what flipped them', () => {
    expect(explained('Charged twice, no refund.', 'refund')?.steps?.[0]).toMatchObject({ rule: 'negated remedy', by: 'no' });
    const great = explained('Great, another update that breaks the app', 'great');
    expect(great?.base).toBeGreaterThan(0);
    expect(great?.steps?.map((s) => s.rule)).toEqual(['irony']);
    expect(great?.weight).toBeLessThan(0);
  });

  it('the new fields survive the Analysis schema (so they are stored) and token/weight stay as before', () => {
    const a = analyzer().analyze({ text: 'Not very good at all, honestly.' });
    const parsed = Analysis.parse(JSON.parse(JSON.stringify(a)));
    expect(parsed.sentiment.explain).toEqual(a.sentiment.explain);
    for (const e of parsed.sentiment.explain) {
      expect(typeof e.token).toBe('string');
      expect(typeof e.weight).toBe('number');
      expect(e.base).toBeTypeOf('number');
    }
  });
});
