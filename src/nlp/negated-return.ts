import { READING, returnReading } from './return-reading.js';
import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Not coming back, said around other words: "we won't go to this place again", "I will not be coming here at 3am
 * again", "I don't think I would go again". The fixed phrases ("won't be back") are in the lexicon; this finds the
 * negation and a word of return ("again", "back", "anymore", "return") a few words apart in one clause, as the churn
 * intent does. Not where the negation is about something else first: "can't wait to go back", "never hesitate to
 * return", "wouldn't mind going back", "never had a bad meal and always go back" (a scope break ends the search).
 * What the return found means (the reviewer's visit, a reply, someone else's) is read by `return-reading.ts`.
 * Nor is it a refusal where the negation is the end point of an "until" clause ("we ate until I can't walk anymore",
 * "refilled our glasses till we couldn't drink any more again"): it tells how far something went, not that anyone
 * stays away.
 */

/** Words of return at most this many words after the negation. */
const REACH = 6;
/** Negated, these make a return eager, not refused. */
const EAGER = new Set(['wait', 'hesitate', 'mind', 'regret', 'resist', 'problem', 'only']);
/** Conjunctions of an end point: a negation inside their clause is how far something went. */
const UNTIL = wordSet("until till til 'til untill");
/** After such a conjunction, words that close it before the main clause ("until then I won't go back"). */
const UNTIL_TIME = wordSet('then now today tomorrow later');
/** Words between such a conjunction and the negation: its subject and an adverb ("until we just couldn't"). */
const UNTIL_REACH = 3;

/** The word of return negator i reaches (its index), or -1. */
export function negatedReturnWord(toks: Tokens, i: number): number {
  const { count, norm, kind, clause, flags } = toks;
  const w = norm[i]!;
  // "no", "nothing": a thing lacking, not a visit refused ("nothing to bring me back" is rare beside "no reason").
  if (w === 'no' || w === 'nothing' || w === 'without') return -1;
  const c = clause[i];
  for (let j = i + 1, seen = 0; j < count && seen < REACH && clause[j] === c; j++) {
    if (kind[j] !== Kind.Word) continue;
    seen++;
    const f = flags[j]!;
    if (f & F.RETURN) return j;
    if (f & (F.SCOPE_BREAK | F.VALENCE) || EAGER.has(norm[j]!)) return -1;
  }
  return -1;
}

/**
 * How the word of return at j after negator i reads (a `READING`, see `return-reading.ts`); a visit refused at the end
 * point of an "until" clause is none. Also read by the churn intent, which counts only `READING.VISIT`.
 */
export function negatedReturnReading(toks: Tokens, i: number, j: number): number {
  const r = returnReading(toks, i, j);
  return r === READING.VISIT && untilBefore(toks, i) ? READING.NONE : r;
}

/**
 * Whether negator i is in an "until" clause: a word of `UNTIL` stands a few words before it in its clause ("… until I
 * can't walk anymore"), not closed by a time ("until then I won't go back").
 */
function untilBefore(toks: Tokens, i: number): boolean {
  const { norm, kind, clause } = toks;
  let after = '';
  for (let j = i - 1, seen = 0; j >= 0 && seen < UNTIL_REACH && clause[j] === clause[i]; j--) {
    if (kind[j] !== Kind.Word) continue;
    seen++;
    if (UNTIL.has(norm[j]!)) return !UNTIL_TIME.has(after);
    after = norm[j]!;
  }
  return false;
}

/**
 * Whether negator i refuses the reviewer's return (`READING.VISIT`): read where a phrase of no valence opens at the
 * negator ("never went", "never been", "never gone": a visit not made yet), so that "We never went back." is read as
 * the refusal it is rather than hidden by the phrase.
 */
export function refusedReturnAt(toks: Tokens, i: number): boolean {
  const j = negatedReturnWord(toks, i);
  return j > 0 && negatedReturnReading(toks, i, j) === READING.VISIT;
}
