import { PLACE_NOUNS } from './rules.js';
import { addStep, type Item } from './sentiment.js';
import { Kind, type Tokens } from './token.js';
import { F, ROLE } from './word-info.js';

/**
 * Blame laid on other places praises this one by comparison: "where the tanks in other restaurants are murky, …",
 * "you'll pay double at any other Italian restaurant", "it's hard to eat at other sushi places after this". A word of
 * blame in the clause of "other <place>" (a few words may stand between: "other Chinatown restaurants") weighs as a
 * negated one (rule "other places"). Praise of other places is left alone ("stands out among other great restaurants"
 * praises this one too), and so is praise negated ("this is not like the other restaurants": a comparison about this
 * one). Not across a subject of its own or a conjunction ("… with other restaurants, so I don't like it", "go to other
 * places and feel sad"): there the complaint is the reviewer's here. Read only for texts with an "other" (a scan
 * candidate for that alone), and then only the clauses of complaints, one role per token.
 */

/** As a negation of blame (`NEGATE_NEGATIVE` in sentiment.ts). */
const OTHER_PLACES = -0.5;
/** Words that may stand between "other" and its place ("other Chinatown restaurants", "other sushi places"). */
const OTHER_REACH = 3;
/** Subjects of a clause of their own: between "other <place>" and the complaint, the complaint is about here. */
const SUBJECTS = new Set(['i', 'we', "i'm", "we're", "i've", "we've", 'this', 'here']);

export function applyOtherPlaces(toks: Tokens, items: Item[]): void {
  let clause = -1;
  let other = -1;
  for (const it of items) {
    // A word of blame, not negated praise: "not like the other restaurants" compares, and is about this one.
    if (it.weight >= 0 || it.base >= 0) continue;
    if (it.clause !== clause) {
      clause = it.clause;
      other = otherPlaceIn(toks, it.start, clause);
    }
    if (other < 0 || !between(toks, other, it.start)) continue;
    it.weight *= OTHER_PLACES;
    it.local *= OTHER_PLACES;
    addStep(it, 'other places', toks.norm[other]!);
  }
}

/** The "other" of an "other <place>" in clause `c` (which holds token `from`), or -1. */
function otherPlaceIn(toks: Tokens, from: number, c: number): number {
  const { count, id, clause, norm } = toks;
  const roles = toks.vocab.roles;
  let first = from;
  while (first > 0 && clause[first - 1] === c) first--;
  for (let j = first; j < count && clause[j] === c; j++) {
    const k = id[j]!;
    if (k < 0 || !(roles[k]! & ROLE.OTHER)) continue;
    for (let m = j + 1; m < count && m <= j + OTHER_REACH && clause[m] === c; m++) {
      if (PLACE_NOUNS.has(norm[m]!)) return j;
    }
  }
  return -1;
}

/** Whether no subject of its own or conjunction stands between "other" (at `other`) and the complaint at `at`. */
function between(toks: Tokens, other: number, at: number): boolean {
  const lo = (other < at ? other : at) + 1;
  const hi = other < at ? at : other;
  for (let j = lo; j < hi; j++) {
    if (toks.kind[j] !== Kind.Word) continue;
    if (toks.flags[j]! & F.SCOPE_BREAK || SUBJECTS.has(toks.norm[j]!)) return false;
  }
  return true;
}
