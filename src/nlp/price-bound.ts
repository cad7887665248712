import { CURRENCY_SIGNS } from './chars.js';
import { Kind, type Tokens } from './token.js';

/**
 * A sum of money with a bound that judges it: "less than $25 for two", "under $30 with wine", "only $6.95" say it was
 * cheap; "at least $14", "nearly $100", "upwards of $60" that it was dear. A price alone ("a large is $20", "around $8
 * for dinner") is a fact, as in `wasted-time.ts` a duration alone is. Read at the number, after a currency sign
 * ("$25") or before "dollars" / "bucks" ("under 20 dollars"), and only in texts with a currency sign or such a word
 * (the tokenizer's `M.CURRENCY` mark, or the number's next word). A negation before the bound is read as for any item
 * ("no more than $6 each" is cheap).
 */

/** Valence of a sum said to be small or large: a mild verdict on the price. */
const BOUND_VALENCE = 1.5;

const SIGNS = new Set(CURRENCY_SIGNS);
const MONEY_WORDS = new Set(['dollars', 'bucks', 'euros', 'pounds', 'quid']);
/** One-word bounds before the sum, with the sign of their verdict. */
const ONE_WORD = new Map<string, number>([
  ['under', 1], ['only', 1], ['just', 1], ['nearly', -1], ['nearing', -1], ['almost', -1], ['over', -1],
]);
/** Two-word bounds ("less than", "at least"), by their second word then first. */
const TWO_WORD = new Map<string, Map<string, number>>([
  ['than', new Map([['less', 1], ['more', -1]])],
  ['least', new Map([['at', -1]])],
  ['of', new Map([['upwards', -1]])],
]);

/** The bound before token j (the first token of the sum): its first token and verdict, or undefined. */
function boundBefore(toks: Tokens, j: number): { start: number; sign: number } | undefined {
  const { norm, clause, kind } = toks;
  const b = j - 1;
  if (b < 0 || clause[b] !== clause[j] || kind[b] !== Kind.Word) return undefined;
  const one = ONE_WORD.get(norm[b]!);
  if (one !== undefined) return { start: b, sign: one };
  const firsts = TWO_WORD.get(norm[b]!);
  const a = b - 1;
  const two = firsts && a >= 0 && clause[a] === clause[j] ? firsts.get(norm[a]!) : undefined;
  return two === undefined ? undefined : { start: a, sign: two };
}

/** A bounded sum whose number is token i: the span's first token, its end and valence; or undefined. */
export function priceBoundAt(toks: Tokens, i: number, currencyMarked: boolean): { start: number; end: number; valence: number } | undefined {
  const { count, norm, kind, clause } = toks;
  let first = i;
  let end = i + 1;
  if (currencyMarked && i > 0 && kind[i - 1] === Kind.Punct && SIGNS.has(norm[i - 1]!) && clause[i - 1] === clause[i]) first = i - 1;
  else if (i + 1 < count && clause[i + 1] === clause[i] && MONEY_WORDS.has(norm[i + 1]!)) end = i + 2;
  else return undefined;
  const bound = boundBefore(toks, first);
  return bound ? { start: bound.start, end, valence: bound.sign * BOUND_VALENCE } : undefined;
}
