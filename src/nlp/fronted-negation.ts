import { type Item, negateItem } from './sentiment.js';
import { Kind, type Tokens } from './token.js';

/**
 * A negation fronted before an inverted auxiliary denies the whole clause, however long its subject: "not once has an
 * item on the menu disappointed", "never once did we feel rushed". The usual scope (a few words before the item)
 * stops short of the verb there. Only that shape: "if not once for the whole trip", "not once a week" have no
 * auxiliary after "once", and are left alone; so is a word that describes a noun ("not once have I heard from your
 * embarrassing airline": the airline stays embarrassing).
 */

/** Auxiliaries that follow a fronted "not once" / "never once" ("not once has it…", "never once did they…"). */
const INVERTED = new Set(['has', 'have', 'had', 'did', 'does', 'do', 'was', 'were', 'is', 'are', 'will', 'would', 'could']);
/** Words before a noun phrase's modifier: "… from your embarrassing airline" describes a thing, it is not the verb denied. */
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those']);

/** The "once" of a fronted "not once" + auxiliary before token `at` in its clause, or -1. */
function frontedBefore(toks: Tokens, at: number): number {
  const { norm, clause, kind } = toks;
  const c = clause[at];
  for (let j = at - 2; j >= 1 && clause[j] === c; j--) {
    if (norm[j] !== 'once' || kind[j + 1] !== Kind.Word || !INVERTED.has(norm[j + 1]!)) continue;
    const w = norm[j - 1];
    if ((w === 'not' || w === 'never') && clause[j - 1] === c) return j - 1;
  }
  return -1;
}

/**
 * Negate the items a fronted negation reaches that its usual scope did not (see the module comment). The negator's own
 * bare score ("never" alone is mild blame) goes: here it negates the clause.
 */
export function applyFrontedNegation(toks: Tokens, items: Item[]): void {
  let bare = -1;
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.rules.includes('negated') || (it.start > 0 && DETERMINERS.has(toks.norm[it.start - 1]!))) continue;
    const j = frontedBefore(toks, it.start);
    if (j < 0) continue;
    negateItem(it, toks.norm[j]!);
    bare = j;
  }
  if (bare < 0) return;
  for (let n = 0; n < items.length; n++) {
    if (items[n]!.start === bare && items[n]!.rules.includes('bare negation')) {
      items.splice(n, 1);
      return;
    }
  }
}
