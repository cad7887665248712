import type { Phrase } from './lexicon.js';
import { applyThanks } from './thanks-rules.js';
import { affirmedReturnAt } from './affirmed-return.js';
import { applyFrontedNegation } from './fronted-negation.js';
import { applyNeverSuch } from './never-such.js';
import { applyNoneOf } from './none-of.js';
import { expectWarningAt } from './expect-warning.js';
import { imperativeAdviceAt } from './imperative-advice.js';
import { resistedAt, withheldServiceAt } from './withheld-service.js';
import { accusingWhyAt } from './accusing-why.js';
import { negatedReturnReading, negatedReturnWord, refusedReturnAt } from './negated-return.js';
import { READING } from './return-reading.js';
import { broughtOthersAt } from './bring-others.js';
import { letterGrades } from './letter-grade.js';
import { negatedImperativeAt } from './negated-imperative.js';
import { notEvenAt } from './not-even.js';
import { stillBefore } from './still-not.js';
import { uniquenessAt } from './uniqueness.js';
import { isPerformativeFrame } from './performative.js';
import { applyPolarQuestions } from './polar-question.js';
import { applyNegatedQuestions } from './negated-question.js';
import { applyAskedChoice } from './asked-choice.js';
import { EXASPERATED, exasperatedInterjections } from './exasperated-question.js';
import { applyRhetoricalQuestions } from './rhetorical-question.js';
import { priceBoundAt } from './price-bound.js';
import { ratingAt } from './rating-phrases.js';
import { transportedAt } from './transported.js';
import { applySlangPraise } from './slang-praise.js';
import { applyRedirection } from './redirection.js';
import { isTitleWord, opensNamedSubject } from './named-subject.js';
import { applyOtherPlaces } from './other-places.js';
import { CONDITIONS, REMEDIES, UNIVERSAL_NEGATORS, WANTS, WISHING_MODALS, WOULD } from './rules.js';
import { applyIrony, applySentenceRules } from './sentence-rules.js';
import { brokenFunctionAt } from './broken-function.js';
import { demandedFixAt } from './demanded-fix.js';
import { wishedFor } from './wish-frame.js';
import { camelParts, readsAsCompound } from './hashtag-compound.js';
import { applySarcasmMarkers } from './sarcasm-marker.js';
import { applyPastPraise } from './past-praise.js';
import { applyRemedies } from './remedied.js';
import { applyDegreeAdjectives } from './degree-adjectives.js';
import { applyMeasured } from './measured-quality.js';
import { raisedNegation } from './negation-raising.js';
import { missingThingAt } from './missing-thing.js';
import { doneWellAt } from './done-well.js';
import { foreignObjectAt } from './foreign-object.js';
import { wastedTimeAt, wastedTimeEndingAt } from './wasted-time.js';
import { applyQuickService } from './quick-service.js';
import { applyDamageEase } from './damage-ease.js';
import { applyLimitedPraise } from './limited-praise.js';
import { applyFreeOf } from './free-of.js';
import { applySurpriseAt } from './surprise-at.js';
import { applyProductReturn } from './product-return.js';
import { CASE, Kind, M, type Tokens } from './token.js';
import { MARK, wordMarks } from './word-marks.js';
import { F, ROLE, type WordInfo } from './word-info.js';
import type { WordTable } from './word-table.js';

/** One modifier applied to an item: the rule, the word that triggered it, and `weight` after it. */
export interface Step {
  rule: string;
  by?: string;
  weight: number;
}

/**
 * The rules of an item no rule touched, shared by all of them (most items): an array per item was a measurable part of
 * the analyzer's time. Frozen, so nothing can add to it by mistake; `withRule` replaces it on the first rule.
 */
export const NO_RULES: string[] = Object.freeze([]) as unknown as string[];

/** `rules` with `rule` appended: a new array in place of `NO_RULES`, else the same array. */
export function withRule(rules: string[], rule: string): string[] {
  if (rules === NO_RULES) return [rule];
  rules.push(rule);
  return rules;
}

/** Record a modifier on an item: its rule name (in `rules`, as before) and the weight it left (in `steps`). */
export function addStep(it: Item, rule: string, by?: string): void {
  it.rules = withRule(it.rules, rule);
  const step: Step = by === undefined ? { rule, weight: it.weight } : { rule, by, weight: it.weight };
  if (it.steps) it.steps.push(step);
  else it.steps = [step];
}

/**
 * Negate an item already weighed, as `scoreItem` negates (praise becomes blame, blame faint praise), naming the
 * negator `by`: for negations read after the scan ("none of them are good", "not once did they smile").
 */
export function negateItem(it: Item, by: string): void {
  const f = it.weight > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
  it.weight *= f;
  it.local *= f;
  addStep(it, 'negated', by);
}

/**
 * Take back the negation by `by` that scoring applied to an item, as if the negator had not reached it, times `factor`
 * (1: the word's own sense; 1.5: stressed, "never had such good food"), with the step `rule` / `ruleBy`. For rules that
 * read after the scan that a negation there denies nothing ("Won't you come back?"). Whether it applied (not when the
 * item holds no such step, or a step weighs 0).
 */
export function undoNegation(it: Item, by: string, factor: number, rule: string, ruleBy: string): boolean {
  const steps = it.steps;
  if (!steps) return false;
  const at = steps.findIndex((st) => st.rule === 'negated' && st.by === by);
  if (at < 0) return false;
  const before = at > 0 ? steps[at - 1]!.weight : it.base;
  const negated = steps[at]!.weight;
  if (before === 0 || negated === 0) return false;
  const f = (before / negated) * factor;
  it.weight *= f;
  it.local *= f;
  addStep(it, rule, ruleBy);
  return true;
}

/** Append a modifier to an item being weighed: the rule and weight to `steps` (its name goes to `rules` apart). */
function pushStep(steps: Step[] | null, rule: string, by: string | undefined, weight: number): Step[] {
  const st: Step = by === undefined ? { rule, weight } : { rule, by, weight };
  if (steps === null) return [st];
  steps.push(st);
  return steps;
}

/** One scored token or phrase. */
export interface Item {
  /** First and one-past-last token index. */
  start: number;
  end: number;
  /** The text as written. */
  token: string;
  /** Contribution to the text score (after every rule). */
  weight: number;
  /** The valence before any modifier: the lexicon's, phrase's, rating's or aspect adjective's. */
  base: number;
  /** The modifiers in the order applied, each with the weight after it; null when none applied. */
  steps: Step[] | null;
  /** Contribution before sentence-level contrast weighting: what the aspect (theme) scores use. */
  local: number;
  rules: string[];
  sentence: number;
  clause: number;
}

/** Words that join two opinions under one negation ("wasn't clean and tidy", "never rude or slow"). */
const COORDINATORS = new Set(['and', 'or', 'nor', '&']);
/** Whether a coordinator stands between tokens j and s. */
function coordinated(norm: string[], j: number, s: number): boolean {
  for (let k = j + 1; k < s; k++) if (COORDINATORS.has(norm[k]!)) return true;
  return false;
}

/** How far back (in words) negations and degree adverbs reach. */
const SCOPE = 3;
/** Words after a negated item searched for "enough" or "any higher" ("can't recommend the lamb chops enough"). */
const ENOUGH_REACH = 5;
/** Negating praise makes blame; negating blame makes faint praise ("not bad" is not "good"). */
const NEGATE_POSITIVE = -0.75;
const NEGATE_NEGATIVE = -0.5;
const CAPS_BOOST = 1.25;
/** "I wanted to love it": praise in a hypothetical frame counts as mild blame. */
const IRREALIS_FLIP = -0.5;
/** Valence of a return refused around other words ("we won't go to this place again"; the phrase "won't go back" is -3). */
const REFUSED_RETURN = -2.5;
/** A reply not given ("never heard back", "they didn't get back to me"): a complaint, milder than a refusal. */
const NO_REPLY = -1.5;
/** Someone who was to come back did not ("the waiter never came back", "he never returned to our table"): neglect. */
const NOT_BACK = -1.5;
/** A thing no longer so ("it's not 1997 anymore", "they don't have that dish anymore"): a mild regret. */
const NO_LONGER = -1.5;
/** Valence and rule name of each `READING` of a negated return. */
const RETURN_VALENCE = [0, REFUSED_RETURN, NO_REPLY, NO_LONGER, NOT_BACK];
const RETURN_RULE = ['', 'refused return', 'no reply', 'no longer', 'not back'];
/** A dish recommended in the imperative ("Try green curry"), as the lexicon's "try the". */
const RECOMMENDED = 1.5;
/** A return promised around other words ("we will definitely be returning"; the phrase "will go back" is 3). */
const PROMISED_RETURN = 2.5;
/** Valence of a deed left undone, said with "not even" ("she didn't even offer us dessert"). */
const NOT_EVEN = -2;
/** Something due that has not come, said with "still" ("I still haven't received my bag"): a mild complaint. */
const STILL_NOT = -1.5;
/** A room or meal compared with a named place ("felt as if I were eating in Paris"), as the lexicon's "feel at home". */
const TRANSPORTED = 2;
/** Others brought along ("I take all my friends here"), as the lexicon's "plan to bring". */
const BROUGHT_OTHERS = 2;
/**
 * A warning to the reader in a negated imperative ("Just don't do it.", "don't expect to sit down inside"), as the
 * lexicon's "don't go" (-2.5), but said less plainly.
 */
const WARNING = -1.5;
/** What a thing that will not do its job weighs ("the computer would not turn on"; `broken-function.ts`). */
const BROKEN = -2;
/** "they never replied", "you didn't inform me": see `withheld-service.ts`; as a reply not given (`NO_REPLY`). */
const WITHHELD = -1.5;
/** What a fix asked of the business weighs ("they need to improve their service"; `demanded-fix.ts`), as "could use more". */
const DEMANDED_FIX = -1.5;
/** What the writer's thing missing, asked for, weighs ("Where is my bag?"; `missing-thing.ts`). */
const MISSING_THING = -1.5;
/** "Why can't I reschedule online?": see `accusing-why.ts`; as a missing thing asked for. */
const ACCUSING_WHY = -1.5;
/** Valence of a claim of uniqueness ("I have never had cheesecake like this"). */
const UNIQUE = 2;
/** "worked very well": see `done-well.ts`. */
const DONE_WELL = 2;
/** "A fly was in my juice": see `foreign-object.ts`. */
const FOREIGN_OBJECT = -3;
/** Valence of an unlisted word after "too" ("too small", "too salty"). */
const TOO_VALENCE = -1.5;



/** Praise wished for ("it would be nice if …"): a mild complaint, as an irrealis frame makes it. */
function wished(it: Item): void {
  if (it.weight <= 0) return;
  it.weight *= IRREALIS_FLIP;
  it.local = it.weight;
  addStep(it, 'irrealis', 'would be');
}

/** Is token i a word or number? False past the last token (the columns hold stale data there). */
function isWordish(toks: Tokens, i: number): boolean {
  if (i >= toks.count) return false;
  const k = toks.kind[i];
  return k === Kind.Word || k === Kind.Number;
}

/**
 * Longest phrase starting at token i (over adjacent word tokens of one clause), or null. Most phrase-first words
 * ("is", "not", "the") are followed by a word that is second in no phrase: the next token's flags say so without
 * reading the word table, so that is checked first.
 */
function matchPhrase(toks: Tokens, V: WordTable, i: number): Phrase | null {
  const n = toks.count;
  const norm = toks.norm;
  const clause = toks.clause;
  const next = i + 1;
  const c = clause[i]!;
  if (next >= n || !(toks.flags[next]! & F.PHRASE_NEXT) || clause[next] !== c) return null;
  const id = toks.id[i]!;
  if (!V.phraseNextHas(id, V.phraseSecondNumber[toks.id[next]!]!)) return null;
  const list = V.phrases[id]!.get(norm[next]!);
  if (!list) return null;
  outer: for (let m = 0; m < list.length; m++) {
    const p = list[m]!;
    const words = p.toks;
    // The phrase must end by the last token: past it the columns hold stale data.
    if (i + words.length > n) continue;
    for (let k = 2; k < words.length; k++) {
      if (norm[i + k] !== words[k] || clause[i + k] !== c) continue outer;
    }
    return p;
  }
  return null;
}

/** Curses that, after "as", stress the word before them: "slow as hell", "funny as heck", "cold as fuck". */
const AS_CURSES = new Set(['hell', 'heck', 'fuck', 'f*ck', 'shit']);
/** How much "as hell" stresses the word before it: as a booster ("so", "really") does. */
const AS_CURSE_BOOST = 1.3;

/**
 * Whether the curse at token i closes "<opinion> as <curse>" ("the wait was long as hell", "sure as hell"): it is then
 * a degree word after its word, no complaint. The opinion's item, when it ends right before "as", is stressed.
 */
function asCurseAt(toks: Tokens, i: number, items: Item[]): boolean {
  if (i < 2 || toks.norm[i - 1] !== 'as' || !AS_CURSES.has(toks.norm[i]!)) return false;
  const c = toks.clause[i]!;
  if (toks.clause[i - 1] !== c || toks.clause[i - 2] !== c || toks.kind[i - 2] !== Kind.Word) return false;
  const last = items.length > 0 ? items[items.length - 1]! : null;
  if (last !== null && last.end === i - 1) {
    last.weight *= AS_CURSE_BOOST;
    last.local *= AS_CURSE_BOOST;
    addStep(last, 'intensified', `as ${toks.norm[i]}`);
  }
  return true;
}

/** Whether token i is a word, in the clause of the token before it, that a degree word stresses ("so so good"). */
function stressable(toks: Tokens, i: number): boolean {
  return i < toks.count && toks.clause[i] === toks.clause[i - 1] && (toks.flags[i]! & (F.VALENCE | F.DEGREE)) !== 0;
}

/** What "than" compares with when the thing reviewed is the worse one ("better than this", "than these"). */
const THIS_ONE = new Set(['this', 'these']);
/** Before a comparative, words that make the thing reviewed its subject ("this one is better than this"). */
const OWN_SUBJECT = new Set(['this', 'it', "it's", 'its', 'these']);

/**
 * Whether the comparative praise over [s, e) is said of something else than the thing reviewed, which it outdoes:
 * "Any grandmother can make a roasted chicken better than this one", "I've seen soap operas more intelligent than this
 * movie". Not where the thing reviewed is the subject ("it tastes better than this looks").
 */
function outdone(toks: Tokens, s: number, e: number): boolean {
  const { norm, clause, count } = toks;
  if (e + 1 >= count || norm[e] !== 'than' || !THIS_ONE.has(norm[e + 1]!) || clause[e + 1] !== clause[s]) return false;
  for (let k = s - 1; k >= 0 && clause[k] === clause[s]; k--) if (OWN_SUBJECT.has(norm[k]!)) return false;
  return true;
}

/** Index of the word or number right after token i in its clause, or -1. */
function nextWord(toks: Tokens, i: number): number {
  return isWordish(toks, i + 1) && toks.clause[i + 1] === toks.clause[i] ? i + 1 : -1;
}

/** Frames found by `irrealis`. */
const NO_FRAME = 0;
const DISAPPOINTED = 1;
const CONDITION = 2;
/** "Hopefully": what follows is hoped for, neither found nor missed ("Hopefully everything goes smoothly now"). */
const HOPED = 3;

/**
 * A frame earlier in the clause: hypothetical or disappointed ("wanted to", "should have": DISAPPOINTED), or a
 * condition or search ("if the food were good", "if you want great food", "looking for a good meal": CONDITION).
 */
function irrealis(toks: Tokens, V: WordTable, s: number): number {
  const clause = toks.clause;
  const flags = toks.flags;
  const c = clause[s]!;
  for (let j = s - 1, seen = 0; j >= 0 && seen < 8; j--, seen++) {
    if (clause[j] !== c) return NO_FRAME;
    const tf = flags[j]!;
    const pair = tf & F.IRREALIS_FIRST && j + 1 < s && V.infos[toks.id[j]!]!.irrealisNext!.has(toks.norm[j + 1]!);
    // "I just wanted to say the crew was great": a speech act, not a wish (see `performative.ts`).
    if (pair && isPerformativeFrame(toks, j)) return NO_FRAME;
    if (tf & F.IRREALIS || pair) {
      const w = toks.norm[j]!;
      // "I wish you all the best", "wish you luck": good wished to someone is given, not missed.
      if ((w === 'wish' || w === 'wishing') && wellWished(toks, j, s)) return NO_FRAME;
      // "Want to impress your date? Bring her here.": a question opening on the wish asks the reader, as "if you want".
      if (w === 'want' && asksReader(toks, j)) return CONDITION;
      return CONDITIONS.has(w) ? CONDITION : w === 'hopefully' ? HOPED : DISAPPOINTED;
    }
  }
  return NO_FRAME;
}

/** Whether token j opens its sentence and the sentence is a question ("Want to impress?"). */
function asksReader(toks: Tokens, j: number): boolean {
  if (!(toks.marks & M.QUESTION)) return false;
  const sentence = toks.sentence;
  if (j > 0 && sentence[j - 1] === sentence[j]) return false;
  let k = j;
  while (k + 1 < toks.count && sentence[k + 1] === sentence[j]) k++;
  return toks.kind[k] === Kind.Punct && toks.norm[k]!.includes('?');
}

/** Who good is wished to ("wish you luck", "wishing everyone a happy holiday"). */
const ADDRESSEES = new Set(['you', 'u', 'ya', "y'all", 'yall', 'everyone', 'everybody', 'all', 'them', 'him', 'her', 'us']);
/** What opens the good wished: a determiner or the good itself ("the best", "a great trip", "luck", "well"). */
const WISHED_GOOD = new Set(['the', 'a', 'an', 'good', 'luck', 'best', 'happy', 'merry', 'success', 'well', 'safe', 'continued', 'all']);

/**
 * Whether "wish" at j wishes good to someone ("I wish you all the best of luck", "wishing everyone a safe trip") rather
 * than what is not so ("I wish you had a better app", "wish it were bigger"): its object is a person, then a determiner
 * or the good wished, before the item at s.
 */
function wellWished(toks: Tokens, j: number, s: number): boolean {
  const norm = toks.norm;
  let k = j + 1;
  if (k >= s || !ADDRESSEES.has(norm[k]!)) return false;
  k++;
  if (k < s && (norm[k] === 'all' || norm[k] === 'guys')) k++;
  return k <= s && WISHED_GOOD.has(norm[k]!);
}

/**
 * Praise under a condition or in a search ("for people who want great food", "if the food at least tasted good") is
 * what the reviewer wished for. Where the sentence blames something outside the condition ("…, Roxy is a place to
 * AVOID", "… but the quality was crappy") the wish is the measure of the letdown and counts for nothing; elsewhere it
 * stays ("if you're looking for a great meal, go here" recommends). A condition written without a comma ends where a
 * main clause's subject comes ("if you want good sushi this is not the place to go"): blame after it is outside.
 * Blame under a condition is as hypothetical where the sentence praises outside it ("friendly, if not the most prompt";
 * "if the soup is ever cold, they happily replace it"): it counts for nothing.
 */
function applyConditions(toks: Tokens, items: Item[]): void {
  const V = toks.vocab;
  for (const it of items) {
    if (it.weight === 0) continue;
    // The opposite opinion in another clause, or later in this one (the farthest): a few items, read before the
    // frame's scan of the tokens.
    let blamed = false;
    let later = -1;
    for (const other of items) {
      if (other.sentence !== it.sentence || (it.weight > 0 ? other.weight >= 0 : other.weight <= 0)) continue;
      if (other.clause !== it.clause) {
        blamed = true;
        break;
      }
      if (other.start > it.end) later = other.start;
    }
    if (!blamed && later < 0) continue;
    if (irrealis(toks, V, it.start) !== CONDITION) continue;
    // In this clause only past the main clause's subject (see `mainClauseBetween`).
    if (!blamed && !mainClauseBetween(toks, it.end, later)) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'condition');
  }
}

/** Words that open the main clause after a condition written without a comma ("if you want good sushi this is not…"). */
const MAIN_SUBJECTS = new Set(['this', 'it', "it's", 'they', "they're", 'then', 'these', 'there', "there's"]);

/**
 * Whether a word of `MAIN_SUBJECTS` stands in tokens [from, to): the condition ended there without a comma, and what
 * follows is the main clause ("if you want good authentic food this is not the place").
 */
function mainClauseBetween(toks: Tokens, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (toks.kind[j] === Kind.Word && MAIN_SUBJECTS.has(toks.norm[j]!)) return true;
  return false;
}

/** A modal within a few words before `s` ("could", "can't"). */
function modalBefore(toks: Tokens, s: number, span: number): string | undefined {
  const clause = toks.clause;
  for (let j = s - 1; j >= 0 && j >= s - span; j--) {
    if (clause[j] !== clause[s]) return undefined;
    if (toks.flags[j]! & F.MODAL) return toks.norm[j]!;
  }
  return undefined;
}

/** Words between "too" and the "to" of what it prevents ("too cold to", "too crowded and loud to"). */
const TOO_REACH = 3;

/**
 * The "too" a few words before the "to" at token `to`, in its clause ("too cold to enjoy"), or -1. An aside in
 * parentheses between them is passed over ("too loud (when full) to be romantic"): the clause resumes after it.
 */
function tooBefore(toks: Tokens, to: number): number {
  const clause = toks.clause;
  let j = to - 1;
  if (j > 0 && toks.norm[j] === ')') j = asideStart(toks, j) - 1;
  for (let reach = 0; j >= 0 && reach <= TOO_REACH && clause[j] === clause[to]; j--, reach++) {
    if (toks.flags[j]! & F.TOO) return j;
  }
  return -1;
}

/** The "(" that opens the aside closed by the ")" at token `close` in its sentence, or `close` itself when none. */
function asideStart(toks: Tokens, close: number): number {
  const sentence = toks.sentence;
  for (let j = close - 1; j >= 0 && sentence[j] === sentence[close]; j--) {
    if (toks.kind[j] === Kind.Punct && toks.norm[j]!.includes('(')) return j;
  }
  return close;
}

/**
 * The first token of the words of emphasis ending at token j ("at all", "the least bit", "one bit"), within its clause
 * and not before `floor`, or -1: after a negation they stress it ("nothing at all to recommend", "wasn't the least bit
 * interested").
 */
function negationEmphasis(toks: Tokens, j: number, floor: number): number {
  const norm = toks.norm;
  const c = toks.clause[j];
  const before = (k: number, w: string) => k >= floor && toks.clause[k] === c && norm[k] === w;
  if (norm[j] === 'all') return before(j - 1, 'at') ? j - 1 : -1;
  if (before(j - 1, 'one')) return j - 1;
  return before(j - 1, 'least') && before(j - 2, 'the') ? j - 2 : -1;
}

/** Whether negator j denies every case ("never", "nothing", "no one"): see `UNIVERSAL_NEGATORS`. */
function universal(toks: Tokens, j: number): boolean {
  const w = toks.norm[j]!;
  return UNIVERSAL_NEGATORS.has(w) || (w === 'no' && j + 1 < toks.count && toks.norm[j + 1] === 'one');
}


/** How much "af" after a word stresses it ("good af"): as "really" before it. */
const AF_BOOST = 0.3;

/** Words before "less" that keep the quality after it ("no less impressive", "more or less good"). */
const LESS_KEPT = new Set(['no', 'not', 'none', 'nothing', 'or']);

/** Words before "little" that make it "next to none" ("very little flavor", "so little chemistry"). */
const SCANT = new Set(['very', 'so', 'too', 'how', 'precious']);

/** What a comparison with the thing at hand names it by ("it doesn't get any better than this"). */
const AT_HAND = new Set(['this', 'that', 'these', 'here']);

/**
 * Whether "than" and the thing at hand, closing the clause, follow token e-1 ("… better than this!"): a negated
 * comparative then makes a superlative. Not "than that of the others", "than this one place".
 */
function thanThis(toks: Tokens, e: number): boolean {
  const { count, norm, clause, kind } = toks;
  if (e + 1 >= count || norm[e] !== 'than' || !AT_HAND.has(norm[e + 1]!)) return false;
  if (clause[e + 1] !== clause[e - 1]) return false;
  return e + 2 >= count || clause[e + 2] !== clause[e + 1] || kind[e + 2] === Kind.Punct;
}

/** Negations of "can" ("can't recommend it enough"). */
const CANNOT = new Set(["can't", 'cant', 'cannot', "couldn't", 'couldnt', 'can’t', 'couldn’t']);

/**
 * Whether a negated item is praise past its limit: "can't recommend it enough", "couldn't recommend their pizza any
 * higher" (the object may take a few words, so the scan reaches past it, within the clause).
 */
function enoughAround(toks: Tokens, negator: number, s: number, e: number): boolean {
  const clause = toks.clause;
  const norm = toks.norm;
  // Only a negated "can": "not good enough", "isn't big enough" fall short.
  if (!CANNOT.has(norm[negator]!) && !(norm[negator] === 'not' && negator > 0 && (norm[negator - 1] === 'can' || norm[negator - 1] === 'could'))) {
    return false;
  }
  // "Could not get strong enough signal", "can't get it loud enough": "enough" right after the word is a measure it
  // falls short of, not praise past its limit.
  if (e < toks.count && norm[e] === 'enough') return false;
  // Not past the last token: the columns hold stale data there.
  const end = Math.min(toks.count, e + ENOUGH_REACH);
  for (let j = negator + 1; j < end; j++) {
    if (clause[j] !== clause[s]) return false;
    if (norm[j] === 'enough') return true;
    if (norm[j] === 'any' && j + 1 < toks.count && norm[j + 1] === 'higher') return true;
  }
  return false;
}

/**
 * What a whole text has (`textMode`), so `scoreItem` skips the scans that cannot find anything in it: most of the text
 * in capitals (capitals are then the writer's habit, not emphasis); a negation, degree word or "but" (the backward
 * scope scan); a hypothetical frame word (`irrealis`).
 */
const SHOUTING = 1;
const MODIFIERS = 2;
const HYPOTHETICAL = 4;

function textMode(toks: Tokens): number {
  let mode = 0;
  if (toks.words > 0 && toks.capsWords / toks.words > 0.5) mode |= SHOUTING;
  // "but" is a CONTRAST word: the scope scan reads it for "anything but good".
  if (toks.textFlags & (F.NEGATOR | F.DEGREE | F.HEDGE | F.CONTRAST)) mode |= MODIFIERS;
  if (toks.textFlags & (F.IRREALIS | F.IRREALIS_FIRST)) mode |= HYPOTHETICAL;
  return mode;
}

/**
 * Weigh the item over tokens [s, e) with base valence `valence` by the rules around it: negation and degree words
 * within reach before it (not before `floor`), "could not be happier", hypothetical frames, and capitals. `mode`: see
 * `textMode`.
 */
function scoreItem(
  toks: Tokens, V: WordTable, text: string, mode: number, floor: number, s: number, e: number, valence: number, rules: string[],
): Item {
  const n = toks.count;
  const norm = toks.norm;
  const kind = toks.kind;
  const letterCase = toks.letterCase;
  const clauses = toks.clause;
  const flags = toks.flags;
  const last = e - 1;
  let w = valence;
  // Not a closure: one capturing `w` would move it to the heap for every item, and this is the hot path.
  let steps: Step[] | null = null;
  if (kind[s] !== Kind.Emoji) {
    // Negation and degree within SCOPE words before the item, in its clause.
    const clause = clauses[s]!;
    let negator = -1;
    let factor = 1;
    let boosted = false;
    let diminished = false;
    // The degree word or hedge nearest the item (the one an explanation names).
    let degreeBy: string | undefined;
    let seen = 0;
    /** Words the scope reaches beyond SCOPE: one per "or" in it ("never rushed or pressured"). */
    let reach = SCOPE;
    // "less than impressed", "my least favorite": a denial of the word, said with a degree word. Read on the two words
    // before the item only, so the scan starts before them ("at least" is no denial).
    let scanFrom = s - 1;
    if (s >= floor + 1 && clauses[s - 1] === clause) {
      const prev = norm[s - 1];
      if (prev === 'least' && (s < 2 || norm[s - 2] !== 'at')) {
        negator = s - 1;
        scanFrom = s - 2;
      } else if (s >= floor + 2 && flags[s - 2]! & F.MORE_LESS && prev === 'than' && norm[s - 2] === 'less' && clauses[s - 2] === clause) {
        negator = s - 2;
        scanFrom = s - 3;
      } else if (prev === 'less') {
        // "less crowded", "a less doughy bagel", "less friendly than before": less of a quality is its opposite; "no
        // less impressive" keeps it whole ("more or less good" as it was).
        const kept = s >= 2 && clauses[s - 2] === clause && LESS_KEPT.has(norm[s - 2]!);
        if (!kept) negator = s - 1;
        scanFrom = kept && norm[s - 2] !== 'or' ? s - 3 : s - 2;
      } else if (prev === 'little' && s >= floor + 2 && clauses[s - 2] === clause && SCANT.has(norm[s - 2]!)) {
        // "very little comedy", "how little chemistry there was": a quantity that is next to none ("a little charm"
        // is some).
        negator = s - 1;
        scanFrom = s - 3;
      }
    }
    // "too cold to enjoy", "too loud to be romantic": what an excess prevents is denied. The "too" span before it is
    // an item of its own, so this looks past `floor`; only texts with a "too" or "overly" are read.
    if (negator < 0 && toks.textFlags & F.TOO && s > 0 && clauses[s - 1] === clause) {
      const to = norm[s - 1] === 'to' ? s - 1 : s > 1 && norm[s - 1] === 'be' && norm[s - 2] === 'to' ? s - 2 : -1;
      const t = to > 0 ? tooBefore(toks, to) : -1;
      if (t >= 0) {
        negator = t;
        scanFrom = -1;
      }
    }
    for (let j = mode & MODIFIERS ? scanFrom : -1; j >= floor && seen < reach; j--) {
      if (clauses[j] !== clause) break;
      const k = kind[j];
      if (k !== Kind.Word && k !== Kind.Number) continue;
      // "I never realized how comfortable these are", "you don't know how happy I am": a word after "how" is stated,
      // the negation before it denies the knowing or telling. Not after "care" ("I don't care how cool it looks"
      // dismisses), nor "how to" ("doesn't know how to make a good film").
      if (negator < 0 && norm[j] === 'how' && norm[j + 1] !== 'to' && !(j > 0 && norm[j - 1] === 'care')) break;
      const tf = flags[j]!;
      // A negation carries over a disjunction ("no noise or smoke", "never rude or slow"): "or" and the word before
      // it do not use up the scope.
      const role = V.roles[toks.id[j]!]!;
      if (role & ROLE.DISJUNCTION) {
        reach += 1;
        continue;
      }
      // "never had any large problems": a word that only stresses the negation's reach stretches it by one (it still
      // counts as a word seen, so a degree word after it decays as before).
      if (role & ROLE.STRETCH) reach += 1;
      // "I have yet to find a better one": the negator's second word does not use up its scope either.
      if (j > floor && flags[j - 1]! & F.DEGREE && norm[j] === V.infos[toks.id[j - 1]!]!.negatorNext) reach += 1;
      // "nothing at all to recommend", "I wasn't the least bit interested": words that stress the negation neither use
      // up its scope nor boost the word.
      if (role & ROLE.EMPHASIS) {
        const from = negationEmphasis(toks, j, floor);
        if (from >= 0) {
          j = from;
          continue;
        }
      }
      // "without so much as a smile", "not so much as a thank you": the words stress the lack, they neither use up
      // the scope nor boost the word.
      // ("much" is a degree word: its flag is read before any word is compared.)
      if (j >= floor + 2 && flags[j - 1]! & F.DEGREE && norm[j] === 'as' && norm[j - 1] === 'much' && norm[j - 2] === 'so') {
        j -= 2;
        continue;
      }
      if (tf & F.SCOPE_BREAK) {
        // "anything but good" negates.
        if (norm[j] === 'but' && j > 0 && norm[j - 1] === 'anything' && negator < 0) negator = j;
        break;
      }
      seen++;
      if (negator < 0 && tf & F.NEGATOR) {
        const breakers = V.infos[toks.id[j]!]!.negationBreakers;
        const after = j + 1 < n ? norm[j + 1] : undefined;
        // "couldn't help laughing" resists; "she couldn't help me" is a negation (`resistedAt`).
        const broken = breakers !== null && after !== undefined && breakers.has(after) &&
          (after !== 'help' || resistedAt(toks, j + 2));
        if (!broken && !(valence < 0 && unwanted(toks, j))) negator = j;
        continue;
      }
      if (tf & F.DEGREE) {
        const info = V.infos[toks.id[j]!]!;
        // "far from perfect", "have yet to be disappointed": a two-word negator (`PAIRED_NEGATORS`).
        if (info.negatorNext !== null && negator < 0 && j + 1 < s && norm[j + 1] === info.negatorNext) {
          negator = j;
          continue;
        }
        if (info.booster) {
          const decay = seen === 1 ? 1 : seen === 2 ? 0.95 : 0.9;
          factor *= 1 + info.booster * decay * (letterCase[j]! & CASE.CAPS ? 1.5 : 1);
          boosted = true;
          degreeBy ??= norm[j]!;
          continue;
        }
        if (info.diminisher) {
          factor *= info.diminisher;
          diminished = true;
          degreeBy ??= norm[j]!;
          continue;
        }
      }
      if (tf & F.HEDGE) {
        const f = j > 0 && clauses[j - 1] === clause ? V.infos[toks.id[j]!]!.hedgeAfter!.get(norm[j - 1]!) : undefined;
        if (f !== undefined) {
          factor *= f;
          diminished = true;
          degreeBy ??= `${norm[j - 1]!} ${norm[j]!}`;
          j--;
          seen++;
        }
      }
      // "I didn't like the rude waiter", "it doesn't excuse your inefficiency": an opinion word between the item and a
      // negation takes the negation, and the item keeps its own sense. Not an opinion word right before the item ("not
      // a good bargain"), nor across a coordination ("didn't laugh or even smile", "never rude or slow").
      if (negator < 0 && tf & F.VALENCE && j < s - 1 && !coordinated(norm, j, s)) break;
    }
    // "I don't think it was good": a negated verb of opinion denies what is thought (see `raisedNegation`).
    if (negator < 0 && toks.textFlags & F.NEGATOR && s >= 3) negator = raisedNegation(toks, s);
    const pairedNext = negator < 0 ? null : V.infos[toks.id[negator]!]!.negatorNext;
    const negatedBy = negator < 0 ? '' : pairedNext !== null ? `${norm[negator]!} ${pairedNext}` : norm[negator]!;
    // "not bad at all", "not good at all": the negation is emphatic. Both words must be tokens of this text.
    if (negator >= 0 && e + 1 < n && norm[e] === 'at' && norm[e + 1] === 'all') {
      factor *= 1.3;
      boosted = true;
      degreeBy ??= 'at all';
    }
    // "good af", "slow asf": slang after a word stresses it.
    if (e < n && clauses[e] === clause && (norm[e] === 'af' || norm[e] === 'asf')) {
      factor *= 1 + AF_BOOST;
      boosted = true;
      degreeBy ??= norm[e]!;
    }
    if (factor !== 1) {
      w *= factor;
      // One step for the degree words together; a booster and a hedge on one word ("really kind of good") name both.
      if (boosted && diminished) {
        rules = withRule(rules, 'intensified');
        rules = withRule(rules, 'diminished');
        steps = pushStep(steps, 'diminished', degreeBy, w);
      } else {
        rules = withRule(rules, boosted ? 'intensified' : 'diminished');
        steps = pushStep(steps, boosted ? 'intensified' : 'diminished', degreeBy, w);
      }
    }
    // "better", "happier", "more reliable": see `isComparative`.
    const comparative = (flags[s]! & F.COMPARATIVE) !== 0 || (s > 0 && (flags[s - 1]! & F.MORE_LESS) !== 0);
    let flipped = false;
    if (negator >= 0) {
      const superlative = comparative && (modalBefore(toks, s, 5) || universal(toks, negator) || thanThis(toks, e));
      if (superlative || enoughAround(toks, negator, s, e)) {
        // "could not be happier", "can't recommend it enough", "never felt more welcome": the negation strengthens.
        w *= 1.5;
        if (boosted) steps![steps!.length - 1]!.weight = w;
        // Named "intensified" once: the negation here strengthens.
        if (!boosted) {
          rules = withRule(rules, 'intensified');
          steps = pushStep(steps, 'intensified', negatedBy, w);
        }
      } else if (w < 0 && REMEDIES.has(norm[s]!)) {
        // "no refund": the missing remedy is the complaint.
        w -= 1;
        rules = withRule(rules, 'negated remedy');
        steps = pushStep(steps, 'negated remedy', negatedBy, w);
      } else {
        w *= w > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
        rules = withRule(rules, 'negated');
        steps = pushStep(steps, 'negated', negatedBy, w);
      }
    } else if (comparative) {
      const modal = modalBefore(toks, s, 4);
      // "would be better" wishes too, unless it compares ("they would still be better than any other").
      const wish = modal !== undefined && (WISHING_MODALS.has(modal) || (WOULD.has(modal) && !(e < n && norm[e] === 'than')));
      if (wish) {
        // "could be better" wishes; "could have been worse" consoles; "would be so much better served" wants.
        w *= IRREALIS_FLIP;
        rules = withRule(rules, 'irrealis');
        steps = pushStep(steps, 'irrealis', modal, w);
        flipped = true;
      } else if (w > 0 && outdone(toks, s, e)) {
        // "$5 headphones that sound better than these": praise of something else, said against this one.
        w *= NEGATE_POSITIVE;
        rules = withRule(rules, 'outdone');
        steps = pushStep(steps, 'outdone', 'than', w);
        flipped = true;
      }
    }
    // Praise under a condition ("if you want great food") is weighed with its sentence (`applyConditions`). Blame
    // denied in the frame is no letdown: "you won't want to leave", "we never wanted to leave" praise.
    const frame = w > 0 && !flipped && mode & HYPOTHETICAL && !(negator >= 0 && valence < 0) ? irrealis(toks, V, s) : NO_FRAME;
    if (frame === DISAPPOINTED && !wantedReturn(toks, s, e)) {
      w *= IRREALIS_FLIP;
      rules = withRule(rules, 'irrealis');
      steps = pushStep(steps, 'irrealis', undefined, w);
    } else if (frame === HOPED) {
      // A hope is no verdict either way: "Hopefully everything goes smoothly now" neither praises nor blames.
      w = 0;
      rules = withRule(rules, 'irrealis');
      steps = pushStep(steps, 'irrealis', 'hopefully', w);
    }
    if (!(mode & SHOUTING) && letterCase[s]! & letterCase[last]! & CASE.CAPS) {
      w *= CAPS_BOOST;
      rules = withRule(rules, 'caps');
      steps = pushStep(steps, 'caps', undefined, w);
    }
  }
  // A word written as its norm is that string already (no copy of the text).
  const token = e === s + 1 && letterCase[s]! & CASE.AS_NORM ? norm[s]! : text.slice(toks.start[s]!, toks.end[last]!);
  return {
    start: s, end: e, token, weight: w, local: w, base: valence, steps, rules, sentence: toks.sentence[s]!, clause: clauses[s]!,
  };
}

/** An adverb made from an adjective ("delightfully", "horribly"); not "only", "early", "friendly", "lovely", "ugly". */
function isLyAdverb(w: string): boolean {
  const n = w.length;
  return n > 6 && w.charCodeAt(n - 1) === 121 && w.charCodeAt(n - 2) === 108 && !w.endsWith('ely') && !w.endsWith('ndly');
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}


/** Words before a place's name: "went to", "dinner at", "came from", "a place called". */
const BEFORE_PLACE_NAME = new Set(['at', 'to', 'from', 'called', 'named', 'visited']);
/** Words after a verb's object that show "to" was a verb's ("grown to Love this place"). */
const VERB_OBJECT_START = new Set(['this', 'that', 'the', 'it', 'them', 'their', 'my', 'our', 'every', 'all', 'these', 'those', 'her', 'him']);

/**
 * Whether the capitalised word i, alone, names a place: right after a word that names one ("to", "at", "from",
 * "called"), not before an object ("to Love this place" capitalises a verb for emphasis) nor before a thing it may
 * judge ("thanks to Great staff").
 */
function namedPlaceAt(toks: Tokens, i: number): boolean {
  const prev = i - 1;
  if (prev < 0 || toks.kind[prev] !== Kind.Word || toks.clause[prev] !== toks.clause[i] || !BEFORE_PLACE_NAME.has(toks.norm[prev]!)) return false;
  const next = i + 1;
  return !(next < toks.count && toks.kind[next] === Kind.Word && (VERB_OBJECT_START.has(toks.norm[next]!) || toks.flags[next]! & F.THEME));
}

/** Whether an item starts with a word that a rule after the scan reads (`ROLE.AFTER_SCAN`). */
function startsAfterScan(V: WordTable, toks: Tokens, items: Item[]): boolean {
  const roles = V.roles;
  const id = toks.id;
  for (let n = 0; n < items.length; n++) {
    const k = id[items[n]!.start]!;
    if (k >= 0 && roles[k]! & ROLE.AFTER_SCAN) return true;
  }
  return false;
}

/** Whether word j opens its sentence (so its capital is grammar, not a name's). */
function opensSentence(toks: Tokens, j: number): boolean {
  for (let k = j - 1; k >= 0 && toks.sentence[k] === toks.sentence[j]; k--) if (toks.kind[k] === Kind.Word || toks.kind[k] === Kind.Number) return false;
  return true;
}

/**
 * Whether the capitalised word i is part of a proper name: it does not open its sentence, and a neighbour in its
 * clause is capitalised too and does not open the sentence either ("went to Best Buy", "fans of Imagine Dragons"); or
 * it opens a name that is the subject of a verb ("Best Buy Rocks!", see `named-subject.ts`); or it is a one-word
 * name where a place is named ("referred to Chance by a friend", "dinner at Prune"; see `namedPlaceAt`).
 * Not in title-case writing ("Great Product, Works Perfectly"), where every word has a capital: there half or more
 * of the sentence's words are capitalised.
 */
function inName(toks: Tokens, text: string, i: number): boolean {
  if (!isTitleWord(toks, text, i)) return false;
  // "Best Buy Rocks!": a name opening its sentence as a verb's subject (see `named-subject.ts`).
  if (opensSentence(toks, i)) return opensNamedSubject(toks, text, i);
  const clause = toks.clause[i];
  const prev = i - 1;
  const next = i + 1;
  const neighbour =
    (prev >= 0 && toks.clause[prev] === clause && isTitleWord(toks, text, prev) && !opensSentence(toks, prev)) ||
    (next < toks.count && toks.clause[next] === clause && isTitleWord(toks, text, next));
  if (!neighbour && !namedPlaceAt(toks, i)) return false;
  // Title-case writing capitalises half the sentence or more. Or, leaving the name itself out, a third of the words
  // around it: "adds Austin-Dallas Love Field route" is plain writing though half its words are capitalised.
  const sentence = toks.sentence[i];
  let first = i;
  while (first > 0 && toks.sentence[first - 1] === sentence && isTitleWord(toks, text, first - 1)) first--;
  let last = i;
  while (last + 1 < toks.count && toks.sentence[last + 1] === sentence && isTitleWord(toks, text, last + 1)) last++;
  let words = 0;
  let titled = 0;
  let around = 0;
  let titledAround = 0;
  for (let k = 0; k < toks.count; k++) {
    if (toks.sentence[k] !== sentence || toks.kind[k] !== Kind.Word) continue;
    const title = isTitleWord(toks, text, k);
    words++;
    if (title) titled++;
    if (k >= first && k <= last) continue;
    around++;
    if (title) titledAround++;
  }
  return titled * 2 < words || (around > 0 && titledAround * 3 < around);
}

/** Words before an adjective ("high prices") and after it ("prices are a bit high") searched for its aspect noun. */
const ATTRIBUTIVE_REACH = 2;
const PREDICATIVE_REACH = 6;

/**
 * The valence the adjective at i has for the nearest aspect noun it describes in its clause, or 0: the noun right after
 * it ("long wait", "high delivery fees") or before it ("the wait was long", "prices are a bit high").
 */
function aspectValence(toks: Tokens, i: number, adj: Map<string, number>): number {
  const clause = toks.clause;
  const infos = toks.vocab.infos;
  // Only a word some adjective judges can be the aspect: the others are passed over without reading their stems.
  const roles = toks.vocab.roles;
  for (let j = i + 1, seen = 0; j < toks.count && seen < ATTRIBUTIVE_REACH && clause[j] === clause[i]; j++) {
    if (toks.kind[j] !== Kind.Word) continue;
    seen++;
    if (!(roles[toks.id[j]!]! & ROLE.ASPECT_NOUN)) continue;
    const v = adj.get(infos[toks.id[j]!]!.stem);
    if (v !== undefined) return v;
  }
  for (let j = i - 1, seen = 0; j >= 0 && seen < PREDICATIVE_REACH && clause[j] === clause[i]; j--) {
    if (toks.kind[j] !== Kind.Word) continue;
    seen++;
    if (!(roles[toks.id[j]!]! & ROLE.ASPECT_NOUN) || verbBeforeObject(toks, j)) continue;
    const v = adj.get(infos[toks.id[j]!]!.stem);
    if (v !== undefined) return v;
  }
  return 0;
}

/** Determiners that open a verb's object ("holds a charge", "charged my card"). */
const OBJECT_DETERMINERS = new Set(['a', 'an', 'the', 'my', 'your', 'his', 'her', 'its', 'our', 'their']);

/**
 * Whether the aspect noun at j is a verb with its object after it ("It holds a charge for a long time": no long
 * hold; "they charged my card twice"): a determiner right after it in its clause.
 */
function verbBeforeObject(toks: Tokens, j: number): boolean {
  const k = j + 1;
  if (k >= toks.count || toks.clause[k] !== toks.clause[j]) return false;
  return toks.kind[k] === Kind.Word && OBJECT_DETERMINERS.has(toks.norm[k]!);
}

/** Whether a sentiment word, "too" or another negator follows negator i within its reach in the clause. */
function negatesSomething(toks: Tokens, i: number): boolean {
  const clause = toks.clause;
  const n = toks.count;
  for (let j = i + 1, seen = 0, reach = SCOPE; j < n && seen < reach; j++) {
    if (clause[j] !== clause[i]) return false;
    const k = toks.kind[j];
    if (k === Kind.Emoji) return true;
    if (k !== Kind.Word && k !== Kind.Number) continue;
    // As in `scoreItem`: "or" and the word before it do not use up the scope, nor do words of emphasis ("at all").
    const role = toks.vocab.roles[toks.id[j]!]!;
    if (role & ROLE.DISJUNCTION) {
      reach += 1;
      continue;
    }
    if (role & ROLE.EMPHASIS) {
      const from = negationEmphasis(toks, j, i + 1);
      if (from >= 0) {
        seen -= j - from;
        continue;
      }
    }
    seen++;
    const f = toks.flags[j]!;
    // An adjective judged by its aspect is an opinion too ("battery life still not long enough").
    if (f & (F.VALENCE | F.TOO | F.NEGATOR | F.SENSE_BY_PLACE)) return true;
    // A phrase of words without valence of their own: "no hidden fees" negates the fees.
    if (f & F.PHRASE_FIRST && (matchPhrase(toks, toks.vocab, j)?.valence ?? 0) !== 0) return true;
  }
  return false;
}

/** Words before a return searched for "want" ("I always want to go back for more"). */
const WANT_REACH = 4;

/**
 * Whether the item over [s, e) is a return the reviewer wants now ("I always want to go back for more", "makes you
 * want to come back"): a present wish to come back praises; "wanted to", "hoped to" stay the letdown.
 */
function wantedReturn(toks: Tokens, s: number, e: number): boolean {
  if (!hasReturnWord(toks, s, e)) return false;
  const clause = toks.clause;
  for (let j = s - 1; j >= 0 && j >= s - WANT_REACH && clause[j] === clause[s]; j--) {
    if (toks.norm[j] === 'want' || toks.norm[j] === 'wants') return true;
  }
  return false;
}

/** Whether tokens [s, e) hold a word of return ("back", "again", "return": `F.RETURN`). */
function hasReturnWord(toks: Tokens, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (toks.flags[k]! & F.RETURN) return true;
  return false;
}

/**
 * Whether item `it` is a visit promised or refused ("would never go there again", "will be back"): it holds a word of
 * return, and was not read as a reply not given ("never called me back") or a thing no longer so.
 */
export function isVisitVerdict(toks: Tokens, it: Item): boolean {
  if (!hasReturnWord(toks, it.start, it.end)) return false;
  const rule = it.rules[0];
  return rule !== RETURN_RULE[READING.REPLY] && rule !== RETURN_RULE[READING.NO_LONGER] && rule !== RETURN_RULE[READING.NOT_BACK];
}

/**
 * Whether negator j denies a want or need of a thing ("I don't need overpriced food", "we don't want rude service"):
 * the blame after it is what the reviewer got and rejects, not denied. With "to" the negation reaches on ("you don't
 * need to worry", "you won't want to leave").
 */
function unwanted(toks: Tokens, j: number): boolean {
  const n = toks.count;
  if (j + 2 >= n || !WANTS.has(toks.norm[j + 1]!)) return false;
  return toks.norm[j + 2] !== 'to';
}

/** Valence up to which praise after "too" is an excess ("too sweet", "too rich", "too big"); above it, emphasis ("too good"). */
const EXCESS_MAX = 2;
/** Subjects before "too" that make it "also" ("we too enjoyed it"). */
const ALSO_AFTER = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'me', 'us']);

/**
 * Whether "too" at i before the praise word at `next` says there was too much of it: a mild, descriptive praise word
 * ("too sweet", "far too rich", "overly attentive"), not a verdict ("too good to pass up", "too funny"), nor "too" as
 * "also" after a subject ("we too enjoyed it").
 */
function excessOf(toks: Tokens, i: number, next: number): boolean {
  const v = toks.vocab.valence[toks.id[next]!]!;
  if (!(v > 0 && v <= EXCESS_MAX) || toks.flags[next]! & F.NEGATOR) return false;
  return !(i > 0 && toks.clause[i - 1] === toks.clause[i] && ALSO_AFTER.has(toks.norm[i - 1]!));
}

/** Is "like" at index i the verb ("I like it") rather than the preposition ("looks like")? */
function likeIsVerb(toks: Tokens, i: number): boolean {
  if (i === 0 || toks.clause[i - 1] !== toks.clause[i]) return false;
  return (toks.flags[i - 1]! & (F.LIKE_SUBJECT | F.NEGATOR)) !== 0;
}

/** Words that open the object a denial reaches ("a salad that was appealing", "any helpful support"). */
const OBJECT_START = new Set(['a', 'an', 'the', 'any', 'anything', 'anyone', 'that', 'which', 'who', 'to']);

/**
 * Deny the praise after `denier` in its clause that no negation reached: what a reader is warned not to expect ("don't
 * expect the staff to make it romantic"), the object of a deed left undone ("they couldn't even make a salad that was
 * appealing"). The usual scope (a few words) stops short of it. After a deed left undone, only inside an object (a
 * determiner, relative pronoun or "to" between): "I can't even right now haha" has none, and its laugh is no object.
 */
function denyPraiseAfter(toks: Tokens, items: Item[], denier: Item): void {
  for (const it of items) {
    if (it.start < denier.end || it.clause !== denier.clause || it.weight <= 0 || it.rules.includes('negated')) continue;
    let object = false;
    for (let j = denier.end; j < it.start && !object; j++) object = OBJECT_START.has(toks.norm[j]!);
    if (!object && denier.base !== WARNING) continue;
    it.weight *= NEGATE_POSITIVE;
    it.local *= NEGATE_POSITIVE;
    addStep(it, 'negated', toks.norm[denier.start]!);
  }
}

/** The profile's weight of complaints (`LexiconEntries.negativeWeight`), as the last step of each negative item. */
function weighNegatives(items: Item[], k: number): void {
  for (const it of items) {
    if (it.weight >= 0) continue;
    it.weight *= k;
    it.local *= k;
    addStep(it, 'negativity');
  }
}

/** Add the text's letter grades to `items`, each where it stands in text order; no modifier reaches before a grade. */
function addLetterGrades(toks: Tokens, V: WordTable, text: string, mode: number, items: Item[]): void {
  for (const g of letterGrades(toks, text)) {
    insertItem(items, scoreItem(toks, V, text, mode, g.start, g.start, g.end, g.valence, ['grade']));
  }
}

function addInterjections(toks: Tokens, V: WordTable, text: string, mode: number, items: Item[]): void {
  for (const w of exasperatedInterjections(toks)) {
    insertItem(items, scoreItem(toks, V, text, mode, w, w, w + 1, EXASPERATED, ['exasperated']));
  }
}

/** Put an item found after the scan in text order. */
function insertItem(items: Item[], it: Item): void {
  let at = items.length;
  while (at > 0 && items[at - 1]!.start > it.start) at--;
  items.splice(at, 0, it);
}

/** What `negatorItem` found at a negator: its item (or null), the end of the span it scored (-1 when none, or an item of
 * the negator alone), whether the item denies what follows it (`denyPraiseAfter`), whether it fronts a negation. */
const NEG = { item: null as Item | null, end: -1, denies: false, fronted: false };

/** A rule at a negator scored the span up to `end` as `item`; `denies` when it also denies what follows it. */
function negFound(item: Item, end: number, denies: boolean): void {
  NEG.item = item;
  NEG.end = end;
  NEG.denies = denies;
}

/**
 * The rules read at a negator, into `NEG`: the rare constructions a negator opens, then the bare negation. Kept out of
 * `findItems`, whose scan stays small enough for the engine to inline the hot paths.
 */
function negatorItem(toks: Tokens, V: WordTable, text: string, mode: number, floor: number, i: number, mark: number): void {
  const norm = toks.norm;
  NEG.item = null;
  NEG.end = -1;
  NEG.denies = false;
  NEG.fronted = false;
  const next = i + 1 < toks.count ? norm[i + 1] : undefined;
  // "they hadn't even brought the check": the negated perfect is a candidate for this rule only (see `not-even.ts`); it
  // denies what follows as "didn't even" does.
  if (mark & MARK.PERFECT_NEGATOR) {
    const end = next === 'even' ? notEvenAt(toks, i) : -1;
    if (end > 0) negFound(scoreItem(toks, V, text, mode, i, i, end, NOT_EVEN, ['not even']), end, true);
    else stillNotItem(toks, V, text, mode, i);
    // "I haven't been back since", "haven't heard back": a return refused or a reply not given, as after "never".
    if (NEG.item === null && toks.textFlags & F.RETURN) returnItem(toks, V, text, mode, i);
    if (NEG.item === null) withheldItem(toks, V, text, mode, i);
    return;
  }
  // "not once has …": a fronted negation, read once the items are found (`applyFrontedNegation`).
  if (next === 'once') NEG.fronted = true;
  // "We won't go to this place again": a return refused is the reviewer's last visit (only texts with a word of
  // return are searched); "never heard back" a reply not given; "it's not 1997 anymore" what is no longer. The words
  // inside it score nothing more.
  if (toks.textFlags & F.RETURN && returnItem(toks, V, text, mode, i)) return;
  // "Don't expect a quiet dinner": a warning to the reader (see `expect-warning.ts`).
  if (next === 'expect') {
    const end = expectWarningAt(toks, i);
    if (end > 0) return negFound(scoreItem(toks, V, text, mode, i, i, end, WARNING, ['warning']), end, true);
  }
  // "she didn't even offer us dessert": a deed left undone, said with indignation (see `not-even.ts`).
  if (next === 'even') {
    const end = notEvenAt(toks, i);
    if (end > 0) return negFound(scoreItem(toks, V, text, mode, i, i, end, NOT_EVEN, ['not even']), end, true);
  }
  // "Just don't do it.": a warning to the reader in a negated imperative with no sentiment word (see
  // `negated-imperative.ts`).
  const warning = negatedImperativeAt(toks, i);
  if (warning > 0) {
    const start = norm[i] === 'not' ? i - 1 : i;
    return negFound(scoreItem(toks, V, text, mode, floor, start, warning, WARNING, ['warning']), warning, false);
  }
  // "they never replied", "I was not updated": a service withheld (see `withheld-service.ts`).
  if (withheldItem(toks, V, text, mode, i)) return;
  // "the computer would not turn on", "the seats don't recline": a thing that will not do its job (see
  // `broken-function.ts`).
  const broken = brokenFunctionAt(toks, i, wordMarks(V));
  if (broken > 0) return negFound(scoreItem(toks, V, text, mode, i, i, broken, BROKEN, ['broken']), broken, false);
  // A negator with a valence of its own ("no", "nobody") counts only where it negates nothing: "no luggage",
  // "no one at the gate"; in "no problem" the next word carries the meaning, negated.
  const id = toks.id[i]!;
  if (toks.flags[i]! & F.VALENCE) {
    // Nor where the word after it makes it no negation at all ("no wonder", "no cap": see `NEGATION_BREAKERS`).
    const breakers = V.infos[id]!.negationBreakers;
    if (breakers && next !== undefined && breakers.has(next)) return;
    if (!negatesSomething(toks, i)) NEG.item = scoreItem(toks, V, text, mode, floor, i, i + 1, V.valence[id]!, ['bare negation']);
    return;
  }
  stillNotItem(toks, V, text, mode, i);
}

/** A service withheld at negator i (see `withheld-service.ts`), into `NEG`; whether one was found. */
function withheldItem(toks: Tokens, V: WordTable, text: string, mode: number, i: number): boolean {
  const end = withheldServiceAt(toks, i);
  if (end < 0) return false;
  negFound(scoreItem(toks, V, text, mode, i, i, end, WITHHELD, ['withheld']), end, false);
  return true;
}

/** A negated return at negator i (see `negated-return.ts`), into `NEG`; whether one was found. */
function returnItem(toks: Tokens, V: WordTable, text: string, mode: number, i: number): boolean {
  const j = negatedReturnWord(toks, i);
  const reading = j > 0 ? negatedReturnReading(toks, i, j) : READING.NONE;
  if (reading === READING.NONE) return false;
  const end = j + 1;
  // A visit refused denies the praise it names after it: "We won't go to this place again for a good meal".
  negFound(scoreItem(toks, V, text, mode, i, i, end, RETURN_VALENCE[reading]!, [RETURN_RULE[reading]!]), end, reading === READING.VISIT);
  return true;
}

/** "I still haven't received my bag": a wait that goes on, into `NEG.item` (see `still-not.ts`). */
function stillNotItem(toks: Tokens, V: WordTable, text: string, mode: number, i: number): void {
  const still = stillBefore(toks, i);
  if (still >= 0 && !negatesSomething(toks, i)) NEG.item = scoreItem(toks, V, text, mode, still, still, i + 1, STILL_NOT, ['still not']);
}

/** Forms of "fail" whose "to" denies the verb after it. */
const FAIL = new Set(['fail', 'fails', 'failed', 'failing']);

/**
 * Praise right after "fail to" did not happen: "it failed to impress", "the sequel fails to excite". The word of praise
 * is denied as by a negation, unless a negation before it already reached it (it is then left as that negation reads
 * it) or a phrase took the words of failing ("never fails to impress" praises: the phrase ends before the praise,
 * which `floor` keeps out of reach). "Failed" counts on its own: the failure is the complaint.
 */
function failedPraise(toks: Tokens, it: Item, i: number): void {
  if (!FAIL.has(toks.norm[i - 2]!) || it.weight <= 0) return;
  it.weight *= NEGATE_POSITIVE;
  it.local *= NEGATE_POSITIVE;
  addStep(it, 'negated', toks.norm[i - 2]!);
}

/**
 * The valence of the hashtag at token i: read by its capitals where it is written in camel case ("#SlapInTheFace",
 * "#UnitedHatesUsAll": the writer marked the words; see `camelValence`), else, or where those words score nothing, as
 * words run together ("#unitedsucks"; split into words of the dictionary only, "#dietcoke" is no "die": see
 * `compoundValence`).
 */
function hashtagValence(toks: Tokens, V: WordTable, text: string, i: number, info: WordInfo): number {
  const start = toks.start[i]!;
  const end = toks.end[i]!;
  const parts = toks.letterCase[i]! & CASE.AS_NORM ? null : camelParts(text, start, end);
  if (parts) {
    const v = V.camelHashtag(parts);
    if (v !== 0) return v;
  }
  if (info.hashtag === 0 || !readsAsCompound(text, start, end, V)) return 0;
  return (info.hashtagWords ??= V.wordedHashtag(info.word));
}

/**
 * Camel-case hashtags that the scan did not visit: their run-together word scores nothing as one word
 * ("unitedhatesusall"), so it is no scoring candidate, but its words do ("#UnitedHatesUsAll", "#SlapInTheFace").
 */
function addCamelHashtags(toks: Tokens, V: WordTable, text: string, mode: number, items: Item[]): void {
  for (let k = 0; k < toks.count; k++) {
    if (toks.kind[k] !== Kind.Word || toks.flags[k]! & F.SCORES || toks.letterCase[k]! & CASE.AS_NORM) continue;
    const start = toks.start[k]!;
    if (start === 0 || text.charCodeAt(start - 1) !== 35) continue;
    const parts = camelParts(text, start, toks.end[k]!);
    const v = parts ? V.camelHashtag(parts) : 0;
    // A hashtag stands apart from the words before it: no negation or degree word reaches it.
    if (v !== 0) insertItem(items, scoreItem(toks, V, text, mode, k, k, k + 1, v, ['hashtag']));
  }
}

/** Find every sentiment-bearing token and phrase and weigh it by the rules around it. */
export function findItems(toks: Tokens, text: string, emoji: Map<string, number>, negativeWeight = 1): Item[] {
  const V = toks.vocab;
  const norm = toks.norm;
  const kind = toks.kind;
  const flags = toks.flags;
  const items: Item[] = [];
  const at = toks.scoreAt;
  const count = toks.scoreCount;
  // A text of a letter grade alone ("A+!"), of "Seriously?" or of a hashtag ("#SlapInTheFace") has no scoring candidate.
  if (count === 0 && !(toks.marks & (M.PLUS | M.QUESTION | M.HASHTAG))) return items;
  const mode = textMode(toks);
  const marks = wordMarks(V);
  // Candidates in text order; `from` skips those inside a phrase, grade or "too" span already scored.
  let from = 0;
  // The end of the last scored phrase, grade or "too" span: its words ("thanks for nothing") do not also negate or
  // intensify what follows ("thanks for nothing #fail"). Spans that score nothing ("kind of") still modify.
  let floor = 0;
  let fronted = false;
  let slang = false;
  /** The text has an "other" (`ROLE.OTHER`), which may name other places. */
  let others = false;
  let remedied = false;
  let measured = false;
  /** A span of wasted time or the phrase "in and out" was scored: `applyQuickService` has something to read. */
  let timed = false;
  /** A "never" was read: `applyNeverSuch` has something to read. */
  let never = false;
  /** Spans that deny what follows them in their clause ("don't expect …", "didn't even make …"): see `denyPraiseAfter`. */
  let deniers: Item[] | null = null;
  for (let n = 0; n < count; n++) {
    const i = at[n]!;
    if (i < from) continue;
    const id = toks.id[i]!;
    const k = kind[i];
    const tf = flags[i]!;
    if (tf & F.NEGATOR && norm[i] === 'never') never = true;
    if (k === Kind.Emoji) {
      const word = norm[i]!;
      const v = emoji.get(word);
      if (v) items.push(scoreItem(toks, V, text, mode, floor, i, i + 1, v, [word.charCodeAt(0) < 128 ? 'emoticon' : 'emoji']));
      continue;
    }
    if (k === Kind.Number || tf & F.NUMBER_WORD) {
      const r = ratingAt(toks, i);
      if (r) {
        items.push(scoreItem(toks, V, text, mode, floor, i, r.end, r.valence, ['rating']));
        from = floor = r.end;
        continue;
      }
      const wasted = wastedTimeAt(toks, i);
      if (wasted) {
        // The span may start before the number ("for 45 minutes"): the item covers it, the scan goes on after it. Time
        // lost is a fact a negation does not undo ("haven't had my bag for 3 days"): no modifier reaches before it.
        items.push(scoreItem(toks, V, text, mode, wasted.start, wasted.start, wasted.end, wasted.valence, ['wasted time']));
        timed = true;
        from = floor = wasted.end;
        continue;
      }
      if (k === Kind.Number) {
        // "less than $25 for two", "at least $14": a sum of money judged by its bound (see `price-bound.ts`).
        const bounded = priceBoundAt(toks, i, (toks.marks & M.CURRENCY) !== 0);
        if (bounded) {
          items.push(scoreItem(toks, V, text, mode, floor, bounded.start, bounded.end, bounded.valence, ['price bound']));
          from = floor = bounded.end;
        }
        continue;
      }
    }
    // "I have never had cheesecake like this": a claim of uniqueness praises (see `uniqueness.ts`). Read before the
    // phrases, which hold "never eaten" and "can't get" as the start of other things.
    if (tf & F.NEGATOR && marks[id]! & MARK.UNIQUE_NEGATOR) {
      const end = uniquenessAt(toks, i);
      if (end > 0) {
        items.push(scoreItem(toks, V, text, mode, i, i, end, UNIQUE, ['uniqueness']));
        from = floor = end;
        continue;
      }
    }
    if (tf & F.PHRASE_FIRST) {
      let p = matchPhrase(toks, V, i);
      // A phrase that scores nothing gives way to a return promised through it: "would love" is a wish in posts, "I
      // would love to come back" a promise (read below).
      if (p && p.valence === 0 && toks.textFlags & F.RETURN && marks[id]! & MARK.PROMISE && affirmedReturnAt(toks, i) > 0) p = null;
      // Nor does it hide a return refused through it: "never went" is a visit not made yet ("we never went there"),
      // "We never went back." the reviewer's last (read at the negator below).
      if (p && p.valence === 0 && tf & F.NEGATOR && toks.textFlags & F.RETURN && refusedReturnAt(toks, i)) p = null;
      // "so-so" grades something as passable, but "so so happy" stresses the word after it twice: a degree word doubled
      // gives way to the degree words when a word they can stress follows.
      if (p && tf & F.DEGREE && p.toks.length === 2 && p.toks[0] === p.toks[1] && stressable(toks, i + 2)) p = null;
      if (p) {
        from = i + p.toks.length;
        if (p.toks.length === 3 && norm[i] === 'in') timed = true;
        if (p.valence !== 0) {
          const item = scoreItem(toks, V, text, mode, floor, i, from, p.valence, ['phrase']);
          // "It failed to meet expectations": as for a word (see `failedPraise`).
          if (p.valence > 0 && i - 2 >= floor && norm[i - 1] === 'to') failedPraise(toks, item, i);
          items.push(item);
          floor = from;
        }
        continue;
      }
      // "We will definitely be returning": a return promised around other words (see `affirmed-return.ts`).
      if (toks.textFlags & F.RETURN && marks[id]! & MARK.PROMISE) {
        const end = affirmedReturnAt(toks, i);
        if (end > 0) {
          items.push(scoreItem(toks, V, text, mode, floor, i, end, PROMISED_RETURN, ['promised return']));
          from = floor = end;
          continue;
        }
      }
    }
    // "Try green curry.", "Have the iced tea.", "Go see it!": a dish or a film recommended in the imperative (see
    // `imperative-advice.ts`).
    if (marks[id]! & MARK.ADVICE_VERB) {
      const advice = imperativeAdviceAt(toks, text, i);
      if (advice > 0) {
        items.push(scoreItem(toks, V, text, mode, floor, i, advice, RECOMMENDED, ['recommendation']));
        continue;
      }
    }
    // "I felt as if I were eating in Paris": praise by comparison with a named place (see `transported.ts`); "I take all
    // my friends here": others brought along, a recommendation in deed (see `bring-others.ts`). Their words have no
    // valence of their own, so they are told by their word mark.
    const mark = marks[id]!;
    // "They really need to improve their service", "Fix your app!": a fix asked for (see `demanded-fix.ts`). Read
    // before the word's own valence ("improve" praises).
    if (mark & MARK.FIX) {
      const end = demandedFixAt(toks, i);
      if (end > 0) {
        items.push(scoreItem(toks, V, text, mode, i, i, end, DEMANDED_FIX, ['demanded fix']));
        from = floor = end;
        continue;
      }
    }
    // "Where is my bag?": the writer's thing missing, asked for (see `missing-thing.ts`).
    if (mark & MARK.WHERE) {
      const end = missingThingAt(toks, i);
      if (end > 0) {
        items.push(scoreItem(toks, V, text, mode, i, i, end, MISSING_THING, ['missing']));
        from = floor = end;
        continue;
      }
    }
    // "Why can't I reschedule online?": a negated "why" question accuses (see `accusing-why.ts`). The negation in it is
    // read on as usual ("why won't you help me").
    if (mark & MARK.WHY && toks.marks & M.QUESTION) {
      const end = accusingWhyAt(toks, i);
      if (end > 0) {
        items.push(scoreItem(toks, V, text, mode, i, i, end, ACCUSING_WHY, ['accusing question']));
        continue;
      }
    }
    // "They fixed the problem": blame put right is weighed after the scan (see `remedied.ts`).
    if (mark & MARK.REMEDY) remedied = true;
    if (mark & (MARK.TRANSPORT | MARK.BRING)) {
      const transport = (mark & MARK.TRANSPORT) !== 0;
      const end = transport ? transportedAt(toks, text, i) : broughtOthersAt(toks, i);
      if (end > 0) {
        const rule = transport ? 'transported' : 'brought others';
        items.push(scoreItem(toks, V, text, mode, floor, i, end, transport ? TRANSPORTED : BROUGHT_OTHERS, [rule]));
        from = floor = end;
        continue;
      }
    }
    if (tf & F.NEGATOR) {
      negatorItem(toks, V, text, mode, floor, i, marks[id]!);
      if (NEG.fronted) fronted = true;
      const it = NEG.item;
      if (it !== null) {
        items.push(it);
        if (NEG.denies) (deniers ??= []).push(it);
      }
      if (NEG.end > 0) from = floor = NEG.end;
      continue;
    }
    const v = tf & F.VALENCE ? V.valence[id]! : 0;
    if (v === 0 && !(tf & F.TOO) && V.roles[id]! & ROLE.TIME_UNIT) {
      const wasted = wastedTimeEndingAt(toks, i);
      // Its words before the unit ("for an") are no scoring candidates, so no earlier item overlaps it.
      if (wasted && wasted.start >= from) {
        items.push(scoreItem(toks, V, text, mode, wasted.start, wasted.start, wasted.end, wasted.valence, ['wasted time']));
        timed = true;
        from = floor = wasted.end;
      }
      continue;
    }
    if (v === 0 && !(tf & F.TOO)) {
      if (!(tf & F.SENSE_BY_PLACE)) {
        const role = V.roles[id]!;
        // "other" is a candidate only to tell that the text may name other places (see `other-places.ts`).
        if (role & ROLE.OTHER) others = true;
        // "worked very well": how a thing was done (see `done-well.ts`).
        else if (role & ROLE.MANNER && doneWellAt(toks, i, items)) {
          items.push(scoreItem(toks, V, text, mode, floor, i, i + 1, DONE_WELL, ['done well']));
        } else if (role & ROLE.CRITTER) {
          // A fact reported: no negation or degree word before it reaches it.
          const end = foreignObjectAt(toks, i);
          if (end > 0) {
            items.push(scoreItem(toks, V, text, mode, i, i, end, FOREIGN_OBJECT, ['foreign object']));
            from = floor = end;
          }
        }
        continue;
      }
      // "prices are a bit high", "a long wait": an adjective that judges only the aspect it describes.
      const info = V.infos[id]!;
      const adj = info.aspectAdj;
      const av = adj ? aspectValence(toks, i, adj) : 0;
      if (av !== 0) items.push(scoreItem(toks, V, text, mode, floor, i, i + 1, av, ['aspect']));
      // "#unitedsucks", "#nothappy", "#SlapInTheFace": words run together, after a "#" only.
      else if (
        (info.hashtag !== 0 || !(toks.letterCase[i]! & CASE.AS_NORM)) && toks.start[i]! > 0 &&
        text.charCodeAt(toks.start[i]! - 1) === 35
      ) {
        const hv = hashtagValence(toks, V, text, i, info);
        // A hashtag stands apart from the words before it: no negation or degree word reaches it.
        if (hv !== 0) items.push(scoreItem(toks, V, text, mode, i, i, i + 1, hv, ['hashtag']));
      }
      continue;
    }
    // -1 when no word of the clause follows.
    const next = nextWord(toks, i);
    if (tf & F.TOO && next >= 0) {
      if (!(flags[next]! & (F.VALENCE | F.NEGATOR)) || excessOf(toks, i, next)) {
        let end = i + 2;
        const w = norm[next];
        if ((w === 'much' || w === 'many' || w === 'few' || w === 'little') && nextWord(toks, next) >= 0) end++;
        items.push(scoreItem(toks, V, text, mode, floor, i, end, TOO_VALENCE, ['too']));
        from = floor = end;
      }
      continue;
    }
    if (v === 0) continue;
    // "slow as hell", "nice as hell": a curse after "as" stresses the word before it and says nothing itself.
    if (v < 0 && asCurseAt(toks, i, items)) continue;
    if (tf & F.SENSE_BY_PLACE && norm[i] !== 'pretty' && !likeIsVerb(toks, i)) continue;
    // A degree word before another sentiment word modifies it rather than counting itself ("super fast"), and before
    // an adjective its aspect judges ("super loud music").
    if (next >= 0 && tf & F.DEGREE && flags[next]! & (F.VALENCE | F.SENSE_BY_PLACE)) continue;
    // An adverb of judgement against the word it modifies says how, not what: "delightfully overpriced" is a price
    // complaint, "shockingly easy" praise ("wonderfully nice" agrees with itself and counts both).
    if (next >= 0 && flags[next]! & F.VALENCE && v * V.valence[toks.id[next]!]! < 0 && isLyAdverb(norm[i]!)) continue;
    if (tf & F.SENSE_BY_PLACE && norm[i] === 'pretty' && next >= 0) continue;
    // "Best Buy", "Imagine Dragons", "Van Gogh Fans": a capitalised word inside a name is not an opinion. Praise words
    // only: names borrow them (brands and titles pick flattering words), while a capitalised complaint in a post is
    // emphasis ("Worst Service Ever", "Cancelled Flight").
    if (v > 0 && isUpperAscii(text.charCodeAt(toks.start[i]!)) && inName(toks, text, i)) continue;
    const role = V.roles[id]!;
    if (role & ROLE.SLANG) slang = true;
    if (role & ROLE.MEASURED) measured = true;
    // "The beer was warm", "a substantial wait": the aspect judges the adjective, whatever it says alone.
    const av = role & ROLE.VALENCED_ASPECT ? aspectValence(toks, i, V.infos[id]!.aspectAdj!) : 0;
    if (av !== 0) {
      items.push(scoreItem(toks, V, text, mode, floor, i, i + 1, av, ['aspect']));
      continue;
    }
    const item = scoreItem(toks, V, text, mode, floor, i, i + 1, v, NO_RULES);
    // "It failed to impress": praise right after "fail to" is what did not happen (see `failedPraise`).
    if (v > 0 && i - 2 >= floor && norm[i - 1] === 'to') failedPraise(toks, item, i);
    // "It would be nice if you answered your phones": praise wished for is what is missing (see `wish-frame.ts`).
    if (mark & MARK.APPROVING && i + 1 < toks.count && (norm[i + 1] === 'if' || norm[i + 1] === 'to') && wishedFor(toks, i)) wished(item);
    items.push(item);
    // "Don't forget to try the flan", "I won't forget how rude they were": a negated "forget" or "fail" takes the
    // negation for itself (not forgetting is remembering), so it reaches no further (see `IMPLICATIVES`).
    if (mark & MARK.IMPLICATIVE && item.rules.includes('negated')) floor = i + 1;
  }
  // "B+ for the food", "(A+++)": letter grades, looked for only in texts with a "+" (see `letter-grade.ts`).
  if (toks.marks & M.PLUS) addLetterGrades(toks, V, text, mode, items);
  // "Seriously?", "Really?!" alone as a sentence: disbelief, only in texts with a "?" (see `exasperated-question.ts`).
  if (toks.marks & M.QUESTION) addInterjections(toks, V, text, mode, items);
  // "#UnitedHatesUsAll": camel-case hashtags whose run-together word is no scoring candidate, in texts with a "#".
  if (toks.marks & M.HASHTAG) addCamelHashtags(toks, V, text, mode, items);
  if (fronted && items.length > 0) applyFrontedNegation(toks, items);
  // "I have never had such good food", "never been so disappointed": the utmost, not a denial (see `never-such.ts`).
  if (never) applyNeverSuch(toks, items);
  // "None of them are engaging": the counted phrase stands between the negator and the word (see `none-of.ts`).
  if (items.length > 0) applyNoneOf(toks, items);
  if (deniers) for (const d of deniers) denyPraiseAfter(toks, items, d);
  // "Killer sushi!", "this place is fire", "you guys rock": slang in its place (see `slang-praise.ts`).
  if (slang) applySlangPraise(toks, items);
  if (items.length > 1 && mode & HYPOTHETICAL) applyConditions(toks, items);
  if (items.length > 0) applyRedirection(toks, items);
  // "Oil change took 20 minutes, in and out.": speed praised, no time lost (see `quick-service.ts`).
  if (timed) applyQuickService(toks, items);
  // "I will be returning this phone": a thing sent back, not a visit (see `product-return.ts`).
  if (items.length > 0) applyProductReturn(toks, items);
  // "the tanks in other restaurants are murky": blame of other places praises this one (see `other-places.ts`).
  if (others && items.length > 0) applyOtherPlaces(toks, items);
  // "a great disappointment", "a huge mess": a word of size before blame is a degree word (see `applyDegreeAdjectives`).
  if (items.length > 1) applyDegreeAdjectives(toks, items);
  // "Poor sound quality", "the quality is excellent": quality judged by another word is what is judged.
  if (measured && items.length > 1) applyMeasured(toks, items);
  // Rules read by the first words of items (`ROLE.AFTER_SCAN`), skipped together where no item starts with one.
  if (items.length > 0 && startsAfterScan(V, toks, items)) {
    // "Breaks easily", "runs down quickly": ease and speed of damage (see `damage-ease.ts`).
    applyDamageEase(toks, items);
    // "fair at best": praise set as a limit (see `limited-praise.ts`).
    applyLimitedPraise(items);
    // "hassle-free", "charisma-free": what the thing is without (see `free-of.ts`).
    applyFreeOf(toks, text, items);
    // "amazed at how small the dish was": surprise takes what surprised (see `surprise-at.ts`).
    applySurpriseAt(toks, items);
  }
  if (remedied && items.length > 0) applyRemedies(toks, items, marks);
  if (items.length > 0) {
    applySentenceRules(toks, items);
    applyPolarQuestions(toks, text, items);
    // "Won't you come back?", "Isn't it gorgeous?": a negated question asks for agreement (see `negated-question.ts`).
    applyNegatedQuestions(toks, items);
    // "What's the best way to get a receipt?": praise that names what is asked for (see `asked-choice.ts`).
    applyAskedChoice(toks, items);
    // "What good is that to me?", "How is this acceptable?": praise denied by a question (see `rhetorical-question.ts`).
    applyRhetoricalQuestions(toks, items);
  }
  if (items.length > 1) {
    applyIrony(toks, items);
  }
  // "It used to be great", "used to love this place": praise that is no more (see `past-praise.ts`).
  if (items.length > 0) applyPastPraise(toks, items);
  // Courtesy ("… ? Thank you.") and sarcasm ("Thanks for the lack of help") in thanks words.
  if (items.length > 0) applyThanks(toks, items);
  // "Best flight ever #not", "… (not)", "… /s": praise marked as sarcasm (see `sarcasm-marker.ts`).
  if (items.length > 0 && (toks.marks & (M.HASHTAG | M.CLOSE_PAREN) || toks.norm[toks.count - 1] === 's')) {
    applySarcasmMarkers(toks, text, items);
  }
  if (negativeWeight !== 1) weighNegatives(items, negativeWeight);
  return items;
}
