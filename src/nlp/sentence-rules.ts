import { wordSet } from './rules.js';
import { MARK, wordMarks } from './word-marks.js';
import { addStep, type Item } from './sentiment.js';
import { Kind, M, type Tokens } from './token.js';
import { F } from './word-info.js';

/** Weight of an opinion before a contrast ("good, but…") and after it. */
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
/** Each exclamation mark (up to four) strengthens its sentence by this much. */
const EXCLAMATION_STEP = 0.1;
/** The evidence of 0–4 exclamation marks, built once rather than a fresh string per emphasised item. */
const BANGS = ['', '!', '!!', '!!!', '!!!!'];

/** Per-sentence scratch arrays of `applySentenceRules`, reused (analysis is synchronous); one holder, read into locals. */
const S = {
  bangs: new Int32Array(64), contrastAt: new Int32Array(64), concessiveClause: new Int32Array(64), concessiveAt: new Int32Array(64),
};

/** Contrast ("X but Y": Y counts more) and exclamation emphasis, which work on whole sentences. */
export function applySentenceRules(toks: Tokens, items: Item[]): void {
  // Nothing to do without a contrast word, a concessive or an exclamation mark.
  if (!(toks.textFlags & (F.CONTRAST | F.CONCESSIVE)) && !(toks.marks & M.EXCLAMATION)) return;
  const count = toks.count;
  const norm = toks.norm;
  const kind = toks.kind;
  const sentence = toks.sentence;
  const clause = toks.clause;
  const wordFlags = toks.flags;
  const sentences = toks.sentences;
  if (sentences + 1 > S.bangs.length) {
    S.bangs = new Int32Array((sentences + 1) * 2);
    S.contrastAt = new Int32Array((sentences + 1) * 2);
    S.concessiveClause = new Int32Array((sentences + 1) * 2);
    S.concessiveAt = new Int32Array((sentences + 1) * 2);
  }
  const { bangs, contrastAt, concessiveClause, concessiveAt } = S;
  // One past the last sentence too, read as "no contrast" by the "X. But Y." rule.
  for (let k = 0; k <= sentences; k++) {
    bangs[k] = 0;
    contrastAt[k] = -1;
    concessiveClause[k] = -1;
  }
  // Only the tokens the tokenizer listed: contrast and concessive words, and punctuation with "!".
  const at = toks.ruleAt;
  for (let n = 0; n < toks.ruleCount; n++) {
    const i = at[n]!;
    const word = norm[i]!;
    if (kind[i] === Kind.Punct) {
      for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) === 33) bangs[sentence[i]!]!++;
      continue;
    }
    const flags = wordFlags[i]!;
    const s = sentence[i]!;
    if (flags & F.CONCESSIVE && concessiveClause[s] === -1 && contrastAt[s] === -1) {
      const first = i === 0 || sentence[i - 1] !== s;
      const clauseStart = first || clause[i - 1] !== clause[i] || norm[i - 1] === 'even';
      const sentenceInitialOnly = word === 'while' || word === 'whilst';
      if (clauseStart && (!sentenceInitialOnly || first)) {
        concessiveClause[s] = clause[i]!;
        concessiveAt[s] = i;
        continue;
      }
    }
    if (flags & F.CONTRAST && contrastAt[s] === -1) {
      // Past the last token the columns hold stale data: check against `count`.
      const next = i + 1 < count ? norm[i + 1] : undefined;
      const prev = i > 0 ? norm[i - 1] : undefined;
      if (word === 'but' && (next === 'also' || prev === 'nothing' || prev === 'anything' || prev === 'all')) continue;
      if ((word === 'though' || word === 'although') && concessiveClause[s] !== -1) continue;
      // A trailing "though" ("it was good, though") hedges what came before; no clause follows to weigh more.
      if (word === 'though' && (i + 1 >= count || sentence[i + 1] !== s || kind[i + 1] === Kind.Punct)) continue;
      contrastAt[s] = i;
    }
  }
  for (const it of items) {
    const s = it.sentence;
    const c = contrastAt[s]!;
    let f = 1;
    // The contrast or concessive word that weighs this item.
    let by = -1;
    if (c >= 0) {
      if (it.start < c) f = CONTRAST_BEFORE;
      else if (it.start > c) f = CONTRAST_AFTER;
      by = c;
    } else if (concessiveClause[s]! >= 0) {
      if (it.clause === concessiveClause[s]) f = CONTRAST_BEFORE;
      else if (it.clause > concessiveClause[s]!) f = CONTRAST_AFTER;
      by = concessiveAt[s]!;
    }
    // "X. But Y." also weakens the sentence before.
    const nextC = contrastAt[s + 1]!;
    if (f === 1 && nextC >= 0 && (nextC === 0 || sentence[nextC - 1] !== s + 1)) {
      f = CONTRAST_BEFORE;
      by = nextC;
    }
    if (f !== 1) {
      it.weight *= f;
      addStep(it, 'contrast', norm[by]!);
    }
    const b = Math.min(bangs[s]!, 4);
    if (b > 0) {
      it.weight *= 1 + EXCLAMATION_STEP * b;
      it.local *= 1 + EXCLAMATION_STEP * b;
      addStep(it, 'exclamation', BANGS[b]!);
    }
  }
}

/** What praise read as irony weighs: "Great, another update that breaks the app" is not praise. */
const IRONY_FLIP = -0.5;

/** Words after "love" that open what is loved as an event: "love how …", "love waiting on hold …", "love it when …". */
const LOVE_EVENT = wordSet('how when being waiting sitting getting having standing paying spending');

/**
 * Whether the praise item at `it`, whose first word is a "love" (`MARK.LOVE`), is in a frame of ironic love: "gotta love", "got to / have to love", or "love"
 * before an event ("love how", "love it when", "love waiting"). Ironic only with a complaint after it in its clause.
 */
function ironicLove(toks: Tokens, it: Item): boolean {
  const norm = toks.norm;
  const s = it.start;
  // The phrase "love it" is one item: "love it when" reads on after it.
  if (it.end - s === 2) return norm[s + 1] === 'it' && wordIn(toks, s + 2, s) === 'when';
  if (it.end - s !== 1) return false;
  const next = wordIn(toks, s + 1, s);
  if (LOVE_EVENT.has(next) || (next === 'it' && wordIn(toks, s + 2, s) === 'when')) return true;
  const prev = wordIn(toks, s - 1, s);
  return prev === 'gotta' || (prev === 'to' && (wordIn(toks, s - 2, s) === 'got' || wordIn(toks, s - 2, s) === 'have'));
}

/** Whether no word or number stands before token s in its sentence ("Great, …"). */
function opensSentence(toks: Tokens, s: number): boolean {
  const { kind, sentence } = toks;
  for (let j = s - 1; j >= 0 && sentence[j] === sentence[s]; j--) if (kind[j] === Kind.Word || kind[j] === Kind.Number) return false;
  return true;
}

/** Whether token s is the only word or number of its sentence ("Nice.", "Great!!"). */
function aloneInSentence(toks: Tokens, s: number): boolean {
  return opensSentence(toks, s) && endsSentence(toks, s);
}

/** Whether no word or number stands after token s in its sentence ("…, great."); "timing" may, where `timing`. */
function endsSentence(toks: Tokens, s: number, timing = false): boolean {
  const { kind, sentence, norm, count } = toks;
  for (let j = s + 1; j < count && sentence[j] === sentence[s]; j++) {
    // "…, perfect timing": the praise of a moment, said of a mishap.
    if (timing && j === s + 1 && norm[j] === 'timing') continue;
    if (kind[j] === Kind.Word || kind[j] === Kind.Number) return false;
  }
  return true;
}

/**
 * Whether the word at s is alone in the last clause of its sentence, after a comma ("…, great.", "…, perfect!",
 * "…, perfect timing"), with no contrast before it in the sentence ("The food was cold, but the service, great.").
 */
function closesAfterComma(toks: Tokens, s: number): boolean {
  const { kind, sentence, norm, flags } = toks;
  if (s < 2 || kind[s - 1] !== Kind.Punct || norm[s - 1] !== ',' || sentence[s - 1] !== sentence[s]) return false;
  if (!endsSentence(toks, s, true)) return false;
  for (let j = s - 2; j >= 0 && sentence[j] === sentence[s]; j--) {
    if (flags[j]! & (F.CONTRAST | F.CONCESSIVE) || SINCERE.has(norm[j]!)) return false;
  }
  return true;
}

/** Praise read as irony: mild blame, explained as "irony". */
function ironic(it: Item): void {
  it.weight *= IRONY_FLIP;
  it.local *= IRONY_FLIP;
  addStep(it, 'irony');
}

/** The word at token k if it is one in the clause of token s, else "". */
function wordIn(toks: Tokens, k: number, s: number): string {
  return k >= 0 && k < toks.count && toks.clause[k] === toks.clause[s] && toks.kind[k] === Kind.Word ? toks.norm[k]! : '';
}

/**
 * Basic irony: a lone praise word opening its sentence and set off by a comma or "!" ("Great, ...", "Perfect! ..."),
 * when the rest of the sentence is a complaint, is sarcasm; it counts as mild blame. So is a lone praise word that is a
 * sentence of its own right after a complaint ("No catering for the flight. Nice.", "worst airline. Congrats!!"), or
 * opens a sentence of two or three words with no other opinion ("… no gate agent? Nice customer service."):
 * airline dev, 8 of 8 such words other than thanks in negative tweets (thanks there: mostly negative tweets too). So
 * is love in the frames of ironic love ("gotta love delays", "love how they lost my bag", "love waiting on hold for 2 hours") with a complaint
 * after it in its clause. Only those shapes: a positive word elsewhere, or one without a complaint ("love how friendly
 * they are", "love that they have vegan options, but the wait was long"), is left alone. Two more shapes mock: praise
 * echoed after "just" ("Great, just great."), in any context, and a lone praise word closing a complaint after a comma
 * ("Flight delayed again, perfect."), where no contrast comes before it.
 */
export function applyIrony(toks: Tokens, items: Item[]): void {
  const kind = toks.kind;
  const sentence = toks.sentence;
  const marks = wordMarks(toks.vocab);
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.weight <= 0) continue;
    if (marks[toks.id[it.start]!]! & MARK.LOVE && ironicLove(toks, it)) {
      let rest = 0;
      for (let m = n + 1; m < items.length && items[m]!.clause === it.clause; m++) rest += items[m]!.weight;
      if (rest < 0) ironic(it);
      continue;
    }
    // "Great, just great.", "Perfect. Just perfect!": praise echoed after "just" is sarcasm, both times.
    if (n > 0 && echoedPraise(toks, items[n - 1]!, it)) {
      if (items[n - 1]!.weight > 0) ironic(items[n - 1]!);
      ironic(it);
      continue;
    }
    // "No gate agent or plane at B18? Nice customer service.": a short praise sentence right after a complaint, with no
    // other opinion in it, mocks as the lone word does.
    if (n > 0 && it.end - it.start === 1 && shortPraiseSentence(toks, it.start) && (n + 1 >= items.length || items[n + 1]!.sentence !== it.sentence)) {
      let before = 0;
      for (let m = n - 1; m >= 0 && items[m]!.sentence === it.sentence - 1; m--) before += items[m]!.weight;
      if (before < 0) {
        ironic(it);
        continue;
      }
    }
    if (it.end - it.start !== 1) continue;
    const s = it.start;
    const next = s + 1;
    // "Stuck on the tarmac for an hour, great.": a lone praise word closing a complaint after a comma mocks it too.
    if (n > 0 && kind[s] === Kind.Word && closesAfterComma(toks, s)) {
      let before = 0;
      for (let m = n - 1; m >= 0 && items[m]!.sentence === it.sentence; m--) before += items[m]!.weight;
      if (before < 0) ironic(it);
      continue;
    }
    // "No catering for the flight. Nice.": a lone praise word after a complaint, a sentence of its own, says the same.
    // An emoticon or emoji there softens rather than mocks ("Not a fan of Mother Nature today. :)"): words only.
    if (n > 0 && kind[s] === Kind.Word && aloneInSentence(toks, s)) {
      let before = 0;
      for (let m = n - 1; m >= 0 && items[m]!.sentence === it.sentence - 1; m--) before += items[m]!.weight;
      if (before < 0) ironic(it);
      continue;
    }
    if (next >= toks.count || kind[next] !== Kind.Punct || sentence[next] !== it.sentence) continue;
    const mark = toks.norm[next]!.charCodeAt(0);
    if (mark !== 44 && mark !== 33) continue;
    if (!opensSentence(toks, s)) continue;
    // The complaint follows in the sentence, or after "Perfect!" in the next one.
    const upTo = mark === 33 ? it.sentence + 1 : it.sentence;
    let rest = 0;
    for (let m = n + 1; m < items.length && items[m]!.sentence <= upTo; m++) rest += items[m]!.weight;
    if (rest < 0) ironic(it);
  }
}

/**
 * Whether `it` repeats the one-word praise `prev` after a mark and "just", the two alone in their sentence ("Great,
 * just great."). Not a praise word limited inside a longer sentence ("It was good, just good, nothing special").
 */
function echoedPraise(toks: Tokens, prev: Item, it: Item): boolean {
  const s = it.start;
  if (it.end - s !== 1 || prev.end - prev.start !== 1 || prev.start !== s - 3) return false;
  const { norm, kind } = toks;
  return norm[s - 1] === 'just' && kind[s - 2] === Kind.Punct && norm[s - 3] === norm[s] && opensSentence(toks, s - 3) &&
    endsSentence(toks, s);
}

/** Words that make a short praise sentence sincere after a complaint ("Great crew though", "Good flight, otherwise"). */
const SINCERE = new Set(['though', 'tho', 'but', 'still', 'least', 'however', 'otherwise', 'thanks', 'thank']);

/**
 * Whether the praise word at `s` opens a sentence of two or three words ("Nice customer service.", "Nice touch.",
 * "Thanks a lot!!"), none of them one that keeps it sincere.
 */
function shortPraiseSentence(toks: Tokens, s: number): boolean {
  const { kind, sentence, count, norm } = toks;
  if (kind[s] !== Kind.Word || !opensSentence(toks, s)) return false;
  let words = 1;
  for (let j = s + 1; j < count && sentence[j] === sentence[s]; j++) {
    if (kind[j] !== Kind.Word && kind[j] !== Kind.Number) continue;
    if (++words > 3 || SINCERE.has(norm[j]!)) return false;
  }
  return words >= 2;
}
