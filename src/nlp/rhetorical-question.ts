import { addStep, type Item } from './sentiment.js';
import { openingWord, questionSentence, SPAN } from './question-sentence.js';
import { M, type Tokens } from './token.js';
import { wordSet } from './rules.js';

/**
 * Praise asked about as if it could not be: "What good is that to me?", "How is this acceptable?", "How's that fair?".
 * The question denies the word it asks about, so it is blame: the item weighs `DENIED` (rule "rhetorical"), and
 * counts double in the social profile like any complaint. Two shapes, each in a sentence closed by "?":
 * - "what" + a praise word + an auxiliary ("what good is", "what good does it do"); "What good food!" keeps its praise
 *   and "what good options are there?" asks for good ones (`asked-choice.ts`): no auxiliary right after the word;
 * - a sentence opening with "how" + a copula ("how is", "how's", "how was") whose praise word says a thing may be
 *   allowed ("acceptable", "ok", "fair"); "How is this place so good?" wonders, and keeps its praise.
 * Read only in texts with a "?" (`M.QUESTION`).
 */

/** What a denied praise word weighs: "How is this acceptable?" is "this is unacceptable", a plain complaint. */
const DENIED = -2;

const WHAT = 'what';
/** Auxiliaries right after the word in "what good is / was / does / will …". */
const AUXILIARIES = wordSet("is are was were does do did will would 's");
/** "how" and a copula in one token, or "how" then a copula. */
const HOW_IS = wordSet("how's hows");
const COPULAS = wordSet('is are was were');
/** Praise words that say a thing may be allowed: asked "how is it …", they deny it. */
const ALLOWED = wordSet('acceptable ok okay fair reasonable appropriate justified legal');

export function applyRhetoricalQuestions(toks: Tokens, items: Item[]): void {
  if (!(toks.marks & M.QUESTION)) return;
  const { norm, sentence, count } = toks;
  let s = -1;
  let closed = false;
  let howIs = false;
  for (const it of items) {
    if (it.weight <= 0) continue;
    if (it.sentence !== s) {
      s = it.sentence;
      closed = questionSentence(toks, it.start);
      howIs = closed && opensWithHowIs(toks, SPAN.first, SPAN.last);
    }
    if (!closed) continue;
    const before = it.start - 1;
    const after = it.end;
    const whatIs = it.end - it.start === 1 && before >= 0 && sentence[before] === s && norm[before] === WHAT &&
      after < count && sentence[after] === s && AUXILIARIES.has(norm[after]!);
    if (!whatIs && !(howIs && ALLOWED.has(norm[it.end - 1]!))) continue;
    const share = it.local === 0 ? 1 : it.weight / it.local;
    it.local = DENIED;
    it.weight = DENIED * share;
    addStep(it, 'rhetorical', whatIs ? WHAT : 'how');
  }
}

/** Does the sentence [first, last] open with "how is" / "how's" (after a connective such as "so")? */
function opensWithHowIs(toks: Tokens, first: number, last: number): boolean {
  const { norm } = toks;
  const j = openingWord(toks, first, last);
  if (j >= last) return false;
  if (HOW_IS.has(norm[j]!)) return true;
  return norm[j] === 'how' && j + 1 < last && COPULAS.has(norm[j + 1]!);
}
