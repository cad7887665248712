import { wordSet } from './rules.js';
import type { Tokens } from './token.js';

/**
 * A speech act said through a frame of wanting: "I just wanted to say the crew was the best", "Wanted to compliment your
 * agent", "I want to give a warm thanks to your crew". Saying that one wants to thank is thanking, so the praise after
 * it is no letdown, as it is in "I wanted to love it" (`irrealis` in sentiment.ts). Read only where that scan has
 * already found a "want(ed) to" frame.
 */

/** Verbs whose act is done in the saying. */
const SPEECH_ACTS = wordSet('say thank compliment commend praise recognize recognise acknowledge applaud congratulate express');
/** Verbs of giving that are a speech act with a word of thanks for their object ("give a warm thanks", "send kudos"). */
const GIVING = wordSet('give send');
const THANKS = wordSet('thanks thank kudos props shout shoutout compliments praise');
/** The frame words this reading applies to; the other frames ("tried to", "hoped to") are wishes whatever follows. */
const WANTING = wordSet('want wanted wants');
/** How far after a verb of giving its word of thanks may stand ("give a big warm thanks"). */
const GIVING_REACH = 4;

/** Whether the "<want> to" frame whose first word is token j opens a speech act (token j + 1 is "to"). */
export function isPerformativeFrame(toks: Tokens, j: number): boolean {
  const { norm, clause, count } = toks;
  const v = j + 2;
  if (v >= count || clause[v] !== clause[j] || !WANTING.has(norm[j]!)) return false;
  const verb = norm[v]!;
  if (SPEECH_ACTS.has(verb)) return true;
  if (!GIVING.has(verb)) return false;
  for (let k = v + 1; k < count && k <= v + GIVING_REACH && clause[k] === clause[v]; k++) if (THANKS.has(norm[k]!)) return true;
  return false;
}
