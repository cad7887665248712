import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';

/** The first and last token of the sentence `questionSentence` last read (one object, reused: analysis is synchronous). */
export const SPAN = { first: 0, last: 0 };

/**
 * Read the sentence of token `at` into `SPAN` (its first and last token); whether it is closed by punctuation with a
 * "?". Shared by the rules on questions (`polar-question.ts`, `asked-choice.ts`, `rhetorical-question.ts`).
 */
export function questionSentence(toks: Tokens, at: number): boolean {
  const { sentence, count } = toks;
  const s = sentence[at]!;
  let first = at;
  while (first > 0 && sentence[first - 1] === s) first--;
  let last = at;
  while (last + 1 < count && sentence[last + 1] === s) last++;
  SPAN.first = first;
  SPAN.last = last;
  return toks.kind[last] === Kind.Punct && toks.norm[last]!.includes('?');
}

/** Connectives that may come before a question's first word ("So where can I find good pizza?", "Oh, isn't it lovely?"). */
const LEADS = wordSet('so and but oh well ok okay then now also');

/**
 * The first word of the sentence [first, last], past punctuation and one connective of `LEADS`; `last` when there is
 * none. Shared by the rules that read how a question opens (`asked-choice.ts`, `negated-question.ts`,
 * `rhetorical-question.ts`).
 */
export function openingWord(toks: Tokens, first: number, last: number): number {
  const { norm, kind } = toks;
  let j = first;
  while (j < last && kind[j] !== Kind.Word) j++;
  if (j < last && LEADS.has(norm[j]!)) {
    j++;
    while (j < last && kind[j] !== Kind.Word) j++;
  }
  return j;
}
