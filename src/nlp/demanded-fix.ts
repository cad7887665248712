import { FIX_GERUNDS, FIX_IMPERATIVE, FIX_NOUNS, FIX_PARTICIPLES, wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * A fix asked of the business: "they really need to improve their customer service", "Fix your app!", "the website
 * needs to be fixed", "you might want to fix this", "can you please fix this?", "they should hire more servers",
 * "they should have fixed it". Asking for a fix says the thing is not right now: a complaint about what it names,
 * however much the verb itself praises ("improve"). Not the reviewer's own ("I need to work on my diet"), not a fix
 * made ("they improved the menu", "they fixed it fast"), nor one denied ("you don't need to fix anything"). Read at a
 * verb of fixing only (`MARK.FIX`).
 */

/** The word that must follow a verb for it to speak of fixing ("step up", "work on", "sort out"). */
const PARTICLE: ReadonlyMap<string, string> = new Map([
  ['step', 'up'], ['work', 'on'], ['sort', 'out'], ['sorted', 'out'], ['invest', 'in'], ['clean', 'up'],
]);
/** Words that may stand between the demand's parts without changing it ("really need to", "please just fix"). */
const FILLER = wordSet(`really seriously definitely desperately probably just also please pls plz truly badly urgently
  totally honestly still somehow immediately quickly asap kindly maybe perhaps`);
/** Modals that ask for what follows them ("should improve", "must fix", "better fix"). */
const MODALS = wordSet("should must gotta better shall should've");
/** Words before "to" that make it a need ("need to", "has to", "ought to", "got to"). */
const NEEDS = wordSet('need needs have has got ought');
/** Words before "want to" that make it a polite demand ("you might want to fix this"). */
const SOFTENERS = wordSet("might may should you'll you'd");
/** Subjects that are the writer: the writer's own fixing is no complaint of the business. */
const SELF = wordSet("i we i'll we'll i'd we'd i'm we're me us myself ourselves");
/** Objects that are people. */
const PERSONS = wordSet('me us him her');
/** Auxiliaries of a question asking for it ("can you fix this?", "could you please improve …"). */
const ASKING = wordSet('can could would will');

/** The index of the first word before j in its clause that is no filler, or -1. */
function wordBefore(toks: Tokens, j: number): number {
  const { kind, clause, norm } = toks;
  for (let k = j - 1; k >= 0 && clause[k] === clause[j]; k--) {
    if (kind[k] !== Kind.Word) return -1;
    if (!FILLER.has(norm[k]!)) return k;
  }
  return -1;
}

/**
 * Whether the modal at m asks the business: no negation before it in its clause ("you don't need to") and not the
 * writer for subject ("I need to").
 */
function asksOthers(toks: Tokens, m: number): boolean {
  const s = wordBefore(toks, m);
  if (s < 0) return true;
  if (toks.flags[s]! & F.NEGATOR || SELF.has(toks.norm[s]!)) return false;
  // "they don't really need to", "I really should": one more word back.
  const t = wordBefore(toks, s);
  return t < 0 || !(toks.flags[t]! & F.NEGATOR || SELF.has(toks.norm[t]!));
}

/** Whether the word at k (a "to") is asked for: "need to", "has to", "ought to", "might want to". */
function neededTo(toks: Tokens, k: number): boolean {
  const m = wordBefore(toks, k);
  if (m < 0) return false;
  const w = toks.norm[m]!;
  if (NEEDS.has(w)) return asksOthers(toks, m);
  if (w !== 'want' && w !== 'wanna') return false;
  const s = wordBefore(toks, m);
  return s >= 0 && SOFTENERS.has(toks.norm[s]!) && asksOthers(toks, s);
}

/** The end (one past its last word) of a fix asked for at the verb i, or -1. */
export function demandedFixAt(toks: Tokens, i: number): number {
  const { norm, count, clause } = toks;
  const w = norm[i]!;
  let end = i + 1;
  const particle = PARTICLE.get(w);
  if (particle !== undefined) {
    if (end >= count || clause[end] !== clause[i] || norm[end] !== particle) return -1;
    end++;
  }
  // "can you update me on …", "hire me": a person for object is told or taken on, not fixed.
  if (end < count && clause[end] === clause[i] && PERSONS.has(norm[end]!)) return -1;
  const p = wordBefore(toks, i);
  const before = p < 0 ? '' : norm[p]!;
  // "needs a complete overhaul", "could use a makeover", "in desperate need of a facelift".
  if (FIX_NOUNS.has(w) && !(before === 'to' || MODALS.has(before))) return nounAsked(toks, i) ? end : -1;
  if (FIX_PARTICIPLES.has(w)) {
    // "needs to be fixed", "should be addressed", "should have fixed it", "should've been fixed".
    if (before === 'been') {
      const h = wordBefore(toks, p);
      return h >= 0 && ((norm[h] === 'have' && modalBefore(toks, h)) || norm[h] === "should've") ? end : -1;
    }
    if (before === 'have') return modalBefore(toks, p) ? end : -1;
    if (before === "should've" || before === "could've") return asksOthers(toks, p) ? end : -1;
    if (before !== 'be') return -1;
    const b = wordBefore(toks, p);
    if (b < 0) return -1;
    if (norm[b] === 'to') return neededTo(toks, b) ? end : -1;
    return MODALS.has(norm[b]!) && asksOthers(toks, b) ? end : -1;
  }
  if (FIX_GERUNDS.has(w)) return (before === 'need' || before === 'needs') && asksOthers(toks, p) ? end : -1;
  if (before === 'to') return neededTo(toks, p) ? end : -1;
  if (MODALS.has(before)) return asksOthers(toks, p) ? end : -1;
  // "can you fix this?", "could you please improve the app"; not "can you upgrade me", a perk asked for.
  if (before === 'you' && w !== 'upgrade') {
    const a = wordBefore(toks, p);
    return a >= 0 && ASKING.has(norm[a]!) && wordBefore(toks, a) < 0 ? end : -1;
  }
  // The imperative: the verb opens its clause, "please" aside, and an object follows, if anything ("Fix your app!",
  // "…, please fix this", "Fix it!"; not the noun in "Hire car was great").
  return FIX_IMPERATIVE.has(w) && p < 0 && opensClause(toks, i) && objectFollows(toks, i, end) ? end : -1;
}

/** Whether "should"/"could" asks, before the "have" at h ("they should have fixed it"; not "must have fixed it"). */
function modalBefore(toks: Tokens, h: number): boolean {
  const m = wordBefore(toks, h);
  if (m < 0) return false;
  const w = toks.norm[m]!;
  return (w === 'should' || w === 'could' || w === 'ought') && asksOthers(toks, m);
}

/** Words that may open the object of an imperative fix ("fix your app", "hire more staff", "improve the seating"). */
const OBJECT_START = wordSet(`your ur yo the this that it these those them their all everything things something some
  more a an asap now please pls plz already`);

/** Whether the word after the verb's end (in its clause) may open its object, or the clause ends there. */
function objectFollows(toks: Tokens, i: number, end: number): boolean {
  if (end >= toks.count || toks.clause[end] !== toks.clause[i] || toks.kind[end] !== Kind.Word) return true;
  return OBJECT_START.has(toks.norm[end]!);
}

/** Words that may stand before a noun of fixing ("a complete overhaul", "some serious updating"). */
const NOUN_LEAD = wordSet('a an some complete serious major total good desperate big real full proper thorough deep massive');

/** Whether the noun of fixing at i is asked for: after "need(s)", "could / can use", or "in need of". */
function nounAsked(toks: Tokens, i: number): boolean {
  const { norm, kind, clause } = toks;
  let k = i - 1;
  while (k >= 0 && clause[k] === clause[i] && kind[k] === Kind.Word && NOUN_LEAD.has(norm[k]!)) k--;
  if (k < 0 || clause[k] !== clause[i] || kind[k] !== Kind.Word) return false;
  const w = norm[k]!;
  if (w === 'need' || w === 'needs') return asksOthers(toks, k);
  if (w === 'use') return k > 0 && (norm[k - 1] === 'could' || norm[k - 1] === 'can') && asksOthers(toks, k - 1);
  if (w === 'of') {
    let m = k - 1;
    while (m >= 0 && (norm[m] === 'desperate' || norm[m] === 'dire' || norm[m] === 'serious')) m--;
    return m >= 0 && norm[m] === 'need' && clause[m] === clause[i];
  }
  return false;
}

/** Whether no word but fillers comes before word i in its clause. */
function opensClause(toks: Tokens, i: number): boolean {
  const { kind, clause, norm } = toks;
  for (let k = i - 1; k >= 0 && clause[k] === clause[i]; k--) {
    if (kind[k] === Kind.Word || kind[k] === Kind.Number) {
      if (!FILLER.has(norm[k]!)) return false;
    }
  }
  return true;
}
