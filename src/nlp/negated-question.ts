import { type Item, undoNegation } from './sentiment.js';
import { openingWord, questionSentence, SPAN } from './question-sentence.js';
import { M, type Tokens } from './token.js';
import { wordSet } from './rules.js';

/**
 * A negated yes/no question asks for agreement, it denies nothing: "Won't you come back?" invites, "Isn't it
 * gorgeous?" and "Wasn't the food amazing?" praise, "Isn't that awful?" blames. The negation such a question opens with
 * is taken off the items it reached (rule "negated question"). Only where the question opens with a negated copula
 * and its subject ("isn't the food"), or another negated auxiliary and "you" ("won't you", "don't you"), in a sentence
 * closed by "?". Not:
 * - asked of what others do, or of ability: they reproach ("Doesn't the staff care?", "Can't you do anything right?",
 *   "Shouldn't you be helping?");
 * - with a word that needs a real negation ("any", "anything", "ever": "Don't you have any decency?");
 * - after "why" ("Why isn't the food good?" complains; it does not open with the auxiliary), but for a suggestion
 *   ("Why don't you come back?", "why don't we give it another try": "don't" + you / we + a verb of coming or trying).
 * After "who" any negated auxiliary says everyone would: "Who doesn't love good food?" praises, "Who wouldn't be
 * annoyed?" blames.
 * Read only in texts with a "?" (`M.QUESTION`), on items a negation reached.
 */

/** Negated copulas: the question asks agreement about any subject ("Isn't the view amazing?", "Aren't they cute?"). */
const COPULAS = wordSet("isn't isnt aren't arent wasn't wasnt weren't werent");
/** Subjects after a copula: a pronoun, or a determiner of a noun ("isn't the food"). */
const SUBJECTS = wordSet("i you we they he she it this that these those the there your their our his her");
/**
 * Other negated auxiliaries ask agreement or invite only with the reader for subject ("Won't you come back?", "Don't
 * you just love it?"), or "doesn't" with a thing ("Doesn't it look amazing?"): asked of what others do, they reproach
 * ("Doesn't the staff care?", "Don't they train their people?").
 */
const ASKING_YOU = new Map<string, Set<string>>();
for (const aux of ["won't", 'wont', "wouldn't", 'wouldnt', "don't", 'dont', "didn't", 'didnt']) {
  ASKING_YOU.set(aux, wordSet("you u ya y'all"));
}
for (const aux of ["doesn't", 'doesnt']) ASKING_YOU.set(aux, wordSet('it this that'));
/** Negated auxiliaries after "who": the question says everyone would ("Who doesn't love good food?"). */
const NEGATED_AUXILIARIES = wordSet(`
  doesn't doesnt don't dont wouldn't wouldnt won't wont isn't isnt can't cant couldn't couldnt
`);
/** "why" + one of these + you / we + a verb of `SUGGESTED`: a suggestion ("Why don't you come back?"). */
const WHY_NOT = wordSet("don't dont");
const SUGGESTED = wordSet('come try give join stop drop visit check go');
/** Words that need the negation to be real: with one in the sentence, the question reproaches. */
const NEGATIVE_POLARITY = wordSet('any anything anyone anybody ever yet either');

export function applyNegatedQuestions(toks: Tokens, items: Item[]): void {
  if (!(toks.marks & M.QUESTION)) return;
  let s = -1;
  let opener = -1;
  for (const it of items) {
    if (!it.rules.includes('negated')) continue;
    if (it.sentence !== s) {
      s = it.sentence;
      opener = questionSentence(toks, it.start) ? agreementOpener(toks, SPAN.first, SPAN.last) : -1;
    }
    if (opener < 0 || it.start <= opener) continue;
    undoNegation(it, toks.norm[opener]!, 1, 'negated question', '?');
  }
}

/** The negated auxiliary that opens the question [first, last] with its subject after it, or -1 (see above). */
function agreementOpener(toks: Tokens, first: number, last: number): number {
  const { norm, kind } = toks;
  const j = openingWord(toks, first, last);
  if (j + 1 >= last) return -1;
  // "Who doesn't love good food?", "Who wouldn't be annoyed?": everyone would.
  if (norm[j] === 'who') return NEGATED_AUXILIARIES.has(norm[j + 1]!) && !negativePolarity(toks, j + 2, last) ? j + 1 : -1;
  // "Why don't you come back?", "Why don't we try it again?": a suggestion, with a verb of coming or trying.
  if (norm[j] === 'why') {
    if (j + 3 >= last || !WHY_NOT.has(norm[j + 1]!) || !SUGGESTED.has(norm[j + 3]!)) return -1;
    return norm[j + 2] === 'you' || norm[j + 2] === 'we' ? j + 1 : -1;
  }
  const aux = norm[j]!;
  const subject = norm[j + 1]!;
  if (!(COPULAS.has(aux) ? SUBJECTS.has(subject) : ASKING_YOU.get(aux)?.has(subject))) return -1;
  return negativePolarity(toks, j + 2, last) ? -1 : j;
}

/** Whether a word of `NEGATIVE_POLARITY` stands in tokens [from, to). */
function negativePolarity(toks: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (NEGATIVE_POLARITY.has(toks.norm[k]!)) return true;
  return false;
}
