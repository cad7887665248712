import { SLANG_VERBS, wordSet } from './rules.js';
import { CASE, Kind, type Tokens } from './token.js';

/**
 * A name opening its sentence as the subject of a verb: "Best Buy Rocks!", "Best Buy sucks", "Good Will has great
 * prices", "Best Western Plus is clean". Its first word is capitalised by the sentence, so `inName` cannot tell it from
 * praise ("Best burger in town", "Great Product, Works Perfectly"); the words after it can: one to three more
 * capitalised words, then a verb that takes them all for its subject. A praise word opening such a name is no opinion
 * (the verb after it still is: "Rocks" praises). Adjective and noun praise in title case ("Great Pizza and Salads!",
 * "Best Taiwanese food in NY!") has no verb there and keeps its praise.
 */

/** Capitalised words after the first that a name may hold before its verb ("Best Western Plus is …"). */
const NAME_REACH = 3;
/**
 * Verbs that take a name for subject right after it: auxiliaries, and verbs of a verdict ("rocks", "sucks"). Not any
 * word in "-s": "Great Service Thanks!" thanks, "Best Deals Ever" has no verb.
 */
const SUBJECT_VERBS = wordSet(`
  is was has had does did will would can could should may might must isn't wasn't hasn't doesn't didn't won't
  wouldn't can't couldn't isnt wasnt hasnt doesnt didnt wont wouldnt cant couldnt never always just really totally
  sucks sucked rules ruled stinks stunk blows
`);

/**
 * Whether the word at i, which opens its sentence, opens a name that is the subject of the verb after it (see above).
 * `isTitle` tells a word capitalised and then lowercase ("Buy", not "BUY" or "buy"). The verb may be capitalised too
 * ("Best Buy Rocks!", "Best Buy Is Great").
 */
export function opensNamedSubject(toks: Tokens, text: string, i: number): boolean {
  const { count, norm, kind, sentence } = toks;
  for (let j = i + 1; j < count && j <= i + NAME_REACH + 1 && sentence[j] === sentence[i] && kind[j] === Kind.Word; j++) {
    const w = norm[j]!;
    if (j > i + 1 && (SUBJECT_VERBS.has(w) || SLANG_VERBS.has(w))) return true;
    if (!isTitleWord(toks, text, j)) return false;
  }
  return false;
}

/** A word of two letters or more written with a capital and then lowercase ("Best", not "I", "BEST" or "best"). */
export function isTitleWord(toks: Tokens, text: string, j: number): boolean {
  if (j < 0 || j >= toks.count || toks.kind[j] !== Kind.Word || toks.letterCase[j]! & CASE.CAPS) return false;
  const s = toks.start[j]!;
  const a = text.charCodeAt(s);
  const b = text.charCodeAt(s + 1);
  return toks.end[j]! - s >= 2 && a >= 65 && a <= 90 && !(b >= 65 && b <= 90);
}
