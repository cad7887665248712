import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Indignation at something left undone: "she didn't even offer us dessert", "they never even asked". "Even" after a
 * negated auxiliary stresses that the least could be expected and was not done; the verb after it need not be a
 * sentiment word. Only the auxiliaries of a deed count, not the copula ("it wasn't even that expensive" is relief),
 * and not the verbs that tell what one did not have to do or did not mind ("didn't even have to wait", "didn't even
 * need a reservation", "didn't even notice the noise"). A sentiment word right after "even" is left to the plain
 * negation ("not even good").
 */

/**
 * The negated perfect ("they hadn't even brought the check", "we haven't even ordered yet"). These start no phrase and
 * have no valence, so the scan would not stop at them: they are made scan candidates (`F.SCORES`, see `wordBits`)
 * and marked (`MARK.PERFECT_NEGATOR`), and at them the scan reads this rule only.
 */
export const PERFECT_NEGATORS: readonly string[] = ["hadn't", 'hadnt', "haven't", 'havent', "hasn't", 'hasnt'];

/**
 * Negated auxiliaries of a deed (and "never"), read where the scan stops at the negator: where it starts a lexicon
 * phrase or has a valence, or is one of `PERFECT_NEGATORS`.
 */
const DEED_NEGATORS = new Set([
  "didn't", 'didnt', "don't", 'dont', "doesn't", 'doesnt', "couldn't", 'couldnt', "wouldn't", 'wouldnt', "won't", 'wont',
  "can't", 'cant', 'cannot', 'never', ...PERFECT_NEGATORS,
]);
/** After "not even", these tell of a need or a bother spared, not of a deed left undone. */
const SPARED = new Set(['need', 'needed', 'notice', 'noticed', 'mind', 'minded', 'realize', 'realized', 'realise', 'know', 'knew', 'feel', 'felt', 'taste', 'tell']);

/** The end of a "didn't even <verb>" span starting at negator i (one past the verb), or -1. */
export function notEvenAt(toks: Tokens, i: number): number {
  const { count, norm, kind, clause, flags } = toks;
  const v = i + 2;
  if (v >= count || norm[i + 1] !== 'even' || clause[v] !== clause[i] || kind[v] !== Kind.Word) return -1;
  if (!DEED_NEGATORS.has(norm[i]!)) return -1;
  const verb = norm[v]!;
  if (flags[v]! & (F.VALENCE | F.NEGATOR | F.TOO) || SPARED.has(verb)) return -1;
  // "didn't even have to wait": what one was spared.
  if ((verb === 'have' || verb === 'had') && v + 1 < count && norm[v + 1] === 'to') return -1;
  return v + 1;
}
