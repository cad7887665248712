import { addStep, type Item } from './sentiment.js';
import { questionSentence } from './question-sentence.js';
import { M, type Tokens } from './token.js';
import { wordSet } from './rules.js';

/**
 * Praise that names what is asked for: "What's the best way to get a receipt?", "What is a good number to call?",
 * "What's my best option?". The word picks the thing wanted, as "looking for a good meal" does, and judges nothing: it
 * weighs 0 (rule "asked"). Only a wh-word with a copula right before the word (and its determiner), in a sentence
 * closed by "?": "What a great flight!" exclaims and keeps its praise. Read only in texts with a "?" (`M.QUESTION`).
 */

/** A wh-word and its copula in one token. */
const WH_IS = wordSet("what's whats which's where's who's");
const WH = wordSet('what which');
const COPULAS = wordSet('is are was');
const DETERMINERS = wordSet('the a an my your our');

export function applyAskedChoice(toks: Tokens, items: Item[]): void {
  if (!(toks.marks & M.QUESTION)) return;
  const { norm, sentence } = toks;
  for (const it of items) {
    if (it.weight <= 0) continue;
    let k = it.start - 1;
    if (k >= 0 && DETERMINERS.has(norm[k]!)) k--;
    // A phrase may hold the determiner ("the best").
    if (k < 0 || sentence[k] !== it.sentence) continue;
    const asks = WH_IS.has(norm[k]!) || (COPULAS.has(norm[k]!) && k > 0 && sentence[k - 1] === it.sentence && WH.has(norm[k - 1]!));
    if (!asks) continue;
    if (!questionSentence(toks, it.start)) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'asked');
  }
}
