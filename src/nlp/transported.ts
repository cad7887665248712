import { isDigit } from './chars.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Carried off to a named place: "I felt as though I were eating in Paris", "you feel like you're in Tuscany", "it's
 * like being back in Japan", "like eating in Chef Mario's home", "you will be transported to Tuscany". Reviewers
 * praise a room or a meal this way, with no sentiment word: the comparison with a place they name is the praise. It
 * reads "transported to" a name, or a frame of comparison ("feel like", "felt as if", "as though", or "like" before a
 * verb in -ing) and, a few words on in its clause, "in" before a name (a capitalised word; "the" and a number may
 * stand between: "in the 8th District"). Only a name: "I felt like I was eating in someone's living room" compares
 * with a common noun, and is a complaint as often as praise. Not past a sentiment word or a negation (the opinion is
 * then said outright, and scored as such), nor past punctuation. ("Transported to Boston by bus" would read as
 * praise too; the airline posts that have the word name no place after it.)
 */

/** Words (after the frame) searched for "in" and the name. */
const REACH = 16;
/** Verbs of feeling that open the frame with "like", "as if" or "as though". */
const FEEL = new Set(['feel', 'feels', 'felt', 'feeling']);

/** Whether token j is a word written with a capital first letter ("Paris", "Chef"), other than "I". */
function isName(toks: Tokens, text: string, j: number): boolean {
  if (toks.kind[j] !== Kind.Word) return false;
  const c = text.charCodeAt(toks.start[j]!);
  return c >= 65 && c <= 90 && toks.norm[j] !== 'i' && !toks.norm[j]!.startsWith("i'");
}

/** "transported to Tuscany", "transported back to Saigon": the end (one past the name), or -1. */
function transportedTo(toks: Tokens, text: string, i: number): number {
  const { count, norm, clause } = toks;
  let k = i + 1;
  if (k < count && norm[k] === 'back') k++;
  if (k >= count || norm[k] !== 'to' || clause[k] !== clause[i]) return -1;
  k++;
  if (k < count && norm[k] === 'the') k++;
  return k < count && clause[k] === clause[i] && isName(toks, text, k) ? k + 1 : -1;
}

/** Index of the first word after the frame opened by token i ("feel like" → after "like"), or -1 when none opens. */
function frameEnd(toks: Tokens, i: number): number {
  const { count, norm, clause, flags } = toks;
  const w = norm[i]!;
  const n1 = i + 1;
  if (n1 >= count || clause[n1] !== clause[i]) return -1;
  if (FEEL.has(w)) {
    if (norm[n1] === 'like') return n1 + 1;
    if (norm[n1] === 'as' && n1 + 1 < count && (norm[n1 + 1] === 'if' || norm[n1 + 1] === 'though')) return n1 + 2 < count ? n1 + 2 : -1;
    return -1;
  }
  // "like" as a preposition before a verb in -ing ("like being back in Japan"), not the verb ("we like eating in").
  if (w !== 'like' || (i > 0 && clause[i - 1] === clause[i] && flags[i - 1]! & (F.LIKE_SUBJECT | F.NEGATOR))) return -1;
  const next = norm[n1]!;
  return next.length > 4 && next.endsWith('ing') ? n1 : -1;
}

/** The end (one past the name) of a comparison with a named place opened by token i, or -1. */
export function transportedAt(toks: Tokens, text: string, i: number): number {
  if (toks.norm[i] === 'transported') return transportedTo(toks, text, i);
  const from = frameEnd(toks, i);
  if (from < 0) return -1;
  const { count, norm, kind, clause, flags } = toks;
  // The clause of what follows the frame: "though" opens a clause of its own.
  const c = clause[from];
  for (let j = from, seen = 0; j < count && seen < REACH && clause[j] === c; j++) {
    if (kind[j] === Kind.Punct || kind[j] === Kind.Emoji || flags[j]! & (F.VALENCE | F.NEGATOR)) return -1;
    seen++;
    if (norm[j] !== 'in') continue;
    let k = j + 1;
    if (k < count && norm[k] === 'the') k++;
    // "in the 8th District": a number or ordinal before the name.
    if (k < count && isDigit(norm[k]!.charCodeAt(0))) k++;
    if (k < count && clause[k] === c && isName(toks, text, k)) return k + 1;
    // The first place named is what is compared ("in a diner in Queens" compares with a diner).
    return -1;
  }
  return -1;
}
