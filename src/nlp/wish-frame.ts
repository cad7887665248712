import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Praise wished for: "It would be nice if you answered your phones", "Would be great to have more outlets", "it'd be
 * helpful if the app showed the gate", "I would be happy if they brought back the old menu". What would be good is
 * what is missing: a mild complaint, as the past "it would have been nice to get a call" (an irrealis frame) already
 * reads. Not praise of what is there ("it would be a great place for a date", "the patio would be nice in summer"),
 * nor a promise ("I would be happy to recommend them", "we would be glad to come back").
 */

/** Words that may stand between the frame's parts ("would really be nice", "would be so nice", "would sure be nice"). */
const FILLER = wordSet('really sure certainly definitely just also so very much super truly totally');
/** "would" and its contractions with a subject that is no one in particular ("it'd be nice"). */
const WOULD = wordSet("would it'd that'd twould");
/** Subjects of a wish that may go on with "to" ("it would be nice to …"); others only with "if". */
const IMPERSONAL = wordSet('it that this there which');

/** The index of the first word before j in its clause that is no filler or degree word, or -1. */
function wordBefore(toks: Tokens, j: number): number {
  const { kind, clause, norm, flags } = toks;
  for (let k = j - 1; k >= 0 && clause[k] === clause[j]; k--) {
    if (kind[k] !== Kind.Word) return -1;
    if (!FILLER.has(norm[k]!) && !(flags[k]! & F.DEGREE)) return k;
  }
  return -1;
}

/**
 * Verbs after "to" that wish for what is missing ("would be nice to have more outlets", "to get a reply", "to know in
 * advance"); not a wish to come again ("it would be nice to see you again", "to go back sometime").
 */
const MISSING = wordSet('have get know hear receive be');

/**
 * Plain words of approval (`MARK.APPROVING`), which wish for what is missing; delight ("it would be amazing to hear them live") longs for
 * a treat instead.
 */
export const APPROVING = wordSet(`nice good great helpful useful appreciated decent fair courteous polite professional kind
  convenient better easier happy glad`);

/** Whether the praise word at i, followed by "if" or "to", is wished for (see above). */
export function wishedFor(toks: Tokens, i: number): boolean {
  const { norm } = toks;
  if (norm[i + 1] === 'to' && !(i + 2 < toks.count && MISSING.has(norm[i + 2]!))) return false;
  const be = wordBefore(toks, i);
  if (be < 0 || norm[be] !== 'be') return false;
  const would = wordBefore(toks, be);
  if (would < 0 || !WOULD.has(norm[would]!)) return false;
  if (norm[would] !== 'would') return true;
  const subject = wordBefore(toks, would);
  if (subject < 0 || IMPERSONAL.has(norm[subject]!)) return true;
  // "I would be happy if they …" wishes; "I would be happy to recommend them" promises.
  return norm[i + 1] === 'if' && !(toks.flags[subject]! & F.NEGATOR);
}
