import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Coming back, promised around other words: "we will definitely be returning", "you will find yourself returning
 * quite often", "I'd be happy to go there again". The fixed phrases ("will go back", "I'll be back") are in the
 * lexicon; this finds a word of future or condition and a word of return ("again", "back", "return", "returning") a
 * few words apart in one clause, as `negated-return.ts` does for the refusal. Not when a negation comes first (that
 * is the refusal), nor when what comes back is a dish, a product or a call ("I would send it back", "I'd like to
 * return it", "they will call us back", "we'll get our money back"), nor a return that is a noun ("I'll be cancelling
 * my return flight").
 */

/** Words of return at most this many words after the future or conditional word. */
const REACH = 5;
/** The future or conditional that promises the visit. */
export const PROMISE = new Set(['will', "i'll", "we'll", "you'll", 'would', "i'd", "we'd", "you'd"]);
/** Words of return that promise a visit ("anymore" only ends a refusal). */
const RETURNS = new Set(['again', 'back', 'return', 'returning', 'revisit', 'revisiting']);
/** What comes back that is not the reviewer: a dish sent back, a call, money. */
const NOT_A_VISIT = new Set([
  'send', 'sent', 'sending', 'take', 'took', 'taking', 'call', 'calls', 'calling', 'get', 'give', 'pay', 'money', 'write',
  'text', 'email', 'hear', 'reply', 'respond', 'bring', 'it', 'them', 'this', 'that', 'have',
  // Another attempt or a switch is no visit ("will try again later", "I'll be switching back to Delta"), nor a refund.
  'try', 'switch', 'switching', 'refunded', 'credited',
]);
/** Before the future word: a question about when or why, not a promise ("when will they return to …?"). */
const ASKING = new Set(['when', 'why', 'how', 'what', 'where', 'if']);

/** After "return": what is sent back ("return it", "returning this phone"). */
export const OBJECTS = new Set(['it', 'this', 'that', 'them', 'the', 'my', 'these', 'those', 'his', 'her', 'our', 'one']);
/** After "return": a noun it describes ("my return flight", "not sure on returning date"): no visit. */
const TRAVEL_NOUNS = new Set([
  'flight', 'flights', 'ticket', 'tickets', 'trip', 'trips', 'date', 'dates', 'leg', 'journey', 'fare', 'policy', 'label',
]);
/** Before "return": a determiner that makes it a noun ("my return", "the return"). */
const NOUN_BEFORE = new Set(['my', 'our', 'your', 'their', 'his', 'her', 'the', 'a', 'no', 'any']);

/**
 * Whether "return" / "returning" at j is no visit: a thing sent back ("return it"), a noun ("my return", "the return
 * flight", "returning date"). Read by the promise here and the refusal (`return-reading.ts`).
 */
export function returnIsNoVisit(toks: Tokens, j: number): boolean {
  const { norm, count } = toks;
  const next = j + 1 < count ? norm[j + 1]! : '';
  return OBJECTS.has(next) || TRAVEL_NOUNS.has(next) || (j > 0 && NOUN_BEFORE.has(norm[j - 1]!));
}

/** The end of a promised return starting at token i (one past its word of return), or -1. */
export function affirmedReturnAt(toks: Tokens, i: number): number {
  const { count, norm, kind, clause, flags } = toks;
  if (!PROMISE.has(norm[i]!) || (i > 0 && clause[i - 1] === clause[i] && ASKING.has(norm[i - 1]!))) return -1;
  const c = clause[i];
  for (let j = i + 1, seen = 0; j < count && seen < REACH && clause[j] === c; j++) {
    if (kind[j] !== Kind.Word) continue;
    seen++;
    const w = norm[j]!;
    // "return it", "returning this phone": a product sent back, not a visit.
    if (RETURNS.has(w)) return (w === 'return' || w === 'returning') && returnIsNoVisit(toks, j) ? -1 : j + 1;
    if (flags[j]! & (F.NEGATOR | F.SCOPE_BREAK) || NOT_A_VISIT.has(w)) return -1;
  }
  return -1;
}
