import { dontAt } from './negated-imperative.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * "Don't expect …" said to the reader is a warning: "don't expect to sit down inside", "don't expect any helpful
 * support", "don't expect the place to make a night out romantic". What is not to be expected will not be had: the
 * words are a complaint (an item of their own), and praise later in the clause is denied, however far the usual
 * negation scope reaches (`denyPraiseAfter` in sentiment.ts). Only the imperative, with no subject before it: "I don't
 * expect any problems" and "we didn't expect to like it so much" (surprise) are no warnings.
 */

/** Words that may stand before the imperative in its clause ("so don't expect", "just don't expect"). */
const BEFORE = new Set(['so', 'just', 'but', 'and', 'then', 'please', 'also', 'definitely', 'really', 'simply', 'otherwise']);

/** The end of a "don't expect" warning starting at negator i (one past "expect"), or -1. */
export function expectWarningAt(toks: Tokens, i: number): number {
  const { count, norm, clause, kind } = toks;
  const e = i + 1;
  if (e >= count || norm[e] !== 'expect' || clause[e] !== clause[i]) return -1;
  const first = dontAt(toks, i);
  if (first < 0) return -1;
  // The imperative: nothing but a conjunction or adverb before it in its clause.
  for (let j = first - 1; j >= 0 && clause[j] === clause[i]; j--) {
    if (kind[j] !== Kind.Word) continue;
    if (!(toks.flags[j]! & F.LEAD) && !BEFORE.has(norm[j]!)) return -1;
  }
  return e + 1;
}
