import { isAsciiLetter, isAsciiLower, isDigit } from './chars.js';
import { asksInDisbelief } from './exasperated-question.js';
import { questionSentence, SPAN } from './question-sentence.js';
import { addStep, type Item } from './sentiment.js';
import { Kind, M, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * What an opinion word inside a yes/no question weighs: nothing, since it asks whether rather than states ("Is this a
 * problem?"). It stays in the explanation with weight 0 (rule "question").
 */
const ASKED = 0;
/** Words that open a yes/no question ("Is it delayed?", "Can I get a refund?", "Any chance …?"). */
const OPENERS = new Set([
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'shall', 'may', 'has',
  'have', 'any', 'anyone', 'anybody',
]);

/**
 * Yes/no questions ask rather than state: in a sentence that opens with an auxiliary and ends with "?", the opinions
 * count for nothing ("Is this a problem?", "Do you expect delays?"). Questions with "why"/"how" stay as they are ("Why
 * is my flight delayed?" is a complaint), and so do rhetorical ones with "any" + a comparative ("Could it get any
 * worse?"), those asked in disbelief ("Are you kidding me?", see `exasperated-question.ts`) and requests for a fix
 * ("Can you fix this?"). Measured: airline
 * tweets +0.3 accuracy and +0.6 macro-F1 on dev, +0.5 and +1.0 on val; of the review sets' sentences one is such a
 * question (the rhetorical one).
 */
export function applyPolarQuestions(toks: Tokens, text: string, items: Item[]): void {
  if (!(toks.marks & M.QUESTION)) return;
  const kind = toks.kind;
  const norm = toks.norm;
  let s = -1;
  let asked = false;
  for (const it of items) {
    if (it.sentence !== s) {
      s = it.sentence;
      asked = isPolarQuestion(toks, text, it.start, kind, norm);
    }
    // "Can you please fix this?" asks for a deed, not whether: the fix asked for stays a complaint (`demanded-fix.ts`).
    if (!asked || it.rules[0] === 'demanded fix') continue;
    it.weight *= ASKED;
    it.local *= ASKED;
    addStep(it, 'question', '?');
  }
}

function isPolarQuestion(toks: Tokens, text: string, from: number, kind: Uint8Array, norm: string[]): boolean {
  if (!questionSentence(toks, from)) return false;
  const { first, last } = SPAN;
  let opener = -1;
  for (let j = first; j <= last; j++) {
    if (kind[j] !== Kind.Word) continue;
    if (OPENERS.has(norm[j]!)) opener = j;
    break;
  }
  if (opener < 0) return false;
  // "@USAirways has failed me all day long, should I blame …?": the handle is the subject, the opener its verb.
  if (handleSubject(toks, text, opener)) return false;
  // "Are you kidding me?", "Is this a joke?": disbelief, a complaint (see `exasperated-question.ts`).
  if (asksInDisbelief(toks, opener)) return false;
  // "Could it get any worse?", "Is anything better than this?": rhetorical, an opinion.
  for (let j = first; j < last; j++) if (norm[j] === 'any' && toks.flags[j + 1]! & F.COMPARATIVE) return false;
  return true;
}

/** Openers that are as often the verb of an @handle before them: "@united has failed me", "@USAirways was switched". */
const HANDLE_VERBS = new Set(['has', 'have', 'had', 'was', 'were']);
/** Participles without the usual endings, and the negations, that follow such a verb in a statement. */
const STATED_AFTER = new Set(['been', 'not', 'never', 'no', 'lost', 'left', 'made', 'told', 'sent', 'put', 'got', 'kept', 'gone']);

/**
 * Whether the opener at `j` is the verb of an @handle right before it ("@united has failed me all day long, should I
 * blame …?", "@USAirways have been on hold for 58 minutes … why won't you help?"): "has", "have", "was" or "were",
 * lowercase, written right after the handle, and followed by a participle or a negation, as a statement goes on;
 * "@united was my flight cancelled?", "@JetBlue is flt 1202 delayed?" ask.
 */
function handleSubject(toks: Tokens, text: string, j: number): boolean {
  if (!HANDLE_VERBS.has(toks.norm[j]!)) return false;
  const at = toks.start[j]!;
  if (!isAsciiLower(text.charCodeAt(at))) return false;
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) === 32) k--;
  let h = k;
  while (h >= 0 && isHandleChar(text.charCodeAt(h))) h--;
  if (h < 0 || h === k || text.charCodeAt(h) !== 64) return false;
  const next = j + 1;
  if (next >= toks.count || toks.kind[next] !== Kind.Word) return false;
  const w = toks.norm[next]!;
  return STATED_AFTER.has(w) || w.endsWith('ed') || w.endsWith('ing');
}

/** A character of an @handle: an ASCII letter, a digit or "_" (as `\w` in the analyzer's `ADDRESSED`). */
function isHandleChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95;
}
