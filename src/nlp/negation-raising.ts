import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/** Verbs of opinion whose negation denies what follows them ("I don't think it was good"). */
const OPINING = new Set(['think', 'believe', 'suppose', 'reckon', 'imagine', 'feel']);
/** Negations of "do" that go with them. */
const DO_NOT = new Set(["don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', 'don’t', 'didn’t', 'doesn’t']);
/** How far back from the item a negated verb of opinion is looked for. */
const RAISED_REACH = 8;

/**
 * The negation that a negated verb of opinion carries into what it thinks of: "I don't think it was good", "I don't
 * think you will be disappointed", "I didn't think the food was bad" (negation raising). The index of the negator,
 * or -1. Within the sentence, past no punctuation and no other opinion word (which takes the negation: "I don't think
 * the great reviews are right").
 */
export function raisedNegation(toks: Tokens, s: number): number {
  const { norm, kind, sentence, flags } = toks;
  // Told by flags first: most words before an item are no negator, and are passed without reading their strings.
  for (let j = s - 2; j >= 0 && j >= s - RAISED_REACH && sentence[j] === sentence[s]; j--) {
    const f = flags[j]!;
    if (kind[j] !== Kind.Word || f & F.VALENCE) return -1;
    if (!(f & F.NEGATOR)) continue;
    // The nearest negator decides: it must be "don't" / "do not" right before a verb of opinion.
    if (!OPINING.has(norm[j + 1]!)) return -1;
    const raised = DO_NOT.has(norm[j]!) || (norm[j] === 'not' && (norm[j - 1] === 'do' || norm[j - 1] === 'did' || norm[j - 1] === 'does'));
    if (!raised) return -1;
    // "I didn't think it would be this good": a surprise, not a denial. "I don't think I've ever disliked a film as
    // much" says "never", the utmost, which is not read here.
    const surprise = norm[s - 1] === 'this' || norm[s - 1] === 'so';
    for (let k = j + 2; k < s; k++) if (norm[k] === 'ever' || (surprise && norm[k] === 'would')) return -1;
    return j;
  }
  return -1;
}
