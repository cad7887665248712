import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * A claim of uniqueness is praise said with a negation: "I have never had cheesecake like this", "you won't find that
 * anywhere in town", "I've never tasted anything like it", "you can't get noodles like these elsewhere". The negation
 * denies every other experience, not this one, and no sentiment word need stand in the sentence. Only that shape: a
 * negator of every case or of finding, a verb of having or finding, and then "like this / it / these" or "anywhere" /
 * "elsewhere" (said to the reader: "we couldn't find a seat anywhere" is a complaint), with no sentiment word or other
 * negator on the way (those keep their own rules: "never had a bad meal", "you won't find better sushi elsewhere").
 * "Never had sushi before", "can't find it on the menu" claim nothing.
 */

/** Negators that may deny every other experience; read where the scan stops at them (`MARK.UNIQUE_NEGATOR`). */
export const UNIQUE_NEGATORS: readonly string[] = [
  'never', "won't", 'wont', "can't", 'cant', 'cannot', "couldn't", 'couldnt', "haven't", 'havent', "hadn't", 'hadnt',
];
/**
 * Verbs of having or finding after the negator ("never had", "won't find", "can't get"). Not of witnessing: "never seen
 * anything like this", "never experienced anything like it" are as often astonishment at a fiasco.
 */
const HAVING = new Set(['had', 'have', 'tasted', 'taste', 'eaten', 'eat', 'ate', 'found', 'find', 'get', 'gotten', 'got', 'tried']);
/** Words allowed between the negator and the verb ("I have never ever had", "you won't be able to find"). */
const BEFORE_VERB = new Set(['have', 'ever', 'be', 'able', 'to', 'really']);
/** Words before a verb of having or finding, at most. */
const BEFORE_REACH = 4;
/** What is said like: "like this", "like it", "like these", "like theirs", "like here". */
const LIKE_WHAT = new Set(['this', 'it', 'these', 'that', 'those', 'theirs', 'here', 'them']);
/** Who may find nothing like it elsewhere: the reader ("you won't find that anywhere"), not "we couldn't find a seat anywhere". */
const GENERIC = new Set(['you', "you'll", 'one']);
/** Words from the verb to the end of the claim, at most. */
const REACH = 6;

/** The end of a claim of uniqueness starting at negator i (one past its "this" or "anywhere"), or -1. */
export function uniquenessAt(toks: Tokens, i: number): number {
  const { count, norm, kind, clause, flags } = toks;
  const c = clause[i];
  let v = i + 1;
  for (let k = 0; k < BEFORE_REACH && v < count && clause[v] === c; k++, v++) {
    const w = norm[v]!;
    // "have" is the verb unless a participle follows ("never have had").
    if (HAVING.has(w) && !(w === 'have' && v + 1 < count && HAVING.has(norm[v + 1]!))) break;
    if (!BEFORE_VERB.has(w)) return -1;
  }
  if (v >= count || clause[v] !== c || !HAVING.has(norm[v]!)) return -1;
  for (let j = v + 1, seen = 0; j < count && seen < REACH && clause[j] === c; j++) {
    if (kind[j] !== Kind.Word && kind[j] !== Kind.Number) continue;
    seen++;
    const w = norm[j]!;
    if (w === 'anywhere' || w === 'elsewhere') {
      if (!(i > 0 && clause[i - 1] === c && GENERIC.has(norm[i - 1]!))) return -1;
      return j + 1 < count && norm[j + 1] === 'else' && clause[j + 1] === c ? j + 2 : j + 1;
    }
    if (w === 'like' && j + 1 < count && clause[j + 1] === c && LIKE_WHAT.has(norm[j + 1]!)) return j + 2;
    if (flags[j]! & (F.VALENCE | F.NEGATOR | F.SCOPE_BREAK)) return -1;
  }
  return -1;
}
