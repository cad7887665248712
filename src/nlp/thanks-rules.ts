import { addStep, type Item } from './sentiment.js';
import { Kind, type Tokens } from './token.js';

/**
 * What a closing "Thanks." after a question or request weighs: nothing. It is courtesy, not praise of what was asked
 * about; it stays in the explanation (weight 0, rule "courtesy") so an analyst sees why it did not count.
 */
const POLITE = 0;
const THANKS = new Set(['thanks', 'thank', 'thx', 'thanx', 'thnx', 'ty', 'tia', 'cheers']);
/** Words a closing may hold besides the thanks ("thank you so much in advance"). */
const CLOSING = new Set(['you', 'u', 'so', 'very', 'much', 'in', 'advance', 'again', 'a', 'lot', 'all', 'guys', 'for', 'any', 'your', 'the', 'help']);
/** Request words that, like a question, make a closing thanks a courtesy ("Pls advise. Thanks"). */
const REQUEST = new Set(['please', 'pls', 'plz', 'advise', 'help']);

/**
 * A sentence that is only thanks ("Thanks.", "Thank you in advance!") closing a post that asked something (a "?" or
 * a request word in an earlier sentence) is courtesy: it counts for nothing. Posts to a brand end this way whatever
 * they complain about: "Is there any way to speak to a human? Thank you."
 */
export function applyPoliteClosing(toks: Tokens, items: Item[]): void {
  const norm = toks.norm;
  const kind = toks.kind;
  const sentence = toks.sentence;
  for (const it of items) {
    if (it.weight <= 0 || !THANKS.has(norm[it.start]!)) continue;
    const s = it.sentence;
    if (s === 0) continue;
    let first = it.start;
    while (first > 0 && sentence[first - 1] === s) first--;
    let only = true;
    for (let j = first; j < toks.count && sentence[j] === s; j++) {
      if (kind[j] === Kind.Word && !THANKS.has(norm[j]!) && !CLOSING.has(norm[j]!)) {
        only = false;
        break;
      }
      if (kind[j] === Kind.Emoji) {
        only = false;
        break;
      }
    }
    if (!only) continue;
    let asked = false;
    for (let j = 0; j < first && !asked; j++) {
      if (kind[j] === Kind.Punct) asked = norm[j]!.includes('?');
      else if (kind[j] === Kind.Word) asked = REQUEST.has(norm[j]!);
    }
    if (!asked) continue;
    it.weight *= POLITE;
    it.local *= POLITE;
    addStep(it, 'courtesy', norm[it.start]!);
  }
}

/** What thanks for a failure weighs: "Thanks for the lack of help" is blame, as irony elsewhere (see `applyIrony`). */
const IRONIC = -0.5;

/**
 * "Thanks for the lack of help", "thank you for losing my bag": thanks whose object, in the same clause, is a
 * complaint is sarcasm; it counts as mild blame. Only "thanks/thank you for" + a negative item after it.
 */
export function applyIronicThanks(toks: Tokens, items: Item[]): void {
  const norm = toks.norm;
  for (let n = 0; n < items.length - 1; n++) {
    const it = items[n]!;
    if (it.weight <= 0 || !THANKS.has(norm[it.start]!)) continue;
    let j = it.end;
    if (j < toks.count && norm[j] === 'you') j++;
    if (j >= toks.count || norm[j] !== 'for' || toks.clause[j] !== it.clause) continue;
    const next = items[n + 1]!;
    if (next.clause !== it.clause || next.weight >= 0) continue;
    it.weight *= IRONIC;
    it.local *= IRONIC;
    addStep(it, 'irony', 'for');
  }
}
