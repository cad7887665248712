import { Kind, type Tokens } from './token.js';

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

/** The number token k stands for, or undefined (also past the last token). */
export function numberOf(toks: Tokens, k: number): number | undefined {
  if (k >= toks.count) return undefined;
  if (toks.kind[k] === Kind.Number) {
    const v = Number(toks.norm[k]!);
    return Number.isFinite(v) ? v : undefined;
  }
  return NUMBER_WORDS.get(toks.norm[k]!);
}

/**
 * A grade written in the text, starting at token i: "5 stars", "one star", "zero stars", "7/10", "4 out of 5".
 * Returns its valence (best grade +4, worst -4, middle 0) and the index after it.
 */
export function ratingAt(toks: Tokens, i: number): { valence: number; end: number } | undefined {
  const value = numberOf(toks, i);
  if (value === undefined) return undefined;
  const n = toks.count;
  const norm = toks.norm;
  const kind = toks.kind;
  // The columns hold stale tokens past `count`: every look ahead checks against `n`.
  if (i + 1 >= n || toks.clause[i + 1] !== toks.clause[i]) return undefined;
  const a = norm[i + 1]!;
  let ratio: number | undefined;
  let end = i + 2;
  if (a === 'star' || a === 'stars') {
    if (value > 10) return undefined;
    // "4 stars" is out of five; "8 stars" out of ten. Stars start at one: one star is the worst.
    const best = value > 5 ? 10 : 5;
    ratio = Math.max(0, (value - 1) / (best - 1));
    if (i + 3 < n && norm[i + 2] === 'out' && norm[i + 3] === 'of') end = i + 5;
  } else if (a === '/' && i + 2 < n && kind[i + 2] === Kind.Number) {
    const scale = Number(norm[i + 2]!);
    if (!SCALES.has(scale) || value > scale || kind[i] !== Kind.Number) return undefined;
    ratio = value / scale;
    end = i + 3;
  } else if (a === 'out' && i + 2 < n && norm[i + 2] === 'of') {
    const scale = numberOf(toks, i + 3);
    if (scale === undefined || !SCALES.has(scale) || value > scale) return undefined;
    ratio = value / scale;
    end = i + 4;
    if (i + 4 < n && (norm[i + 4] === 'stars' || norm[i + 4] === 'star')) {
      end = i + 5;
      ratio = Math.max(0, (value - 1) / (scale - 1));
    }
  }
  if (ratio === undefined) return undefined;
  return { valence: (2 * ratio - 1) * MAX_VALENCE, end: Math.min(end, n) };
}
