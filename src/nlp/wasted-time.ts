import { isNumberWord, numberOf } from './rating-phrases.js';
import { Kind, type Tokens } from './token.js';

/**
 * Time lost, told as a fact: "on the phone for 45 minutes", "sat there over 2 hours", "3 hours late", "40 min delay".
 * A complaint without a sentiment word; in airline tweets such durations stand almost only in negative posts (dev
 * half: 274 negative, 5 positive, 2 neutral for "for/over N hours|minutes"). A duration alone ("my flight in 9 hours",
 * "a 2 hour flight") is not one: it needs a word before it that makes it a span endured ("for", "over", "than",
 * "nearly", "almost", "after", "waited", "spent") or a word after it that makes it a delay ("late", "delay", "on hold", "waiting").
 * Nor is time gained ("got us in almost an hour early", "landed 20 minutes ahead of schedule"), nor a job of a few
 * minutes ("the oil change took 8 minutes").
 * The forms without a numeral ("for an hour", "half an hour on hold", "for hours", "hours late") are found from the
 * unit (`wastedTimeEndingAt`), since an article is no scoring candidate.
 */

/** Valence of a wasted span, on the AFINN scale: a clear but mild complaint. */
const WASTED_VALENCE = -2;

const UNITS = new Set(['hour', 'hours', 'hr', 'hrs', 'h', 'minute', 'minutes', 'min', 'mins', 'day', 'days']);
/** Units that say "a long time" in the plural without a numeral ("for hours", "days late"). */
const PLURAL_SPANS = new Set(['hours', 'days']);

/** First letters and longest length of the units: most words fail these before the set is read (a hot path). */
const UNIT_FIRST = new Uint8Array(128);
let UNIT_MAX = 0;
for (const u of UNITS) {
  UNIT_FIRST[u.charCodeAt(0)] = 1;
  UNIT_MAX = Math.max(UNIT_MAX, u.length);
}

/** A unit of time that may end a wasted span. */
export function isTimeUnit(w: string): boolean {
  const c = w.charCodeAt(0);
  return w.length <= UNIT_MAX && c < 128 && UNIT_FIRST[c] === 1 && UNITS.has(w);
}
const ENDURED_BEFORE = new Set([
  'for', 'over', 'than', 'nearly', 'almost', 'after', 'waited', 'waiting', 'spent', 'sat', 'sitting', 'took', 'takes', 'taking',
  'take', 'wait',
  // "at least 40 minutes": a lower bound stresses how long it was.
  'least',
]);
/** Words that hedge a duration's number without ending the reach back to what endured it ("took close to 30 minutes"). */
const APPROXIMATE = new Set(['about', 'around', 'roughly', 'approximately', 'close', 'to', 'like', 'some', 'maybe', 'a', 'good']);
/**
 * Numbers written as words that count a wait ("waited thirty minutes", "for forty-five minutes" is two tokens, "forty"
 * and "five"); the small ones are `isNumberWord`'s.
 */
const DURATION_WORDS = new Set([
  'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'ninety', 'several',
]);

/** A number written as a word that may count a wasted span ("thirty", "several"). */
export function isDurationWord(w: string): boolean {
  return DURATION_WORDS.has(w);
}
/**
 * Whether "take" at j is what should not be: "it shouldn't take 30 minutes"; "it will take about 20 minutes" is an
 * estimate, no wait endured.
 */
function shouldNotBefore(toks: Tokens, j: number): boolean {
  const w = j > 0 && toks.clause[j - 1] === toks.clause[j] ? toks.norm[j - 1]! : '';
  return w === "shouldn't" || w === 'shouldnt' || (w === 'not' && j > 1 && toks.norm[j - 2] === 'should');
}
/** Words that make a duration short, not endured: "took only 10 minutes", "less than an hour", "in under 5 minutes". */
const QUICK = new Set(['only', 'just', 'less', 'under', 'within', 'barely']);

/** Whether a word that makes the span short stands in tokens [from, to) or right before `from`. */
function quickAt(toks: Tokens, from: number, to: number): boolean {
  for (let j = Math.max(0, from - 1); j < to; j++) if (toks.clause[j] === toks.clause[to] && QUICK.has(toks.norm[j]!)) return true;
  return false;
}
/** After the unit, words of time gained: "got us in almost an hour early", "20 minutes ahead of schedule". */
const GAINED = new Set(['early', 'earlier', 'ahead', 'sooner', 'faster', 'quicker']);

/** Whether the unit at u is followed in its clause by a word of time gained (see `GAINED`). */
function gainedAfter(toks: Tokens, u: number): boolean {
  return u + 1 < toks.count && toks.clause[u + 1] === toks.clause[u] && GAINED.has(toks.norm[u + 1]!);
}

/** Verbs of how long a job took: a few minutes of it is quick, not lost ("the oil change took 8 minutes"). */
const TOOK = new Set(['took', 'takes', 'taking', 'take']);
const MINUTES = new Set(['minute', 'minutes', 'min', 'mins']);
/** Minutes a job may take and be quick. A wait is another matter: "waited 8 minutes", "on hold for 5 minutes" stay. */
const SHORT_MINUTES = 10;

/** Whether the span from `start` (its verb) over the number at i and unit at u is a job done in a few minutes. */
function shortJob(toks: Tokens, start: number, i: number, u: number): boolean {
  if (!TOOK.has(toks.norm[start]!) || !MINUTES.has(toks.norm[u]!)) return false;
  const n = numberOf(toks, i);
  return n !== undefined && n < SHORT_MINUTES && u === i + 1;
}
const DELAY_AFTER = new Set(['late', 'delay', 'delays', 'delayed', 'wait', 'waiting', 'behind', 'overdue']);
const DELAY_AFTER_PAIRS = new Set(['on hold', 'on the', 'in line', 'of waiting', 'on hold.', 'stuck on', 'sitting on']);

/** The word right before token i in its clause, or -1. */
function wordBefore(toks: Tokens, i: number): number {
  const j = i - 1;
  return j >= 0 && toks.clause[j] === toks.clause[i] && toks.kind[j] === Kind.Word ? j : -1;
}

/** After the unit at u: a delay word ("late", "delay") or pair ("on hold"); the end of the span, or -1. */
function delayAfter(toks: Tokens, u: number): number {
  const n = toks.count;
  const norm = toks.norm;
  const c = toks.clause[u];
  const a = u + 1 < n && toks.clause[u + 1] === c ? norm[u + 1]! : undefined;
  if (a === undefined) return -1;
  if (DELAY_AFTER.has(a)) return u + 2;
  const b = u + 2 < n && toks.clause[u + 2] === c ? norm[u + 2]! : undefined;
  if (b !== undefined && DELAY_AFTER_PAIRS.has(`${a} ${b}`) && (a !== 'on' || b !== 'the' || norm[u + 3] === 'tarmac' || norm[u + 3] === 'phone')) {
    return u + 3;
  }
  return -1;
}

/**
 * The wasted span ending at the time unit at token u without a numeral: "for an hour", "over half an hour", "for
 * hours", "an hour late", "hours on hold". Its [start, end) and valence, or undefined.
 */
export function wastedTimeEndingAt(toks: Tokens, u: number): { start: number; end: number; valence: number } | undefined {
  const norm = toks.norm;
  let first = u;
  const art = wordBefore(toks, u);
  if (art >= 0 && (norm[art] === 'an' || norm[art] === 'a')) {
    first = art;
    // "half an hour", "more than an hour"
    const h = wordBefore(toks, art);
    if (h >= 0 && norm[h] === 'half') first = h;
  } else if (!PLURAL_SPANS.has(norm[u]!)) return undefined;
  let before = wordBefore(toks, first);
  // "took about an hour", "for close to an hour": hedges between the verb and the span, as before a numeral.
  for (let hops = 0; hops < 2 && before >= 0 && APPROXIMATE.has(norm[before]!); hops++) before = wordBefore(toks, before);
  if (before >= 0 && ENDURED_BEFORE.has(norm[before]!) && (norm[before] !== 'take' || shouldNotBefore(toks, before))) {
    return quickAt(toks, before, u) || gainedAfter(toks, u) ? undefined : { start: before, end: u + 1, valence: WASTED_VALENCE };
  }
  const end = delayAfter(toks, u);
  return end >= 0 ? { start: first, end, valence: WASTED_VALENCE } : undefined;
}

/** The wasted span starting at the number at token i, as [start, end) and its valence, or undefined. */
export function wastedTimeAt(toks: Tokens, i: number): { start: number; end: number; valence: number } | undefined {
  const n = toks.count;
  const norm = toks.norm;
  const clause = toks.clause;
  if (toks.kind[i] !== Kind.Number && !isNumberWord(norm[i]!) && !DURATION_WORDS.has(norm[i]!)) return undefined;
  // The columns hold stale tokens past `count`: every look ahead checks against `n`.
  let u = i + 1;
  // "2 1/2 hours", "2+ hours", "2 more hours".
  if (u < n && (norm[u] === '+' || norm[u] === 'more' || norm[u] === 'plus') && clause[u] === clause[i]) u++;
  if (u >= n || clause[u] !== clause[i] || !UNITS.has(norm[u]!)) return undefined;
  const c = clause[i];
  // A word of the clause before the number ("for", "over", "more than").
  let start = -1;
  for (let j = i - 1, seen = 0; j >= 0 && seen < 2 && clause[j] === c; j--) {
    if (toks.kind[j] !== Kind.Word) continue;
    if (!APPROXIMATE.has(norm[j]!)) seen++;
    if (ENDURED_BEFORE.has(norm[j]!) && (norm[j] !== 'take' || shouldNotBefore(toks, j))) {
      start = j;
      break;
    }
  }
  if (start >= 0) {
    const short = quickAt(toks, start, i) || shortJob(toks, start, i, u) || gainedAfter(toks, u);
    return short ? undefined : { start, end: u + 1, valence: WASTED_VALENCE };
  }
  const end = delayAfter(toks, u);
  return end >= 0 ? { start: i, end, valence: WASTED_VALENCE } : undefined;
}
