import { ratingAt } from './rating-phrases.js';
import { isComparative } from './rules.js';
import { Kind, type Token, type Tokens } from './tokenize.js';
import { F } from './word-info.js';

/** One scored token or phrase. */
export interface Item {
  /** First and one-past-last token index. */
  start: number;
  end: number;
  /** The text as written. */
  token: string;
  /** Contribution to the text score (after every rule). */
  weight: number;
  /** Contribution before sentence-level contrast weighting: what the aspect (theme) scores use. */
  local: number;
  rules: string[];
  sentence: number;
  clause: number;
}

/** How far back (in words) negations and degree adverbs reach. */
const SCOPE = 3;
/** Negating praise makes blame; negating blame makes faint praise ("not bad" is not "good"). */
const NEGATE_POSITIVE = -0.75;
const NEGATE_NEGATIVE = -0.5;
const CAPS_BOOST = 1.25;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
/** "I wanted to love it": praise in a hypothetical frame counts as mild blame. */
const IRREALIS_FLIP = -0.5;
/** Each exclamation mark (up to four) strengthens its sentence by this much. */
const EXCLAMATION_STEP = 0.1;
/** Valence of an unlisted word after "too" ("too small", "too salty"). */
const TOO_VALENCE = -1.5;
/** Words ending a negation's reach inside a clause. */
const SCOPE_BREAK = new Set(['but', 'however', 'although', 'though', 'and', 'because', 'since', 'which']);

interface Ctx {
  T: Token[];
  text: string;
  /** Most of the text is in capitals: capitals are the writer's habit, not emphasis. */
  shouting: boolean;
}

function isWordish(t: Token | undefined): t is Token {
  return t !== undefined && (t.kind === Kind.Word || t.kind === Kind.Number);
}

/** Longest phrase starting at token i (over adjacent word tokens of one clause), or undefined. */
function matchPhrase(T: Token[], i: number): { len: number; valence: number } | undefined {
  const list = T[i]!.info.phrases;
  if (!list) return undefined;
  const clause = T[i]!.clause;
  outer: for (const p of list) {
    if (i + p.toks.length > T.length) continue;
    for (let k = 1; k < p.toks.length; k++) {
      const t = T[i + k]!;
      if (t.norm !== p.toks[k] || t.clause !== clause) continue outer;
    }
    return { len: p.toks.length, valence: p.valence };
  }
  return undefined;
}

function nextWord(T: Token[], i: number): Token | undefined {
  const t = T[i + 1];
  return isWordish(t) && t.clause === T[i]!.clause ? t : undefined;
}

/** Modifiers within reach before token `s`: negation and degree. */
function modifiers(T: Token[], s: number, endIdx: number) {
  const clause = T[s]!.clause;
  let negator = -1;
  let factor = 1;
  let boosted = false;
  let diminished = false;
  let seen = 0;
  for (let j = s - 1; j >= 0 && seen < SCOPE; j--) {
    const t = T[j]!;
    if (t.clause !== clause) break;
    if (t.kind !== Kind.Word && t.kind !== Kind.Number) continue;
    if (SCOPE_BREAK.has(t.norm)) {
      // "anything but good" negates.
      if (t.norm === 'but' && T[j - 1]?.norm === 'anything' && negator < 0) negator = j;
      break;
    }
    seen++;
    const info = t.info;
    if (negator < 0 && info.flags & F.NEGATOR) {
      const after = T[j + 1]?.norm;
      if (!(info.negationBreakers && after !== undefined && info.negationBreakers.has(after))) negator = j;
      continue;
    }
    if (info.booster) {
      const decay = seen === 1 ? 1 : seen === 2 ? 0.95 : 0.9;
      factor *= 1 + info.booster * decay * (t.caps ? 1.5 : 1);
      boosted = true;
      continue;
    }
    if (info.diminisher) {
      factor *= info.diminisher;
      diminished = true;
      continue;
    }
    if (info.hedgeAfter) {
      const prev = T[j - 1];
      const f = prev && prev.clause === clause ? info.hedgeAfter.get(prev.norm) : undefined;
      if (f !== undefined) {
        factor *= f;
        diminished = true;
        j--;
        seen++;
      }
    }
  }
  // "not bad at all", "not good at all": the negation is emphatic.
  if (negator >= 0 && T[endIdx]?.norm === 'at' && T[endIdx + 1]?.norm === 'all') {
    factor *= 1.3;
    boosted = true;
  }
  return { negator, factor, boosted, diminished };
}

/** A hypothetical or disappointed frame ("wanted to", "should have") earlier in the clause. */
function irrealis(T: Token[], s: number): boolean {
  const clause = T[s]!.clause;
  for (let j = s - 1, seen = 0; j >= 0 && seen < 8; j--, seen++) {
    const t = T[j]!;
    if (t.clause !== clause) return false;
    if (t.info.flags & F.IRREALIS) return true;
    if (t.info.irrealisNext && j + 1 < s && t.info.irrealisNext.has(T[j + 1]!.norm)) return true;
  }
  return false;
}

/** A modal within a few words before `s` ("could", "can't"). */
function modalBefore(T: Token[], s: number, span: number): string | undefined {
  for (let j = s - 1; j >= 0 && j >= s - span; j--) {
    if (T[j]!.clause !== T[s]!.clause) return undefined;
    if (T[j]!.info.flags & F.MODAL) return T[j]!.norm;
  }
  return undefined;
}

function enoughAround(T: Token[], negator: number, s: number, e: number): boolean {
  const end = Math.min(T.length, e + 3);
  for (let j = negator + 1; j < end; j++) {
    if (T[j]!.clause !== T[s]!.clause) return false;
    if (T[j]!.norm === 'enough') return true;
  }
  return false;
}

function scoreItem(ctx: Ctx, s: number, e: number, valence: number, rules: string[]): Item {
  const T = ctx.T;
  const first = T[s]!;
  const last = T[e - 1]!;
  let w = valence;
  if (first.kind !== Kind.Emoji) {
    const m = modifiers(T, s, e);
    if (m.factor !== 1) {
      w *= m.factor;
      if (m.boosted) rules.push('intensified');
      if (m.diminished) rules.push('diminished');
    }
    const prevWord = s > 0 ? T[s - 1]!.norm : undefined;
    let flipped = false;
    if (m.negator >= 0) {
      const comparative = isComparative(first.norm, prevWord);
      if ((comparative && modalBefore(T, s, 5)) || enoughAround(T, m.negator, s, e)) {
        // "could not be happier", "can't recommend it enough": the negation praises.
        w *= 1.5;
        if (!m.boosted) rules.push('intensified');
      } else {
        w *= w > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
        rules.push('negated');
      }
    } else if (isComparative(first.norm, prevWord)) {
      const modal = modalBefore(T, s, 4);
      if (modal === 'could' || modal === 'might') {
        // "could be better" wishes; "could have been worse" consoles.
        w *= IRREALIS_FLIP;
        rules.push('irrealis');
        flipped = true;
      }
    }
    if (w > 0 && !flipped && irrealis(T, s)) {
      w *= IRREALIS_FLIP;
      rules.push('irrealis');
    }
    if (!ctx.shouting && first.caps && last.caps) {
      w *= CAPS_BOOST;
      rules.push('caps');
    }
  }
  const token = ctx.text.slice(first.start, last.end);
  return { start: s, end: e, token, weight: w, local: w, rules, sentence: first.sentence, clause: first.clause };
}

/** Is "like" at index i the verb ("I like it") rather than the preposition ("looks like")? */
function likeIsVerb(T: Token[], i: number): boolean {
  const prev = T[i - 1];
  if (!prev || prev.clause !== T[i]!.clause) return false;
  return (prev.info.flags & (F.LIKE_SUBJECT | F.NEGATOR)) !== 0;
}

/** Find every sentiment-bearing token and phrase and weigh it by the rules around it. */
export function findItems(toks: Tokens, text: string, emoji: Map<string, number>): Item[] {
  const T = toks.tokens;
  const ctx: Ctx = { T, text, shouting: toks.words > 0 && toks.capsWords / toks.words > 0.5 };
  const items: Item[] = [];
  for (let i = 0; i < T.length; i++) {
    const t = T[i]!;
    if (t.kind === Kind.Punct) continue;
    if (t.kind === Kind.Emoji) {
      const v = emoji.get(t.norm);
      if (v) items.push(scoreItem(ctx, i, i + 1, v, [t.norm.charCodeAt(0) < 128 ? 'emoticon' : 'emoji']));
      continue;
    }
    const info = t.info;
    if (t.kind === Kind.Number || info.flags & F.NUMBER_WORD) {
      const r = ratingAt(T, i);
      if (r) {
        items.push(scoreItem(ctx, i, r.end, r.valence, ['rating']));
        i = r.end - 1;
        continue;
      }
      if (t.kind === Kind.Number) continue;
    }
    if (info.phrases) {
      const p = matchPhrase(T, i);
      if (p) {
        if (p.valence !== 0) items.push(scoreItem(ctx, i, i + p.len, p.valence, ['phrase']));
        i += p.len - 1;
        continue;
      }
    }
    if (info.flags & F.NEGATOR) continue;
    const v = info.valence;
    if (v === 0 && t.norm !== 'too' && t.norm !== 'overly') continue;
    const next = nextWord(T, i);
    if ((t.norm === 'too' || t.norm === 'overly') && next) {
      if (next.info.valence === 0 && !(next.info.flags & F.NEGATOR)) {
        let end = i + 2;
        if ((next.norm === 'much' || next.norm === 'many' || next.norm === 'few' || next.norm === 'little') && nextWord(T, i + 1)) end++;
        items.push(scoreItem(ctx, i, end, TOO_VALENCE, ['too']));
        i = end - 1;
      }
      continue;
    }
    if (v === 0) continue;
    if ((t.norm === 'like' || t.norm === 'likes') && !likeIsVerb(T, i)) continue;
    // A degree word before another sentiment word modifies it rather than counting itself ("super fast").
    if (next && (info.booster || info.diminisher) && next.info.valence !== 0) continue;
    if (t.norm === 'pretty' && next) continue;
    items.push(scoreItem(ctx, i, i + 1, v, []));
  }
  if (items.length > 0) applySentenceRules(toks, items);
  return items;
}

/** Contrast ("X but Y": Y counts more) and exclamation emphasis, which work on whole sentences. */
function applySentenceRules(toks: Tokens, items: Item[]): void {
  const T = toks.tokens;
  const sentences = toks.sentenceStarts.length - 1;
  const bangs = new Array<number>(sentences).fill(0);
  const contrastAt = new Array<number>(sentences).fill(-1);
  const concessiveClause = new Array<number>(sentences).fill(-1);
  let firstInSentence = -1;
  let lastSentence = -1;
  for (let i = 0; i < T.length; i++) {
    const t = T[i]!;
    if (t.sentence !== lastSentence) {
      lastSentence = t.sentence;
      firstInSentence = i;
    }
    if (t.kind === Kind.Punct) {
      const norm = t.norm;
      for (let k = 0; k < norm.length; k++) if (norm.charCodeAt(k) === 33) bangs[t.sentence]!++;
      continue;
    }
    const flags = t.info.flags;
    if (!(flags & (F.CONTRAST | F.CONCESSIVE))) continue;
    const s = t.sentence;
    if (flags & F.CONCESSIVE && concessiveClause[s] === -1 && contrastAt[s] === -1) {
      const clauseStart = i === firstInSentence || T[i - 1]!.clause !== t.clause || T[i - 1]!.norm === 'even';
      const sentenceInitialOnly = t.norm === 'while' || t.norm === 'whilst';
      if (clauseStart && (!sentenceInitialOnly || i === firstInSentence)) {
        concessiveClause[s] = t.clause;
        continue;
      }
    }
    if (flags & F.CONTRAST && contrastAt[s] === -1) {
      const next = T[i + 1]?.norm;
      const prev = T[i - 1]?.norm;
      if (t.norm === 'but' && (next === 'also' || prev === 'nothing' || prev === 'anything' || prev === 'all')) continue;
      if ((t.norm === 'though' || t.norm === 'although') && concessiveClause[s] !== -1) continue;
      // A trailing "though" ("it was good, though") hedges what came before; no clause follows to weigh more.
      if (t.norm === 'though' && (i + 1 >= T.length || T[i + 1]!.sentence !== s || T[i + 1]!.kind === Kind.Punct)) continue;
      contrastAt[s] = i;
    }
  }
  for (const it of items) {
    const s = it.sentence;
    const c = contrastAt[s]!;
    let f = 1;
    if (c >= 0) {
      if (it.start < c) f = CONTRAST_BEFORE;
      else if (it.start > c) f = CONTRAST_AFTER;
    } else if (concessiveClause[s]! >= 0) {
      if (it.clause === concessiveClause[s]) f = CONTRAST_BEFORE;
      else if (it.clause > concessiveClause[s]!) f = CONTRAST_AFTER;
    }
    // "X. But Y." also weakens the sentence before.
    const nextC = contrastAt[s + 1];
    if (f === 1 && nextC !== undefined && nextC >= 0 && (T[nextC - 1] === undefined || T[nextC - 1]!.sentence !== s + 1)) {
      f = CONTRAST_BEFORE;
    }
    if (f !== 1) {
      it.weight *= f;
      it.rules.push('contrast');
    }
    const b = Math.min(bangs[s]!, 4);
    if (b > 0) {
      it.weight *= 1 + EXCLAMATION_STEP * b;
      it.local *= 1 + EXCLAMATION_STEP * b;
      it.rules.push('exclamation');
    }
  }
}
