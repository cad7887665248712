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
/** Whether item `it` is one thanks word: the first letter is read first, since this runs on every item. */
function isThanks(toks: Tokens, it: Item): boolean {
  if (it.end - it.start !== 1) return false;
  const w = toks.norm[it.start]!;
  const c = w.charCodeAt(0);
  return (c === 116 || c === 99) && THANKS.has(w);
}

/** The thanks rules (irony, then courtesy; see below) in one pass over the items, for thanks words only. */
export function applyThanks(toks: Tokens, items: Item[]): void {
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.weight <= 0 || !isThanks(toks, it)) continue;
    if (n + 1 < items.length && ironicThanks(toks, it, items[n + 1]!)) continue;
    if (thanksForWithheld(toks, it)) continue;
    if (toks.sentences > 1) politeClosing(toks, it);
  }
}

/** Request words that, like a question, make a closing thanks a courtesy ("Pls advise. Thanks"). */
const REQUEST = new Set(['please', 'pls', 'plz', 'advise', 'help']);

/**
 * A sentence that is only thanks ("Thanks.", "Thank you in advance!") closing a post that asked something (a "?" or
 * a request word in an earlier sentence) is courtesy: it counts for nothing. Posts to a brand end this way whatever
 * they complain about: "Is there any way to speak to a human? Thank you."
 */
function politeClosing(toks: Tokens, it: Item): void {
  const norm = toks.norm;
  const kind = toks.kind;
  const sentence = toks.sentence;
  const s = it.sentence;
  if (s === 0) return;
  let first = it.start;
  while (first > 0 && sentence[first - 1] === s) first--;
  for (let j = first; j < toks.count && sentence[j] === s; j++) {
    if (kind[j] === Kind.Emoji) return;
    if (kind[j] === Kind.Word && !THANKS.has(norm[j]!) && !CLOSING.has(norm[j]!)) return;
  }
  let asked = false;
  for (let j = 0; j < first && !asked; j++) {
    if (kind[j] === Kind.Punct) asked = norm[j]!.includes('?');
    else if (kind[j] === Kind.Word) asked = REQUEST.has(norm[j]!);
  }
  if (!asked) return;
  it.weight *= POLITE;
  it.local *= POLITE;
  addStep(it, 'courtesy', norm[it.start]!);
}

/** Verbs of putting a failure right: thanks for them are thanks ("thanks for fixing my delay"). */
const REMEDYING = new Set([
  'fixing', 'fixed', 'resolving', 'resolved', 'solving', 'solved', 'handling', 'sorting', 'correcting', 'addressing',
  'rebooking', 'refunding', 'compensating', 'helping', 'care', 'finding', 'locating', 'recovering',
  'returning', 'rescuing', 'saving', 'covering', 'waiving', 'easing', 'minimizing', 'dealing',
]);

/** What thanks for a failure weighs: "Thanks for the lack of help" is blame, as irony elsewhere (see `applyIrony`). */
const IRONIC = -0.5;

/**
 * "Thanks for the lack of help", "thank you for losing my bag": thanks whose object, in the same clause, is a
 * complaint is sarcasm; it counts as mild blame. Only "thanks/thank you for" + a negative item (`next`) after it.
 * Returns whether it applied.
 */
function ironicThanks(toks: Tokens, it: Item, next: Item): boolean {
  const norm = toks.norm;
  let j = it.end;
  if (j < toks.count && norm[j] === 'you') j++;
  if (j >= toks.count || norm[j] !== 'for' || toks.clause[j] !== it.clause) return false;
  if (next.clause !== it.clause || next.weight >= 0) return false;
  // "Thank you for fixing my 5 hour delay": thanks for putting a failure right are thanks.
  for (let k = j + 1; k < next.start; k++) if (REMEDYING.has(norm[k]!)) return false;
  it.weight *= IRONIC;
  it.local *= IRONIC;
  addStep(it, 'irony', 'for');
  return true;
}

/**
 * Service owed to a customer ("thx for not responding", "thank you for never calling back"): thanks for not doing it
 * are sarcasm, as `ironicThanks`, though the words name no complaint. Thanks for not doing something unwanted stay
 * thanks ("thanks for not charging me").
 */
const OWED = new Set([
  'responding', 'replying', 'answering', 'calling', 'getting', 'following', 'updating', 'letting', 'informing',
  'telling', 'contacting', 'showing', 'returning', 'listening', 'acknowledging', 'communicating', 'notifying',
  'fixing', 'caring', 'doing', 'helping', 'bothering',
]);

/** "thanks (you) for not/never <service owed>": see `OWED`. Returns whether it applied. */
function thanksForWithheld(toks: Tokens, it: Item): boolean {
  const norm = toks.norm;
  let j = it.end;
  if (j < toks.count && (norm[j] === 'you' || norm[j] === 'u')) j++;
  if (j + 2 >= toks.count || norm[j] !== 'for' || toks.clause[j + 2] !== it.clause) return false;
  const not = norm[j + 1];
  if ((not !== 'not' && not !== 'never') || !OWED.has(norm[j + 2]!)) return false;
  it.weight *= IRONIC;
  it.local *= IRONIC;
  addStep(it, 'irony', `for ${not}`);
  return true;
}
