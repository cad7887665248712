import { returnIsNoVisit } from './affirmed-return.js';
import { wordSet } from './rules.js';
import { Kind, M, type Tokens } from './token.js';

/**
 * How a negation reaching a word of return ("back", "again", "anymore", "return") reads. A refused return is the
 * reviewer's visit, or the reader's ("we won't be back", "I will never go there again", "you won't be coming back"),
 * or said without a subject ("never again", "not coming back anytime soon"): its subject is theirs or left out, it is
 * not asked, and "back" follows a verb of a visit or "be". Other shapes are no visit refused:
 * - a reply not given, whoever's: "never heard back", "they didn't get back to me", "nobody called me back", "I never
 *   heard from them again" (a complaint of its own, but no one leaving);
 * - someone else's return not made: "the waiter never came back", "he never returned to our table", "took our order
 *   and never came back" (a person's, who was to come back to the writer: neglect, a complaint of its own);
 * - someone else's return of no concern: "they wouldn't let me back in", "the pain never came back";
 * - "anymore" of how things are, someone else's or asked: "it's not 1997 anymore", "they don't make them like that
 *   anymore" (what is no longer);
 * - a question: "can't you call me back?", "won't you come back?".
 * Read only at a negator already followed by a word of return, so it costs nothing elsewhere.
 */
export const READING = {
  NONE: 0,
  /** The reviewer's (or reader's) visit refused. */
  VISIT: 1,
  /** A reply not given ("never heard back"). */
  REPLY: 2,
  /** A thing that is no longer ("it's not 1997 anymore"). */
  NO_LONGER: 3,
  /** Someone who was to come back to the writer did not: "the waiter never returned", "she never came back". */
  NOT_BACK: 4,
} as const;

/** Subjects that are the reviewer or the reader. */
const REVIEWER = wordSet(`
  i we you u ya y'all me i'm im we're you're youre i'll ill we'll you'll i'd we'd you'd i've ive we've you've
`);
/** Subjects that are someone or something else. */
const OTHERS = wordSet(`
  he she they it it's its that that's this there there's who which he's she's they're theyre they'll he'll she'll
  it'll they'd he'd she'd they've everyone everybody someone somebody anyone anybody people nobody noone none nothing
`);
/** The third person singular, in the negator or an auxiliary before it: "doesn't", "is not" ("home is not accurate anymore"). */
const THIRD_SINGULAR = wordSet(`does is has doesn't isn't hasn't doesnt isnt hasnt`);
/** Before a word, these make it a noun: a subject of its own ("the waiter never came back"); "my", "our" do not tell. */
const DETERMINERS = wordSet('the a an these those their his her');
/** Conjunctions that end the search for a subject: the clause after one may leave its subject out. */
const CONJUNCTIONS = wordSet('and but or then so because since if when');
/** Words searched back from the negator for its subject (the auxiliaries and adverbs between: "I will probably never"). */
const SUBJECT_REACH = 5;
/** After a negated auxiliary, a subject put first: a question ("can't you call me back", "why don't you have …"). */
const INVERTED = wordSet('i you we they he she it u');
/** Verbs of a visit before "back" ("go back", "be back", "rushing back"); not "let me back in", "give it back". */
const VISIT_VERBS = wordSet(`
  go goes going gone went come comes coming came be been being head heading run running rush rushing hurry hurrying
  race racing step stepping walk walking foot return returning
`);
/** Verbs of a reply, anywhere between the negator and "back" or "again" ("never heard anything back", "call me back"). */
const REPLY_VERBS = wordSet(`
  hear heard hearing call called calling write wrote written text texted email emailed reply replied respond responded
  answer answered contact contacted tweet tweeted message messaged phone phoned
`);
/** "get back" is a reply only to someone: "didn't get back to me", "never got back with us". */
const GET = wordSet('get gets getting got gotten');
const TO = wordSet('to with');
const ME = wordSet('me us');
/** After "back to", states and pastimes, not places: "went back to sleep", "couldn't go back to work". */
export const NOT_A_PLACE = wordSet('sleep bed normal work school basics reality');
/**
 * People who come back to a table or a customer: staff, and the pronouns and negators that stand for a person
 * ("nobody came back"). A thing ("the problem never returned") is no one neglecting the writer.
 */
const PEOPLE = wordSet(`
  he she they nobody noone someone somebody anyone anybody everyone waiter waitress waiters waitresses server servers
  host hostess bartender manager staff chef owner cook busboy driver agent attendant cashier clerk technician rep
  representative employee employees guy girl man woman lady mechanic
`);
/** Verbs of coming back before "back" that a person does to a table or customer: "came back", "checked back". */
const COME = wordSet('come came comes coming check checked');
/** A negation in the past ("didn't come back"). */
const PAST = wordSet("did didn't didnt");

const NO_SUBJECT = 0;
const REVIEWER_SUBJECT = 1;
const OTHER_SUBJECT = 2;

/** How the word of return at j, reached from the negator at i, reads (a `READING`). */
export function returnReading(toks: Tokens, i: number, j: number): number {
  const norm = toks.norm;
  const w = norm[j]!;
  if (w !== 'anymore' && (replyBefore(toks, i, j) || callReturned(toks, j))) return READING.REPLY;
  const who = subjectOf(toks, i);
  const isAsked = asked(toks, i, j);
  if (who === OTHER_SUBJECT || isAsked) {
    if (w === 'anymore') return READING.NO_LONGER;
    return !isAsked && personComingBack(toks, i, j) ? READING.NOT_BACK : READING.NONE;
  }
  if (w === 'back') {
    const verb = norm[j - 1]!;
    if (!VISIT_VERBS.has(verb)) return READING.NONE;
    // "took our order and never came back", "didn't come back to the table": without a subject, a coming back in the
    // past is someone else's, to the table; the reviewer's own is "went back".
    if ((verb === 'came' || (verb === 'come' && pastNegation(toks, i))) && who === NO_SUBJECT) return READING.NOT_BACK;
    // "I never went back to sleep", "couldn't go back to work": a state or a pastime returned to, not a place.
    if (j + 2 < toks.count && norm[j + 1] === 'to' && NOT_A_PLACE.has(norm[j + 2]!)) return READING.NONE;
  } else if (w === 'return' || w === 'returning' || w === 'returned') {
    // "wouldn't return it": a thing given back; "not sure on returning date": a noun.
    if (returnIsNoVisit(toks, j)) return READING.NONE;
    // "never returned to our table": someone else's return, as "never came back" without a subject.
    if (w === 'returned' && who === NO_SUBJECT && toTable(toks, j)) return READING.NOT_BACK;
  }
  // "We haven't been back yet", "haven't gone back there yet": a visit still planned.
  return yetAfter(toks, j) ? READING.NONE : READING.VISIT;
}

/**
 * Whether negator i, with a subject of someone else's, says a person did not come back to the writer: "the waiter
 * never came back", "he didn't return with our drinks", "nobody checked back". The subject is the negator ("nobody") or
 * a word of `PEOPLE` before it in its clause; the verb is one of coming back ("came back", "returned"), not of a thing
 * given back ("never returned my call" is a reply, read before this).
 */
function personComingBack(toks: Tokens, i: number, j: number): boolean {
  const { norm, kind, clause } = toks;
  const w = norm[j]!;
  if (w === 'back' ? !COME.has(norm[j - 1]!) : w !== 'returned' && w !== 'return') return false;
  if (w !== 'back' && returnIsNoVisit(toks, j)) return false;
  if (PEOPLE.has(norm[i]!)) return true;
  for (let k = i - 1, seen = 0; k >= 0 && seen < SUBJECT_REACH && clause[k] === clause[i]; k--) {
    if (kind[k] === Kind.Punct) break;
    if (kind[k] !== Kind.Word) continue;
    seen++;
    if (PEOPLE.has(norm[k]!)) return true;
    if (CONJUNCTIONS.has(norm[k]!)) break;
  }
  return false;
}

/** Whether "yet" follows the word of return at j, right after it or after one word ("back there yet"), in its clause. */
function yetAfter(toks: Tokens, j: number): boolean {
  const { norm, clause, count } = toks;
  for (let k = j + 1; k < count && k <= j + 2 && clause[k] === clause[j]; k++) if (norm[k] === 'yet') return true;
  return false;
}

/** Whether "to the / our / my table" follows the word of return at j. */
function toTable(toks: Tokens, j: number): boolean {
  const { norm, count } = toks;
  return j + 3 < count && norm[j + 1] === 'to' && norm[j + 3] === 'table';
}

/** Messages a "return" answers: "never returned my call" is a reply not given. */
const MESSAGES = wordSet('call calls email emails message messages text texts voicemail voicemails');

/** Whether the "return" at j answers a message ("won't return my calls", "never returned our email"). */
function callReturned(toks: Tokens, j: number): boolean {
  const { norm, count } = toks;
  if (!norm[j]!.startsWith('return') || j + 1 >= count) return false;
  const k = ME_POSSESSIVE.has(norm[j + 1]!) || norm[j + 1] === 'the' ? j + 2 : j + 1;
  return k < count && MESSAGES.has(norm[k]!);
}
const ME_POSSESSIVE = wordSet('my our');

/** Whether a verb of a reply comes between negator i and the word of return at j ("never heard back", "get back to me"). */
function replyBefore(toks: Tokens, i: number, j: number): boolean {
  const norm = toks.norm;
  for (let k = i + 1; k < j; k++) if (REPLY_VERBS.has(norm[k]!)) return true;
  return norm[j] === 'back' && GET.has(norm[j - 1]!) && j + 2 < toks.count && TO.has(norm[j + 1]!) && ME.has(norm[j + 2]!);
}

/** The subject of negator i: the reviewer's, someone else's, or none in its clause. */
function subjectOf(toks: Tokens, i: number): number {
  const { norm, kind, clause } = toks;
  const neg = norm[i]!;
  if (THIRD_SINGULAR.has(neg) || OTHERS.has(neg)) return OTHER_SUBJECT;
  let noun = false;
  for (let j = i - 1, seen = 0; j >= 0 && seen < SUBJECT_REACH && clause[j] === clause[i]; j--) {
    if (kind[j] === Kind.Punct) break;
    if (kind[j] !== Kind.Word) continue;
    seen++;
    const w = norm[j]!;
    if (REVIEWER.has(w)) return REVIEWER_SUBJECT;
    if (OTHERS.has(w) || THIRD_SINGULAR.has(w)) return OTHER_SUBJECT;
    if (CONJUNCTIONS.has(w)) break;
    if (DETERMINERS.has(w)) noun = true;
  }
  return noun ? OTHER_SUBJECT : NO_SUBJECT;
}

/**
 * Whether the negation at i is asked: its subject put after it, or its clause ending in "?" (not just its sentence: "I
 * won't go back, why would I?" refuses).
 */
function asked(toks: Tokens, i: number, j: number): boolean {
  const { count, norm, kind, clause } = toks;
  // Only after an auxiliary's "n't": "doubt I will ever return" is a statement.
  const neg = norm[i]!;
  if ((neg.endsWith("n't") || neg.endsWith('nt')) && INVERTED.has(norm[i + 1]!)) return true;
  if (!(toks.marks & M.QUESTION)) return false;
  for (let k = j + 1; k < count && clause[k] === clause[j]; k++) {
    if (kind[k] === Kind.Punct && norm[k]!.includes('?')) return true;
  }
  return false;
}

/** Whether negator i is in the past: "didn't", "did not", "did never". */
function pastNegation(toks: Tokens, i: number): boolean {
  return PAST.has(toks.norm[i]!) || (i > 0 && toks.norm[i - 1] === 'did');
}
