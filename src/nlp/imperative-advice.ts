import { FUNCTION_WORDS } from './rules.js';
import { Kind, type Tokens } from './token.js';

/**
 * A dish or a film recommended in the imperative, opening its sentence: "Try green curry with vegetables.", "Have the
 * iced tea.", "Get the tuna.", "Check out the back room.", "Go see it!". Anywhere else these verbs tell the story of the
 * visit ("we tried the soup", "I had the tuna", "we get the check"), so only the sentence's first word counts: an
 * imperative has no subject before it. "Try the …" and "order the …" are lexicon phrases wherever they stand; this adds
 * "try" before a bare noun and "have" / "get" before "the" / "their", which only as an imperative recommend. Not "try
 * to …", "try again", "get there early", "have been"; "see" and "watch" only before "it", "this" or "them".
 */

/** The verbs of such advice. */
export const ADVICE_VERBS: readonly string[] = ['try', 'have', 'get', 'check', 'see', 'watch', 'go'];
/** What a film or show recommended is called after "see" or "watch": "See it.", "Go watch this!", "go and see them". */
const SHOWN = new Set(['it', 'this', 'them']);
/** Verbs after "go" in "go see it", "go and watch it", "go rent it", "go buy them". */
const GO_TO = new Set(['see', 'watch', 'rent', 'buy']);
/** What follows "check out" when it points at a thing to see or taste: "check out the back room", "their brunch". */
const POINTED = new Set(['the', 'their', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'our']);
/** Adverbs that may open the sentence before the verb: "Definitely check out their brunch", "Also try the flan". */
const LEADING = new Set(['definitely', 'also', 'just', 'really', 'absolutely', 'certainly', 'so']);
/** What follows "have" or "get" when it names a dish: "have the iced tea", "get their noodles". */
const DISH_DETERMINERS = new Set(['the', 'their']);
/** Words that may stand before the verb of a negated imperative. */
const IMPERATIVE_NEGATION = new Set(['do', 'not', "don't", 'dont', 'never']);
/** After "try", words that make it no recommendation ("try again later", "try harder"). */
const NOT_A_DISH = new Set(['again', 'harder', 'not', 'calling']);

/** The end (one past the verb) of an imperative recommendation at token i, or -1. */
export function imperativeAdviceAt(toks: Tokens, text: string, i: number): number {
  const { count, norm, kind, clause, sentence } = toks;
  const verb = norm[i]!;
  if (!ADVICE_VERBS.includes(verb)) return -1;
  // The first token of its sentence but for punctuation ("(Try …"). Not after a name or handle, which is its subject
  // ("@AmericanAir have the most rude staff") or the one told what to do ("@united try contacting everyone"): a demand
  // to a brand, not advice to a reader. Not after a comma either ("I log in, try view my reservation").
  // A negated imperative ("Don't get the burger", "Never have the fish") is advice against the dish: the negation
  // before it is read as for any item.
  let first = i;
  for (let j = i - 1; j >= 0 && sentence[j] === sentence[i]; j--) {
    if (kind[j] !== Kind.Punct && !IMPERATIVE_NEGATION.has(norm[j]!) && !LEADING.has(norm[j]!)) return -1;
    first = j;
  }
  // Handles are no tokens: a word character just before the sentence's first token (spaces aside) is the end of one.
  let c = toks.start[first]! - 1;
  while (c >= 0 && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c--;
  if (c >= 0 && isWordChar(text.charCodeAt(c))) return -1;
  const next = i + 1;
  if (next >= count || clause[next] !== clause[i] || kind[next] !== Kind.Word) return -1;
  const w = norm[next]!;
  // "Check out the secret back room": not "check out of the hotel", "check out was easy".
  if (verb === 'check') return w === 'out' && next + 1 < count && clause[next + 1] === clause[i] && POINTED.has(norm[next + 1]!) ? next + 1 : -1;
  // "See it.", "Watch this!", "Go see it!", "GO AND SEE IT!": a film sent to the reader ("see you", "go back" are not).
  if (verb === 'see' || verb === 'watch') return SHOWN.has(w) ? next : -1;
  if (verb === 'go') {
    const v = w === 'and' ? next + 1 : next;
    return v + 1 < count && clause[v + 1] === clause[i] && GO_TO.has(norm[v]!) && SHOWN.has(norm[v + 1]!) ? v + 1 : -1;
  }
  if (verb === 'try') return DISH_DETERMINERS.has(w) || !(FUNCTION_WORDS.has(w) || NOT_A_DISH.has(w)) ? next : -1;
  return DISH_DETERMINERS.has(w) ? next : -1;
}

/** ASCII letter, digit or "_": what a handle ends with. */
function isWordChar(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
}
