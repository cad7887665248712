import { addStep, type Item } from './sentiment.js';
import { wordSet } from './rules.js';
import type { Tokens } from './token.js';
import { F } from './word-info.js';
import { NOT_A_PLACE } from './return-reading.js';

/**
 * A thing sent back is a complaint, not a visit promised: "I will be returning this phone", "we'll be returning them
 * tomorrow". The lexicon's phrases of a return ("will be returning") end on the verb; what follows it tells a visit
 * ("will be returning soon", "will be returning the next time we're in town") from a thing returned ("it", "this",
 * "them"). Such an item weighs `SENT_BACK` (rule "sent back"), as the lexicon's "returning it"; denied, the thing is
 * kept and no visit is refused ("I won't be returning it, I love it": 0, rule "kept"). The plain object forms
 * ("I'm returning them", "Sending it back.") are phrases of the lexicon. Read only in texts with a word of return
 * (`F.RETURN`), on items ending on "return" or "returning".
 * The same for a visit's phrase before "to" and a state or pastime ("I'll never go back to sleep", "will go back to
 * work tomorrow"): no visit, it weighs 0 (rule "no place"), as `return-reading.ts` reads it around other words.
 */

/** What a thing sent back weighs, as the lexicon's "returning it" (-2). */
const SENT_BACK = -2;
const RETURN_VERBS = wordSet('return returning');
/** Objects after the verb that are a thing, not a time or place ("returning this phone", "returning them"). */
const THINGS = wordSet('it this that them these those');

export function applyProductReturn(toks: Tokens, items: Item[]): void {
  if (!(toks.textFlags & F.RETURN)) return;
  const { norm, clause, count } = toks;
  for (const it of items) {
    if (it.weight === 0) continue;
    const last = it.end - 1;
    // "I'll never go back to sleep", "I will go back to work tomorrow": a state or a pastime, no visit.
    if (norm[last] === 'back' && it.end + 1 < count && norm[it.end] === 'to' && NOT_A_PLACE.has(norm[it.end + 1]!)) {
      it.weight = 0;
      it.local = 0;
      addStep(it, 'no place');
      continue;
    }
    if (!RETURN_VERBS.has(norm[last]!) || it.end >= count || clause[it.end] !== clause[last]) continue;
    if (!THINGS.has(norm[it.end]!)) continue;
    // Denied, the thing is kept: no visit refused ("I won't be returning it, I love it").
    const valence = it.weight > 0 ? SENT_BACK : 0;
    const share = it.local === 0 ? 1 : it.weight / it.local;
    it.local = valence;
    it.weight = valence * share;
    addStep(it, valence < 0 ? 'sent back' : 'kept');
  }
}
