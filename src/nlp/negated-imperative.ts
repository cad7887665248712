import { FUNCTION_WORDS } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * A warning to other diners in a negated imperative without a sentiment word: "Just don't do it.", "Don't expect to sit
 * down inside.", "Don't take the table by the door." Opening its sentence ("don't" or "do not", after "just", "so",
 * "and", "but", "please" at most), the imperative tells the reader what to avoid; the fixed warnings ("don't go",
 * "don't bother") are lexicon phrases. Only where nothing in the clause carries a valence: there the words carry
 * the meaning ("don't miss it", "don't forget to try the flan", "don't be fooled"). Not the verbs of the reassurance
 * that praises what looks bad ("don't let the decor fool you", "don't judge it by the outside", "don't be put off"),
 * nor those that are no imperative once the subject is dropped ("don't know why", "don't get me wrong", "don't mind"),
 * nor a place kept secret ("don't tell anyone about it" is praise).
 */

/** Words that may stand before the imperative in its sentence. */
const OPENERS = new Set(['just', 'so', 'and', 'but', 'please', 'oh', 'then', 'also', 'seriously', 'honestly']);
/** Verbs after "don't" that make no warning. */
const NOT_A_WARNING = new Set([
  'let', 'judge', 'be', 'know', 'think', 'get', 'mind', 'care', 'worry', 'hesitate', 'want', 'need', 'have', 'see',
  'understand', 'believe', 'remember', 'recall', 'fret', 'panic', 'tell',
  // An adverb first is the dropped subject's ("don't really know what that means", "don't usually eat there").
  'really', 'even', 'ever', 'usually', 'always', 'actually', 'normally', 'typically', 'generally', 'often',
]);

/** Whether every token before j in its sentence is punctuation or an opener ("Just", "So,"). */
function opensSentence(toks: Tokens, j: number): boolean {
  const { sentence, kind, norm } = toks;
  for (let k = j - 1; k >= 0 && sentence[k] === sentence[j]; k--) {
    if (kind[k] !== Kind.Punct && !OPENERS.has(norm[k]!)) return false;
  }
  return true;
}

/** Where the "don't" or "do not" that negator i belongs to starts ("do" for "do not"), or -1 for any other negator. */
export function dontAt(toks: Tokens, i: number): number {
  const { norm, clause } = toks;
  const w = norm[i]!;
  if (w === "don't" || w === 'dont') return i;
  return w === 'not' && i > 0 && norm[i - 1] === 'do' && clause[i - 1] === clause[i] ? i - 1 : -1;
}

/** The end (one past the verb) of a warning in the negated imperative at negator i ("don't" or "do not"), or -1. */
export function negatedImperativeAt(toks: Tokens, i: number): number {
  const { count, norm, kind, clause, flags } = toks;
  const first = dontAt(toks, i);
  if (first < 0) return -1;
  const v = i + 1;
  if (v >= count || clause[v] !== clause[i] || kind[v] !== Kind.Word) return -1;
  const verb = norm[v]!;
  // "do" is a function word but for the verb of "just don't do it".
  if (NOT_A_WARNING.has(verb) || (FUNCTION_WORDS.has(verb) && verb !== 'do') || !opensSentence(toks, first)) return -1;
  for (let j = v; j < count && clause[j] === clause[i]; j++) {
    if (kind[j] === Kind.Emoji || flags[j]! & (F.VALENCE | F.NEGATOR | F.TOO)) return -1;
  }
  return v + 1;
}
