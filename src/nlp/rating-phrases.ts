import { Kind, type Token } from './tokenize.js';

const NUMBER_WORDS = new Map<string, number>(Object.entries({
  zero: 0, no: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, half: 0.5,
}));
/** Scales a written grade may use ("7/10", "4 out of 5"); "24/7" and "1/2" are not grades. */
const SCALES = new Set([5, 10, 100]);
/** Valence of the best and worst grade, on the AFINN scale. */
const MAX_VALENCE = 4;

/** A number written as a word ("five") that may start a grade. */
export function isNumberWord(w: string): boolean {
  return NUMBER_WORDS.has(w);
}

function numberOf(t: Token | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === Kind.Number) {
    const v = Number(t.norm);
    return Number.isFinite(v) ? v : undefined;
  }
  return NUMBER_WORDS.get(t.norm);
}

/**
 * A grade written in the text, starting at token i: "5 stars", "one star", "zero stars", "7/10", "4 out of 5".
 * Returns its valence (best grade +4, worst -4, middle 0) and the index after it.
 */
export function ratingAt(T: Token[], i: number): { valence: number; end: number } | undefined {
  const value = numberOf(T[i]);
  if (value === undefined) return undefined;
  const a = T[i + 1];
  if (!a || a.clause !== T[i]!.clause) return undefined;
  let ratio: number | undefined;
  let end = i + 2;
  if (a.norm === 'star' || a.norm === 'stars') {
    if (value > 10) return undefined;
    // "4 stars" is out of five; "8 stars" out of ten. Stars start at one: one star is the worst.
    const best = value > 5 ? 10 : 5;
    ratio = Math.max(0, (value - 1) / (best - 1));
    if (T[i + 2]?.norm === 'out' && T[i + 3]?.norm === 'of') end = i + 5;
  } else if (a.norm === '/' && T[i + 2]?.kind === Kind.Number) {
    const scale = Number(T[i + 2]!.norm);
    if (!SCALES.has(scale) || value > scale || T[i]!.kind !== Kind.Number) return undefined;
    ratio = value / scale;
    end = i + 3;
  } else if (a.norm === 'out' && T[i + 2]?.norm === 'of') {
    const scale = numberOf(T[i + 3]);
    if (scale === undefined || !SCALES.has(scale) || value > scale) return undefined;
    ratio = value / scale;
    end = i + 4;
    if (T[i + 4]?.norm === 'stars' || T[i + 4]?.norm === 'star') {
      end = i + 5;
      ratio = Math.max(0, (value - 1) / (scale - 1));
    }
  }
  if (ratio === undefined) return undefined;
  return { valence: (2 * ratio - 1) * MAX_VALENCE, end: Math.min(end, T.length) };
}
