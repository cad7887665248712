import { type Item, negateItem } from './sentiment.js';
import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * "None of" denies what its clause says of the things it counts, however many words name them: "None of them are
 * engaging or exciting", "none of the tones is acceptable", "none of ur tweets back are helpful". The usual scope (a
 * few words before the item) stops short of the predicate there. Only items after a verb of being or seeming that
 * follows the "of" ("none of X are …", "none of the dishes tasted …"), that no negation reached; a word that describes
 * a noun in the counted phrase ("none of the friendly staff came") is not the predicate, and is left alone. Negated as
 * `scoreItem` negates: praise becomes blame, blame faint praise ("none of the staff were rude"). Read only in texts with
 * a negator (`F.NEGATOR`), and only for "none", "neither", "nobody" or "no one" before "of".
 */

const COUNTERS = wordSet('none neither nobody');
/** Verbs of being or seeming after the counted phrase, before the predicate. */
const VERBS = wordSet(`
  is are was were be been seem seems seemed look looks looked taste tastes tasted feel feels felt sound sounds sounded
  's 're
`);
/** How far the verb may stand after "of" (the counted phrase: "of the three sizes they sent with the headset"). */
const REACH = 8;

export function applyNoneOf(toks: Tokens, items: Item[]): void {
  if (!(toks.textFlags & F.NEGATOR) || !hasCounter(toks)) return;
  for (const it of items) {
    if (it.weight === 0 || it.rules.includes('negated')) continue;
    const counter = counterBefore(toks, it.start);
    if (counter < 0) continue;
    negateItem(it, toks.norm[counter]!);
  }
}

/** Whether the text has a counter at all, told by the negator flag before the word: most texts have none. */
function hasCounter(toks: Tokens): boolean {
  const { norm, flags, count } = toks;
  for (let j = 0; j < count; j++) {
    if (!(flags[j]! & F.NEGATOR)) continue;
    const w = norm[j]!;
    if (COUNTERS.has(w) || (w === 'no' && j + 1 < count && norm[j + 1] === 'one')) return true;
  }
  return false;
}

/**
 * The "none" / "neither" / "nobody" / "no" (of "no one") of a "… of" before token `at` in its clause, with a verb of
 * `VERBS` between the "of" and `at`; else -1.
 */
function counterBefore(toks: Tokens, at: number): number {
  const { norm, clause, kind } = toks;
  const c = clause[at];
  let verb = -1;
  for (let j = at - 1; j >= 1 && clause[j] === c && at - j <= REACH + 3; j--) {
    if (kind[j] !== Kind.Word) continue;
    const w = norm[j]!;
    if (verb < 0 && VERBS.has(w)) {
      verb = j;
      continue;
    }
    if (w !== 'of' || verb < 0) continue;
    const k = j - 1;
    if (COUNTERS.has(norm[k]!) || (norm[k] === 'one' && k > 0 && norm[k - 1] === 'no')) return norm[k] === 'one' ? k - 1 : k;
    return -1;
  }
  return -1;
}
