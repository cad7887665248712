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
  return writtenRating(toks, i, value) ?? givenGrade(toks, i, value);
}

/** Verbs that give a grade ("I'd give it a 10", "rated them a 2"). */
const GIVE = new Set(['give', 'gives', 'gave', 'giving', 'rate', 'rates', 'rated', 'rating', 'score', 'scored']);
/** What the grade is given to, one word ("it", "them") or after "this" / "the" ("this place"). */
const GRADED = new Set(['it', 'them', 'this', 'him', 'her', 'place', 'restaurant', 'one', 'movie', 'film', 'show', 'product', 'phone', 'book', 'app', 'hotel', 'spot']);
/** Words that may follow a grade given ("a 10 for the food", "a 9 overall"); a noun would make it a count ("a 10 minute wait"). */
const AFTER_GRADE = new Set(['for', 'because', 'overall', 'easily', 'from', 'on', 'and', 'but', 'if', 'too', 'as', 'in', 'at']);

/**
 * A grade given without its scale: "overall I give it a 10", "I'd rate this place a 9", "gave them a 2". Read out of
 * ten; only the grades that say the same on a five-point scale's stars (0-2: bad either way) or that only a ten-point
 * scale has (6-10) count, so "I give it a 4" (good of five, poor of ten) says nothing.
 */
function givenGrade(toks: Tokens, i: number, value: number): { valence: number; end: number } | undefined {
  if (!Number.isInteger(value) || value > 10 || (value > 2 && value < 6) || i < 3) return undefined;
  const { norm, clause, kind, count } = toks;
  const a = norm[i - 1];
  if ((a !== 'a' && a !== 'an') || clause[i - 1] !== clause[i]) return undefined;
  let k = i - 2;
  if (!GRADED.has(norm[k]!)) return undefined;
  if ((norm[k - 1] === 'this' || norm[k - 1] === 'the') && k >= 2) k--;
  if (!GIVE.has(norm[k - 1]!) || clause[k - 1] !== clause[i]) return undefined;
  const next = i + 1;
  if (next < count && clause[next] === clause[i] && kind[next] !== Kind.Punct && !AFTER_GRADE.has(norm[next]!)) return undefined;
  return { valence: (2 * (value / 10) - 1) * MAX_VALENCE, end: i + 1 };
}

/** Words before a date ("on 5/5", "from 4/30", "dates 5/5 to 5/9"). */
const BEFORE_DATE = new Set([
  'on', 'from', 'to', 'until', 'til', 'till', 'thru', 'through', 'by', 'since', 'date', 'dates', 'departing', 'returning',
  'leaving', 'before', 'after', 'between',
]);

/**
 * Whether "d/d" at tokens [i, end) is a date, not a grade: in a range or a full date ("4/30-5/5", "5/5/2015", "5/5 to
 * 5/9") or after a word that takes a date ("on 5/5", "from 5/5").
 */
function dateAt(toks: Tokens, i: number, end: number): boolean {
  const { norm, kind, count } = toks;
  const prev = i - 1;
  if (prev >= 0 && BEFORE_DATE.has(norm[prev]!)) return true;
  // Another "d/d" right before it: a range whose dash the tokenizer dropped ("4/30-5/5").
  if (prev >= 2 && kind[prev] === Kind.Number && norm[prev - 1] === '/' && kind[prev - 2] === Kind.Number) return true;
  if (end + 1 < count && kind[end + 1] === Kind.Number) {
    const mark = norm[end];
    if (mark === '-' || mark === '/' || mark === 'to' || mark === 'thru') return true;
  }
  return plainDateNear(toks, i, end);
}

/**
 * Whether the sentence of tokens [i, end) holds another "d/d" that can only be a day and a month ("DUB-JAC 29/9
 * JAC-LAX 8/10 LAX-DUB 13/10"): then its "8/10" is one too. Read only for a candidate grade, which is rare.
 */
function plainDateNear(toks: Tokens, i: number, end: number): boolean {
  const { norm, kind, count, sentence } = toks;
  const s = sentence[i];
  let k = i;
  while (k > 0 && sentence[k - 1] === s) k--;
  for (; k + 2 < count && sentence[k] === s; k++) {
    if (k >= i && k < end) continue;
    if (kind[k] !== Kind.Number || norm[k + 1] !== '/' || kind[k + 2] !== Kind.Number) continue;
    const a = Number(norm[k]!);
    const b = Number(norm[k + 2]!);
    const dayMonth =
      Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
    if (dayMonth && (!SCALES.has(b) || a > b)) return true;
  }
  return false;
}

/** A grade written with its scale or in stars (see `ratingAt`). */
function writtenRating(toks: Tokens, i: number, value: number): { valence: number; end: number } | undefined {
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
    if (!SCALES.has(scale) || value > scale || kind[i] !== Kind.Number || dateAt(toks, i, i + 3)) return undefined;
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
