import { addStep, type Item } from './sentiment.js';
import { openingWord, questionSentence, SPAN } from './question-sentence.js';
import { Kind, M, type Tokens } from './token.js';
import { FUNCTION_WORDS, wordSet } from './rules.js';
import { F } from './word-info.js';

/**
 * Praise that names what is asked for: "What's the best way to get a receipt?", "What is a good number to call?",
 * "What's my best option?", "What good options are there?", "Where can I find good pizza?", "Who has the best burgers
 * in town?". The word picks the thing wanted, as "looking for a good meal" does, and judges nothing: it weighs 0 (rule
 * "asked"). Two shapes, each in a sentence closed by "?":
 * - a wh-word with a copula right before the word (and its determiner): "what's the best way";
 * - a question opening with a wh-word of a thing, place or person ("what", "which", "where", "who"), the word
 *   describing the noun right after it ("good options", "the best burgers"): what is asked for is a good one (so
 *   too after a request for advice: "Recommendations for a good sushi place?", "Know any good places to eat?"); or
 *   with "how", an auxiliary and its subject before "best" / "better": the way asked for ("How can I best track
 *   deals?").
 * Not "What a great flight!" (exclaims, also when written with "?"), "What good is that?" (praise denied:
 * `rhetorical-question.ts`), "Who knew it could be so good?" (the word is said of a thing, not a noun's attribute),
 * "Who makes better pizza than this?" (a comparison), "Who doesn't love good food?" (a negation: rhetorical), nor "why"
 * and other "how" questions, which ask about what is (`How is this place so good?`). Read only in texts with a "?"
 * (`M.QUESTION`).
 */

/** A wh-word and its copula in one token. */
const WH_IS = wordSet("what's whats which's where's who's");
const WH = wordSet('what which');
const COPULAS = wordSet('is are was');
const DETERMINERS = wordSet('the a an my your our');
/** Wh-words that ask for a thing, a place or a person, and words that ask for advice, opening the question. */
const WH_OPENERS = wordSet(`
  what which where who what's whats where's who's whose how
  recommendations recommendation suggestions suggestion ideas tips advice know
`);
/** "how" + an auxiliary + a subject + one of `MANNER`: the way asked for ("How can I best track deals?"). */
const HOW_AUXILIARIES = wordSet('can could should do does would might may');
const HOW_SUBJECTS = wordSet('i we you one u');
const MANNER = wordSet('best better');
/** After "what": an exclamation, not a question ("What a great flight?!"). */
const EXCLAIMING = wordSet('a an');

export function applyAskedChoice(toks: Tokens, items: Item[]): void {
  if (!(toks.marks & M.QUESTION)) return;
  const { norm, sentence } = toks;
  let s = -1;
  let opener = -1;
  for (const it of items) {
    if (it.weight <= 0) continue;
    let k = it.start - 1;
    if (k >= 0 && DETERMINERS.has(norm[k]!)) k--;
    // A phrase may hold the determiner ("the best").
    if (k < 0 || sentence[k] !== it.sentence) continue;
    const asks = WH_IS.has(norm[k]!) || (COPULAS.has(norm[k]!) && k > 0 && sentence[k - 1] === it.sentence && WH.has(norm[k - 1]!));
    if (asks) {
      if (!questionSentence(toks, it.start)) continue;
    } else {
      if (it.sentence !== s) {
        s = it.sentence;
        opener = askingOpener(toks, it.start);
      }
      if (!attributeAsked(toks, it, opener)) continue;
    }
    it.weight = 0;
    it.local = 0;
    addStep(it, 'asked');
  }
}

/**
 * The wh-word that opens the question of token `at`, when the sentence is closed by "?", is not an
 * exclamation after "what" and holds no negation; else -1.
 */
function askingOpener(toks: Tokens, at: number): number {
  if (!questionSentence(toks, at)) return -1;
  const { norm, flags } = toks;
  const { first, last } = SPAN;
  const j = openingWord(toks, first, last);
  if (j >= last || !WH_OPENERS.has(norm[j]!) || EXCLAIMING.has(norm[j + 1]!)) return -1;
  for (let k = j + 1; k < last; k++) if (flags[k]! & F.NEGATOR) return -1;
  return j;
}

/**
 * Whether item `it`, after the question's wh-word `opener`, describes the noun right after it ("good options"), or is
 * the manner asked for after "how" and its auxiliary and subject ("How can I best track deals?").
 */
function attributeAsked(toks: Tokens, it: Item, opener: number): boolean {
  if (opener < 0 || it.start <= opener) return false;
  if (toks.norm[opener] === 'how') {
    return it.start === opener + 3 && it.end === it.start + 1 && HOW_AUXILIARIES.has(toks.norm[opener + 1]!) &&
      HOW_SUBJECTS.has(toks.norm[opener + 2]!) && MANNER.has(toks.norm[it.start]!);
  }
  if (toks.flags[it.start]! & F.COMPARATIVE) return false;
  const next = it.end;
  if (next >= toks.count || toks.sentence[next] !== it.sentence || toks.kind[next] !== Kind.Word) return false;
  const w = toks.norm[next]!;
  return !FUNCTION_WORDS.has(w) && !(toks.flags[next]! & (F.VALENCE | F.NEGATOR));
}
