import { Kind, type Tokens } from './token.js';
import { wordSet } from './rules.js';

/**
 * Questions said in disbelief, which complain rather than ask. "Are you kidding me?", "Are you serious?", "Is this a
 * joke?" open like a yes/no question, but their opinion (the lexicon's "you kidding", "you serious", "joke"; see
 * config/lexicon/22-exasperated-questions.yaml) is the writer's, so `applyPolarQuestions` leaves it standing.
 * "Seriously?", "Really?!" said alone as a sentence exclaim at what was just told, a complaint of their own (20 of 22
 * such airline tweets in the dev half are negative, one neutral, one positive). Read only in texts with a "?" (the
 * tokenizer's `M.QUESTION`, checked by the callers).
 */

/** What a sentence said in disbelief weighs ("Seriously?"): a complaint, as the lexicon's "you kidding" (-2). */
export const EXASPERATED = -2;

/** Who is asked about in disbelief: "are you", "is this", "are you guys". */
const ASKED_SUBJECTS = wordSet('you u ya this that it');
const SUBJECT_TAILS = wordSet('guys all people');
/** The word of disbelief right after the subject ("kidding", "serious", "joking", "a joke", "for real"). */
const DISBELIEF = wordSet('kidding kiddin joking serious');
const DISBELIEF_PAIRS = new Map([['a', 'joke'], ['for', 'real'], ['kill', 'you']]);
/** Words that said alone as a question exclaim ("Seriously?", "REALLY?!"). */
const INTERJECTIONS = wordSet('seriously really srsly rly');

/**
 * Does the yes/no question whose opener is token `opener` ask in disbelief ("Are you kidding me?", "Is this a
 * joke?", "Would it kill you to answer?", "Is it too much to ask …?")? Read only for sentences already found to be
 * yes/no questions.
 */
export function asksInDisbelief(toks: Tokens, opener: number): boolean {
  const { norm, sentence, count } = toks;
  const s = sentence[opener]!;
  let j = opener + 1;
  if (j >= count || sentence[j] !== s || !ASKED_SUBJECTS.has(norm[j]!)) return false;
  j++;
  if (j < count && sentence[j] === s && SUBJECT_TAILS.has(norm[j]!)) j++;
  if (j >= count || sentence[j] !== s) return false;
  const w = norm[j]!;
  if (DISBELIEF.has(w)) return true;
  // "Is it too much to ask for a working app?": a small thing asked for as if it were much.
  if (w === 'too' && j + 3 < count && norm[j + 1] === 'much' && norm[j + 2] === 'to' && norm[j + 3] === 'ask') {
    return true;
  }
  const second = DISBELIEF_PAIRS.get(w);
  return second !== undefined && j + 1 < count && sentence[j + 1] === s && norm[j + 1] === second;
}

/**
 * The tokens of "Seriously?", "Really?!" said as a sentence of their own, in text order: a word of `INTERJECTIONS`
 * alone in its sentence and followed by punctuation with a "?". Call only for texts with a "?".
 */
export function exasperatedInterjections(toks: Tokens): readonly number[] {
  const { count, kind, norm, sentence } = toks;
  let out: number[] | undefined;
  for (let k = 1; k < count; k++) {
    if (kind[k] !== Kind.Punct || kind[k - 1] !== Kind.Word) continue;
    const w = k - 1;
    if (sentence[w] !== sentence[k] || (w > 0 && sentence[w - 1] === sentence[w])) continue;
    if (!norm[k]!.includes('?') || !INTERJECTIONS.has(norm[w]!)) continue;
    (out ??= []).push(w);
  }
  return out ?? NONE;
}

const NONE: readonly number[] = Object.freeze([]);
