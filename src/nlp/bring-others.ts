import { wordSet as set } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Bringing others along, a recommendation made in deed: "I take all my out-of-town guests here", "I've taken every
 * visitor I've had", "I'm bringing my whole family back", "everyone I bring here goes back". The verb of bringing
 * counts when whom it brings is the reviewer's circle as a whole (a quantifier: "all", "every", "whole", "everyone")
 * or brought again ("bring my friends back"). A companion told as the story of the visit ("took my mom for Mother's
 * Day", "we brought a friend") is no opinion, nor is bringing what is not people ("bring a whole extra suitcase",
 * "take all the stress away"). A negation before the verb is read as for any item ("I wouldn't bring my whole family").
 */


/** Whom a reviewer brings. */
const PEOPLE = set(`
  friends family families guests guest visitors visitor people folks coworkers co-workers colleagues clients relatives
  parents kids everyone everybody
`);
/** Words that make them the whole circle ("all my friends", "every guest", "my whole family"). */
const WHOLE = set('all every whole entire everyone everybody');
/** Words after the verb searched for whom it brings. */
const REACH = 6;
/** Words before the verb searched for "everyone I bring", "all the people that I bring". */
const BACK_REACH = 4;

function isWord(toks: Tokens, j: number, c: number): boolean {
  return j >= 0 && j < toks.count && toks.clause[j] === c && toks.kind[j] === Kind.Word;
}

/** The end of the span of others brought by the verb at token i (one past whom it brings, or past "back"), or -1. */
export function broughtOthersAt(toks: Tokens, i: number): number {
  const { norm, flags, clause } = toks;
  const c = clause[i]!;
  let whole = false;
  for (let j = i + 1, seen = 0; seen < REACH && isWord(toks, j, c); j++, seen++) {
    const w = norm[j]!;
    if (flags[j]! & (F.VALENCE | F.NEGATOR)) break;
    if (WHOLE.has(w)) whole = true;
    if (!PEOPLE.has(w)) continue;
    if (whole) return j + 1;
    // "bring my friends back", "take the family again".
    const after = j + 1;
    return isWord(toks, after, c) && (norm[after] === 'back' || norm[after] === 'again') ? after + 1 : -1;
  }
  // Whom it brings said first, in a relative clause: "everyone I bring here", "all the people that I bring there".
  for (let j = i - 1, seen = 0; seen < BACK_REACH && isWord(toks, j, c); j--, seen++) {
    if (!PEOPLE.has(norm[j]!)) continue;
    const w = norm[j]!;
    if (w === 'everyone' || w === 'everybody') return i + 1;
    for (let k = j - 1; k >= j - 2 && isWord(toks, k, c); k--) if (WHOLE.has(norm[k]!)) return i + 1;
    return -1;
  }
  return -1;
}
