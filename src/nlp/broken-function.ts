import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { MARK } from './word-marks.js';
import { F } from './word-info.js';

/**
 * A thing that will not do its job: "the computer would not turn on", "the machine won't connect", "the seats don't
 * recline", "it would not hold a charge", "Won't charge." A negated verb of working, with a thing for its subject (a
 * noun after "the", "my" …, "it", "this", or none at all, as in a review's fragments), is a fault however plain its
 * words. The fixed ones ("doesn't work", "won't load") are lexicon phrases, read first. Not with a person for subject:
 * "I don't work there", "they don't open until 5", "we don't recline our seats on short flights".
 */

/** Verbs that say nothing of working alone: "turn" needs "on", "stay" a state, "hold" a charge. */
const NEEDS_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...['turn', 'turned', 'turns'].map((w): [string, ReadonlySet<string>] => [w, wordSet('on off')]),
  ...['stay', 'stayed', 'stays'].map((w): [string, ReadonlySet<string>] => [w, wordSet('charged connected on lit cold hot closed open put together')]),
  ...['hold', 'held', 'holds'].map((w): [string, ReadonlySet<string>] => [w, wordSet('a charge')]),
]);
/**
 * Verbs that say something else before an object or a time ("didn't charge us for dessert", "the kitchen doesn't open
 * until 6", "the bus doesn't run on Sundays", "the show didn't start until 9"): a fault only where they end their
 * clause ("the door won't open", "Won't charge.") or a word of how well follows (`HOW_WELL`).
 */
const ENDS_CLAUSE = wordSet(`
  charge charged run ran open opened close closed start started update updated install installed lock locked
  unlock unlocked charges runs opens closes starts updates installs locks unlocks
`);
/** Words after a verb of working that still speak of how it works ("didn't charge properly", "won't start again"). */
const HOW_WELL = wordSet('properly correctly anymore either at reliably consistently again fully well right');
/** Auxiliaries between a subject and "not" ("it would not", "the door will not"). */
const AUXILIARIES = wordSet('do does did will would can could is was are were has have had should');
/** Subjects that are people: a person's "not working" is no fault of a thing. */
const PEOPLE = wordSet(`i we you they he she u us y'all yall everyone everybody someone somebody nobody people staff
  i'm we're you're they're he's she's i'd we'd they'd`);
/** Words searched back from the negation for its subject. */
const SUBJECT_REACH = 4;

/**
 * The end (one past its last word) of a thing failing to work at negator i, or -1. `marks` are the word marks
 * (`wordMarks`): a verb of working (`WORKING` in rules.ts) is told by its `MARK.WORKING`.
 */
export function brokenFunctionAt(toks: Tokens, i: number, marks: Uint16Array): number {
  const { norm, kind, clause, count } = toks;
  if (NONE_SUBJECTS.has(norm[i]!)) return noneWorkingAt(toks, i, marks);
  const j = i + 1;
  if (j >= count || kind[j] !== Kind.Word || !(marks[toks.id[j]!]! & MARK.WORKING) || clause[j] !== clause[i]) return -1;
  const end = workingEnd(toks, j, false);
  if (end < 0) return -1;
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

/**
 * The end of the verb of working at j with what it needs after it ("turn on", "hold a charge"), or -1 where it says
 * something else (see `ENDS_CLAUSE`). `strict`: the verb must also end its clause or be followed by a word of how well
 * it works ("none of them work properly", not "nothing works better than …").
 */
function workingEnd(toks: Tokens, j: number, strict: boolean): number {
  const { norm, kind, clause, count } = toks;
  let end = j + 1;
  const more = end < count && kind[end] === Kind.Word && clause[end] === clause[j];
  if ((strict || ENDS_CLAUSE.has(norm[j]!)) && more && !HOW_WELL.has(norm[end]!) && !NEEDS_AFTER.has(norm[j]!)) return -1;
  const after = NEEDS_AFTER.get(norm[j]!);
  if (after) {
    if (end >= count || clause[end] !== clause[j] || !after.has(norm[end]!)) return -1;
    end += norm[end] === 'a' ? 2 : 1;
    if (end > count) return -1;
  }
  return end;
}

/** Negators that are the subject of the verb: "none of them work", "neither one worked", "nothing works". */
const NONE_SUBJECTS = wordSet('none neither nothing');
/** Words searched from such a subject to its verb ("none of the new ones have ever quite worked properly"). */
const VERB_REACH = 8;

/**
 * "None of them work.", "Neither will charge.", "none of the new ones have ever quite worked properly": the things
 * named (or none) all fail. The end of the verb of working after the negator at i, within its clause, or -1; not past
 * a sentiment word, another negation or a person ("none of us work there").
 */
function noneWorkingAt(toks: Tokens, i: number, marks: Uint16Array): number {
  const { norm, kind, clause, count, flags } = toks;
  for (let k = i + 1; k < count && k <= i + VERB_REACH && clause[k] === clause[i]; k++) {
    if (kind[k] !== Kind.Word) return -1;
    if (marks[toks.id[k]!]! & MARK.WORKING) return workingEnd(toks, k, true);
    if (flags[k]! & (F.VALENCE | F.NEGATOR) || PEOPLE.has(norm[k]!)) return -1;
  }
  return -1;
}
