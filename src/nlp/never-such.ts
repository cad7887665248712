import { addStep, type Item, undoNegation } from './sentiment.js';
import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * "Never" before "such" or "so" says the utmost, it denies nothing: "I have never had such good food" praises, "I've
 * never been so disappointed" and "never seen such rude staff" blame, "Never have I had such amazing service" praises.
 * As "could not be happier": the word keeps its sense, made stronger (×1.5, rule "intensified" by "never"). Where the
 * negation reached the word, it is taken off; where it did not and the bare "never" was scored, that item weighs 0.
 * Only where the words between "never" and "such" / "so" are those of having met something ("had", "been", "seen",
 * "in my life"), and the word follows "such" / "so" (or "such a") at once: "I never said it was so good" and "never
 * so much as a smile" keep their negation. Read only in texts with a negator and a degree word.
 */

/** What the utmost weighs against the word alone, as a negated comparative ("never felt more welcome"). */
const UTMOST = 1.5;
const NEVER = 'never';
const EXCLAIMING = wordSet('such so');
/** Words between "never" and "such" / "so": the meeting with the thing, in any tense, or an inverted subject. */
const MEETING = wordSet(`
  i we have has had ve 've been seen eaten tasted tried felt met experienced received encountered heard witnessed
  dealt with found known gotten got in my our life lives ever before
  saw ate flown flew stayed visited served treated bought owned used driven drove read watched
`);
/** How far "such" / "so" may stand after "never". */
const REACH = 5;

export function applyNeverSuch(toks: Tokens, items: Item[]): void {
  if (!(toks.textFlags & F.NEGATOR) || !(toks.textFlags & F.DEGREE)) return;
  for (const it of items) {
    if (it.weight === 0) continue;
    if (it.rules[0] === 'bare negation' && toks.norm[it.start] === NEVER) {
      // "Never have I had such amazing service": the item after "such" is read, the bare "never" is no complaint.
      if (utmostAfter(toks, it.start) >= 0) {
        it.weight = 0;
        it.local = 0;
        addStep(it, 'utmost');
      }
      continue;
    }
    if (!it.steps || !it.rules.includes('negated')) continue;
    const never = neverBefore(toks, it.start);
    if (never < 0 || utmostAfter(toks, never, it.start) !== it.start) continue;
    undoNegation(it, NEVER, UTMOST, 'intensified', NEVER);
  }
}

/** The "never" a few words before token `at` in its clause, or -1. */
function neverBefore(toks: Tokens, at: number): number {
  const { norm, clause } = toks;
  for (let j = at - 1; j >= 0 && j >= at - REACH - 2 && clause[j] === clause[at]; j--) if (norm[j] === NEVER) return j;
  return -1;
}

/**
 * The word that "such" / "so" stresses after the "never" at `never` (see above), when only words of meeting stand
 * between them; else -1. `item`: the start of an item that may be a phrase of unscored words.
 */
function utmostAfter(toks: Tokens, never: number, item = -1): number {
  const { norm, clause, kind, count } = toks;
  const c = clause[never];
  for (let j = never + 1; j < count && j <= never + REACH + 1 && clause[j] === c; j++) {
    if (kind[j] !== Kind.Word) return -1;
    const w = norm[j]!;
    if (EXCLAIMING.has(w)) {
      let k = j + 1;
      if (w === 'such' && k < count && (norm[k] === 'a' || norm[k] === 'an')) k++;
      // The word scores, or starts the item asked about (a phrase: "never been so grossed out").
      return k < count && clause[k] === c && (toks.flags[k]! & F.VALENCE || k === item) ? k : -1;
    }
    if (!MEETING.has(w)) return -1;
  }
  return -1;
}
