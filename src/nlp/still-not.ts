import { wordSet } from './rules.js';
import type { Tokens } from './token.js';

/**
 * A wait that goes on: "still" right before a negation that denies no opinion word ("I still haven't received my bag",
 * "still not home", "we still don't have a seat", "bags are still not here") is something due that has not come, a
 * complaint stated as a fact. Where the negation denies an opinion ("still not good", "still haven't been
 * disappointed") it is read as any negation, and "still no …" is a bare negation already. Read at a negator only.
 */

/** Auxiliaries that may stand between "still" and its negator ("still have not", "still did not"). */
const AUXILIARIES = wordSet('have has had do does did am is are was were');

/** The index of the "still" that token i (a negator) continues, or -1. */
export function stillBefore(toks: Tokens, i: number): number {
  const { norm, clause } = toks;
  let j = i - 1;
  if (j >= 0 && clause[j] === clause[i] && AUXILIARIES.has(norm[j]!)) j--;
  return j >= 0 && clause[j] === clause[i] && norm[j] === 'still' ? j : -1;
}
