import { negateItem, type Item } from './sentiment.js';
import type { Tokens } from './token.js';

/** Words between "used to" and the praise ("used to be pretty good", "used to be my favorite"). */
const BETWEEN = new Set(['be', 'been', 'really', 'so', 'very', 'pretty', 'quite', 'my', 'our', 'a', 'the', 'one', 'of', 'such']);
/** Words before "used to" that make it "accustomed to" ("we're used to better", "I got used to it"). */
const ACCUSTOMED = new Set(['be', 'am', 'is', "i'm", 'im', 'are', "we're", 'were', 'was', 'get', 'got', 'getting', 'gotten', 'been']);

/**
 * Praise in the past that is no more: "It used to be great", "used to love this place", "this place used to be my
 * favorite". Said in a review it tells a decline, so it counts as the praise denied ("used to", as negated); so does
 * "better" after "accustomed to" ("we're used to better service"). Not other praise after "accustomed to" ("I got used
 * to the great view"), nor praise further on in the clause ("used to come here and the food is still great").
 */
export function applyPastPraise(toks: Tokens, items: Item[]): void {
  const { norm, clause } = toks;
  for (const it of items) {
    if (it.weight <= 0) continue;
    // Most praise has no "used" in the five words before it: two string comparisons each rule it out.
    let used = false;
    for (let k = it.start - 2; k >= 0 && k >= it.start - 5; k--) if (norm[k] === 'used') used = true;
    if (!used) continue;
    let j = it.start - 1;
    let hops = 0;
    while (j >= 0 && clause[j] === it.clause && BETWEEN.has(norm[j]!) && hops < 3) {
      j--;
      hops++;
    }
    if (j < 1 || norm[j] !== 'to' || norm[j - 1] !== 'used' || clause[j - 1] !== it.clause) continue;
    // Accustomed to better, the writer did not get it here ("we're used to better service").
    if (j >= 2 && ACCUSTOMED.has(norm[j - 2]!) && norm[it.start] !== 'better') continue;
    negateItem(it, 'used to');
  }
}
