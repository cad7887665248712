import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { MARK } from './word-marks.js';

/**
 * A thing that will not do its job: "the computer would not turn on", "the machine won't connect", "the seats don't
 * recline", "it would not hold a charge", "Won't charge." A negated verb of working, with a thing for its subject (a
 * noun after "the", "my" …, "it", "this", or none at all, as in a review's fragments), is a fault however plain its
 * words. The fixed ones ("doesn't work", "won't load") are lexicon phrases, read first. Not with a person for subject:
 * "I don't work there", "they don't open until 5", "we don't recline our seats on short flights".
 */

/** Verbs that say nothing of working alone: "turn" needs "on", "stay" a state, "hold" a charge. */
const NEEDS_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...['turn', 'turned'].map((w): [string, ReadonlySet<string>] => [w, wordSet('on off')]),
  ...['stay', 'stayed'].map((w): [string, ReadonlySet<string>] => [w, wordSet('charged connected on lit cold hot closed open put together')]),
  ...['hold', 'held'].map((w): [string, ReadonlySet<string>] => [w, wordSet('a charge')]),
]);
/**
 * Verbs that say something else before an object or a time ("didn't charge us for dessert", "the kitchen doesn't open
 * until 6", "the bus doesn't run on Sundays", "the show didn't start until 9"): a fault only where they end their
 * clause ("the door won't open", "Won't charge.") or a word of how well follows (`HOW_WELL`).
 */
const ENDS_CLAUSE = wordSet(`
  charge charged run ran open opened close closed start started update updated install installed lock locked
  unlock unlocked
`);
/** Words after a verb of working that still speak of how it works ("didn't charge properly", "won't start again"). */
const HOW_WELL = wordSet('properly correctly anymore either at reliably consistently again fully well right');
/** Auxiliaries between a subject and "not" ("it would not", "the door will not"). */
const AUXILIARIES = wordSet('do does did will would can could is was are were has have had should');
/** Subjects that are people: a person's "not working" is no fault of a thing. */
const PEOPLE = wordSet(`i we you they he she u y'all yall everyone everybody someone somebody nobody people staff
  i'm we're you're they're he's she's i'd we'd they'd`);
/** Words searched back from the negation for its subject. */
const SUBJECT_REACH = 4;

/**
 * The end (one past its last word) of a thing failing to work at negator i, or -1. `marks` are the word marks
 * (`wordMarks`): a verb of working (`WORKING` in rules.ts) is told by its `MARK.WORKING`.
 */
export function brokenFunctionAt(toks: Tokens, i: number, marks: Uint16Array): number {
  const { norm, kind, clause, count } = toks;
  const j = i + 1;
  if (j >= count || kind[j] !== Kind.Word || !(marks[toks.id[j]!]! & MARK.WORKING) || clause[j] !== clause[i]) return -1;
  let end = j + 1;
  if (ENDS_CLAUSE.has(norm[j]!) && end < count && kind[end] === Kind.Word && clause[end] === clause[i] && !HOW_WELL.has(norm[end]!)) {
    return -1;
  }
  const after = NEEDS_AFTER.get(norm[j]!);
  if (after) {
    if (end >= count || clause[end] !== clause[i] || !after.has(norm[end]!)) return -1;
    end += norm[end] === 'a' ? 2 : 1;
    if (end > count) return -1;
  }
  // The subject: the first word back that is no auxiliary or adverb-like filler.
  for (let k = i - 1, seen = 0; k >= 0 && seen < SUBJECT_REACH && clause[k] === clause[i]; k--) {
    if (kind[k] !== Kind.Word) continue;
    seen++;
    const w = norm[k]!;
    // "Still not open": a wait that goes on (`still-not.ts`), whatever the thing.
    if (PEOPLE.has(w) || w === 'still') return -1;
    if (!AUXILIARIES.has(w) && w !== 'just' && w !== 'even') break;
  }
  return end;
}
