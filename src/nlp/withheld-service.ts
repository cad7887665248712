import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';

/**
 * A service withheld: "they never replied", "you didn't inform me", "your colleagues won't tell us anything", "I was
 * not updated", "I haven't received my refund", "nobody answered", "she couldn't help me". A negated verb of answering,
 * informing or helping is a complaint however plain its words, unless the writer is the one who did not answer ("I
 * didn't reply", "we never told them"), the writer is told what not to do ("Don't tell me …"), or it means telling
 * apart ("you can't tell the difference"). The writer not informed ("I was not updated", "we have not been contacted")
 * is a complaint again. A thing not received is one whoever's it is ("I never received my bag"). Read at the negator,
 * after the fixed phrases.
 */

/** Verbs of answering, informing and helping that the business owes ("replied", "notify", "told", "helped"). */
const ANSWERING = wordSet(`
  reply replied replies respond responded responds answer answered answers inform informed informs notify notified
  notifies tell told contact contacted contacts update updated explain explained acknowledge acknowledged help helped
  helps
`);
/** Words after "help" that make "can't help" "can't resist" ("couldn't help but smile", "can't help it"). */
const RESISTED = wordSet('but it myself ourselves himself herself themselves yourself yourselves');

/**
 * Whether token k, after a negated "help", makes it "can't resist": one of `RESISTED` or a gerund ("couldn't help
 * laughing"). Not an object ("she couldn't help me") nor the end of the clause ("they couldn't help").
 */
export function resistedAt(toks: Tokens, k: number): boolean {
  if (k >= toks.count || toks.kind[k] !== Kind.Word) return false;
  const w = toks.norm[k]!;
  return RESISTED.has(w) || (w.length > 5 && w.endsWith('ing'));
}
/** Verbs of a thing reaching the writer. */
const RECEIVING = wordSet('receive received receives');
/** Words between the negator and the verb: the passive's "be" ("have not been informed", "won't be updated"). */
const PASSIVE_BE = wordSet('be been being');
/** Auxiliaries of the passive before the negator ("I was not informed"). */
const PASSIVE_AUX = wordSet('was were is are am');
/** The writer as subject ("I'm not informed" is passive: not listed). */
const WRITER = wordSet("i we i've we've i'd we'd i'll we'll");
/** Words passed over on the way back to the subject ("we still haven't", "I just didn't"). */
const BEFORE_NEGATOR = wordSet(
  'do does did will would can could should have has had still just even really yet also please',
);
/** Negators of ability: "can't tell" is telling apart (so is "can never tell"). */
const ABILITY = wordSet("can't cant cannot couldn't couldnt");

/** Whether "tell" after negator i means telling apart: "you can't tell the difference", "you can never tell". */
function tellingApart(toks: Tokens, i: number, verb: string): boolean {
  if (verb !== 'tell' && verb !== 'told') return false;
  return ABILITY.has(toks.norm[i]!) || (i > 0 && (toks.norm[i - 1] === 'can' || toks.norm[i - 1] === 'could'));
}
/** Imperative negators opening a sentence ("Don't tell me …"). */
const IMPERATIVE = wordSet("don't dont");

/** The end (one past the verb) of a service withheld at negator i, or -1. */
export function withheldServiceAt(toks: Tokens, i: number): number {
  const { norm, kind, clause, count } = toks;
  let j = i + 1;
  if (j < count && clause[j] === clause[i] && PASSIVE_BE.has(norm[j]!)) j++;
  if (j >= count || kind[j] !== Kind.Word || clause[j] !== clause[i]) return -1;
  const verb = norm[j]!;
  const receiving = RECEIVING.has(verb);
  if (!receiving && !ANSWERING.has(verb)) return -1;
  if (tellingApart(toks, i, verb) || (verb === 'help' && resistedAt(toks, j + 1))) return -1;
  if (receiving) return j + 1;
  // The subject: the first word back that is no auxiliary or adverb; none ("Never replied.") counts as the business's.
  let subject = '';
  let passive = j > i + 1;
  for (let k = i - 1; k >= 0 && clause[k] === clause[i]; k--) {
    if (kind[k] !== Kind.Word) continue;
    const w = norm[k]!;
    if (PASSIVE_AUX.has(w)) {
      passive = true;
      continue;
    }
    if (BEFORE_NEGATOR.has(w)) continue;
    subject = w;
    break;
  }
  if (subject === '' && IMPERATIVE.has(norm[i]!)) return -1;
  if (WRITER.has(subject) && !passive) return -1;
  return j + 1;
}
