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
  // "still" first, a cheap comparison: most negators have none before them.
  if (i >= 1 && norm[i - 1] === 'still') return clause[i - 1] === clause[i] ? i - 1 : -1;
  if (i < 2 || norm[i - 2] !== 'still' || clause[i - 2] !== clause[i] || clause[i - 1] !== clause[i]) return -1;
  return AUXILIARIES.has(norm[i - 1]!) ? i - 2 : -1;
}
