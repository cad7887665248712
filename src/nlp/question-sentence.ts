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
