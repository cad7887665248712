import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';

/**
 * A "why" question with a negated verb accuses rather than asks: "Why can't I reschedule my flight online?", "why
 * haven't you issued a travel advisory?", "why doesn't my PreCheck show up?", "why am I not being given a callback
 * option?". What should have been done was not; asked of a business, that is a complaint however plain its words
 * (airline dev half: 35 of 36 such tweets negative, one neutral). So is the business asked why it did what it did
 * ("why did you book my hotel twice?!", "why does your app log me out?": 36 of 40 negative, 4 neutral). Not the
 * reviewer's regret at coming late ("Why didn't I come here sooner?"), a wish that others were as good ("Why can't
 * every place be like this?") or a suggestion ("Why don't you come back?"), and not "why not?". Read at "why"
 * (`MARK.WHY`) in texts with a "?".
 */

/** Negated auxiliaries right after "why". */
const NEGATED_AUX = wordSet(`
  can't cant cannot don't dont doesn't doesnt didn't didnt won't wont wouldn't wouldnt isn't isnt aren't arent wasn't
  wasnt weren't werent haven't havent hasn't hasnt hadn't hadnt couldn't couldnt shouldn't shouldnt
`);
/** Auxiliaries that take "not" after their subject ("why is my bag not here", "why am I not being helped"). */
const AUX = wordSet('is are am was were do does did has have can will would could should');
/** The business asked why it did what it did ("why did you cancel my flight?", "why does your app log me out?"). */
const ADDRESSEE = wordSet("you your u ur y'all yall");
/** Words that make the question praise: a visit come to late, or a wish that others were like this place. */
const PRAISING = wordSet('sooner before earlier like');
/** Words between the auxiliary and its "not" ("why is my bag not here"). */
const SUBJECT_REACH = 3;

/** "Why don't you come back?", "why don't we try the pho?": a suggestion, not a reproach. */
function suggestion(toks: Tokens, i: number, j: number): boolean {
  const w = toks.norm[j]!;
  const next = j + 1 < toks.count && toks.sentence[j + 1] === toks.sentence[i] ? toks.norm[j + 1]! : '';
  return (w === "don't" || w === 'dont') && (next === 'you' || next === 'we' || next === 'u');
}

/** The end (one past the negation) of an accusing "why" question at token i, or -1. */
export function accusingWhyAt(toks: Tokens, i: number): number {
  const { norm, kind, sentence, count } = toks;
  const j = i + 1;
  if (j >= count || kind[j] !== Kind.Word || sentence[j] !== sentence[i]) return -1;
  const inSentence = (k: number) => k < count && sentence[k] === sentence[i];
  let end = -1;
  if (NEGATED_AUX.has(norm[j]!)) end = suggestion(toks, i, j) ? -1 : j + 1;
  else if (AUX.has(norm[j]!) && inSentence(j + 1) && ADDRESSEE.has(norm[j + 1]!)) end = j + 2;
  else if (AUX.has(norm[j]!)) {
    for (let k = j + 1; k <= j + 1 + SUBJECT_REACH && inSentence(k) && kind[k] === Kind.Word; k++) {
      if (norm[k] === 'not') {
        end = k + 1;
        break;
      }
    }
  }
  if (end < 0) return -1;
  // The sentence must be a question, and none that praises.
  for (let k = end; k < count && sentence[k] === sentence[i]; k++) {
    if (kind[k] === Kind.Word && PRAISING.has(norm[k]!)) return -1;
    if (kind[k] === Kind.Punct && norm[k]!.includes('?')) return end;
  }
  return -1;
}
