import type { Phrase } from './lexicon.js';
import { ratingAt } from './rating-phrases.js';
import { applySentenceRules } from './sentence-rules.js';
import { Kind, type Token, type Tokens } from './tokenize.js';
import { hasBit } from './word-bits.js';
import { F } from './word-info.js';
import type { WordTable } from './word-table.js';

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
/** "I wanted to love it": praise in a hypothetical frame counts as mild blame. */
const IRREALIS_FLIP = -0.5;
/** Valence of an unlisted word after "too" ("too small", "too salty"). */
const TOO_VALENCE = -1.5;

function isWordish(t: Token | undefined): t is Token {
  return t !== undefined && (t.kind === Kind.Word || t.kind === Kind.Number);
}

/**
 * Longest phrase starting at token i (over adjacent word tokens of one clause), or null. Most phrase-first words
 * ("is", "not", "the") are followed by a word that is second in no phrase: the next token's flags say so without
 * reading the word table, so that is checked first.
 */
function matchPhrase(T: Token[], V: WordTable, i: number): Phrase | null {
  const next = T[i + 1];
  const clause = T[i]!.clause;
  if (!next || !(next.flags & F.PHRASE_NEXT) || next.clause !== clause) return null;
  const id = T[i]!.id;
  if (!hasBit(V.phraseNext[id]!, V.phraseSecondNumber[next.id]!)) return null;
  const list = V.phrases[id]!.get(next.norm);
  if (!list) return null;
  outer: for (let n = 0; n < list.length; n++) {
    const p = list[n]!;
    const toks = p.toks;
    if (i + toks.length > T.length) continue;
    for (let k = 2; k < toks.length; k++) {
      const t = T[i + k]!;
      if (t.norm !== toks[k] || t.clause !== clause) continue outer;
    }
    return p;
  }
  return null;
}

function nextWord(T: Token[], i: number): Token | undefined {
  const t = T[i + 1];
  return isWordish(t) && t.clause === T[i]!.clause ? t : undefined;
}

/** A hypothetical or disappointed frame ("wanted to", "should have") earlier in the clause. */
function irrealis(T: Token[], V: WordTable, s: number): boolean {
  const clause = T[s]!.clause;
  for (let j = s - 1, seen = 0; j >= 0 && seen < 8; j--, seen++) {
    const t = T[j]!;
    if (t.clause !== clause) return false;
    if (t.flags & F.IRREALIS) return true;
    if (t.flags & F.IRREALIS_FIRST && j + 1 < s && V.infos[t.id]!.irrealisNext!.has(T[j + 1]!.norm)) return true;
  }
  return false;
}

/** A modal within a few words before `s` ("could", "can't"). */
function modalBefore(T: Token[], s: number, span: number): string | undefined {
  for (let j = s - 1; j >= 0 && j >= s - span; j--) {
    if (T[j]!.clause !== T[s]!.clause) return undefined;
    if (T[j]!.flags & F.MODAL) return T[j]!.norm;
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
  if (toks.flags & (F.NEGATOR | F.DEGREE | F.HEDGE | F.CONTRAST)) mode |= MODIFIERS;
  if (toks.flags & (F.IRREALIS | F.IRREALIS_FIRST)) mode |= HYPOTHETICAL;
  return mode;
}

/**
 * Weigh the item over tokens [s, e) with base valence `valence` by the rules around it: negation and degree words
 * within reach before it (not before `floor`), "could not be happier", hypothetical frames, and capitals. `mode`: see
 * `textMode`.
 */
function scoreItem(
  T: Token[], V: WordTable, text: string, mode: number, floor: number, s: number, e: number, valence: number, rules: string[],
): Item {
  const first = T[s]!;
  const last = T[e - 1]!;
  let w = valence;
  if (first.kind !== Kind.Emoji) {
    // Negation and degree within SCOPE words before the item, in its clause.
    const clause = first.clause;
    let negator = -1;
    let factor = 1;
    let boosted = false;
    let diminished = false;
    let seen = 0;
    for (let j = mode & MODIFIERS ? s - 1 : -1; j >= floor && seen < SCOPE; j--) {
      const t = T[j]!;
      if (t.clause !== clause) break;
      if (t.kind !== Kind.Word && t.kind !== Kind.Number) continue;
      const tf = t.flags;
      if (tf & F.SCOPE_BREAK) {
        // "anything but good" negates.
        if (t.norm === 'but' && j > 0 && T[j - 1]!.norm === 'anything' && negator < 0) negator = j;
        break;
      }
      seen++;
      if (negator < 0 && tf & F.NEGATOR) {
        const breakers = V.infos[t.id]!.negationBreakers;
        const after = T[j + 1]?.norm;
        if (!(breakers && after !== undefined && breakers.has(after))) negator = j;
        continue;
      }
      if (tf & F.DEGREE) {
        const info = V.infos[t.id]!;
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
      }
      if (tf & F.HEDGE) {
        const prev = j > 0 ? T[j - 1] : undefined;
        const f = prev && prev.clause === clause ? V.infos[t.id]!.hedgeAfter!.get(prev.norm) : undefined;
        if (f !== undefined) {
          factor *= f;
          diminished = true;
          j--;
          seen++;
        }
      }
    }
    // "not bad at all", "not good at all": the negation is emphatic.
    if (negator >= 0 && T[e]?.norm === 'at' && T[e + 1]?.norm === 'all') {
      factor *= 1.3;
      boosted = true;
    }
    if (factor !== 1) {
      w *= factor;
      if (boosted) rules.push('intensified');
      if (diminished) rules.push('diminished');
    }
    // "better", "happier", "more reliable": see `isComparative`.
    const comparative = (first.flags & F.COMPARATIVE) !== 0 || (s > 0 && (T[s - 1]!.flags & F.MORE_LESS) !== 0);
    let flipped = false;
    if (negator >= 0) {
      if ((comparative && modalBefore(T, s, 5)) || enoughAround(T, negator, s, e)) {
        // "could not be happier", "can't recommend it enough": the negation praises.
        w *= 1.5;
        if (!boosted) rules.push('intensified');
      } else {
        w *= w > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
        rules.push('negated');
      }
    } else if (comparative) {
      const modal = modalBefore(T, s, 4);
      if (modal === 'could' || modal === 'might') {
        // "could be better" wishes; "could have been worse" consoles.
        w *= IRREALIS_FLIP;
        rules.push('irrealis');
        flipped = true;
      }
    }
    if (w > 0 && !flipped && mode & HYPOTHETICAL && irrealis(T, V, s)) {
      w *= IRREALIS_FLIP;
      rules.push('irrealis');
    }
    if (!(mode & SHOUTING) && first.caps && last.caps) {
      w *= CAPS_BOOST;
      rules.push('caps');
    }
  }
  const token = text.slice(first.start, last.end);
  return { start: s, end: e, token, weight: w, local: w, rules, sentence: first.sentence, clause: first.clause };
}

/** Is "like" at index i the verb ("I like it") rather than the preposition ("looks like")? */
function likeIsVerb(T: Token[], i: number): boolean {
  const prev = i > 0 ? T[i - 1] : undefined;
  if (!prev || prev.clause !== T[i]!.clause) return false;
  return (prev.flags & (F.LIKE_SUBJECT | F.NEGATOR)) !== 0;
}

/** Find every sentiment-bearing token and phrase and weigh it by the rules around it. */
export function findItems(toks: Tokens, text: string, emoji: Map<string, number>): Item[] {
  const T = toks.tokens;
  const V = toks.vocab;
  const items: Item[] = [];
  const at = toks.scoreAt;
  const count = toks.scoreCount;
  if (count === 0) return items;
  const mode = textMode(toks);
  // Candidates in text order; `from` skips those inside a phrase, grade or "too" span already scored.
  let from = 0;
  // The end of the last scored phrase, grade or "too" span: its words ("thanks for nothing") do not also negate or
  // intensify what follows ("thanks for nothing #fail"). Spans that score nothing ("kind of") still modify.
  let floor = 0;
  for (let n = 0; n < count; n++) {
    const i = at[n]!;
    if (i < from) continue;
    const t = T[i]!;
    const id = t.id;
    if (t.kind === Kind.Emoji) {
      const v = emoji.get(t.norm);
      if (v) items.push(scoreItem(T, V, text, mode, floor, i, i + 1, v, [t.norm.charCodeAt(0) < 128 ? 'emoticon' : 'emoji']));
      continue;
    }
    if (t.kind === Kind.Number || t.flags & F.NUMBER_WORD) {
      const r = ratingAt(T, i);
      if (r) {
        items.push(scoreItem(T, V, text, mode, floor, i, r.end, r.valence, ['rating']));
        from = floor = r.end;
        continue;
      }
      if (t.kind === Kind.Number) continue;
    }
    if (t.flags & F.PHRASE_FIRST) {
      const p = matchPhrase(T, V, i);
      if (p) {
        from = i + p.toks.length;
        if (p.valence !== 0) {
          items.push(scoreItem(T, V, text, mode, floor, i, from, p.valence, ['phrase']));
          floor = from;
        }
        continue;
      }
    }
    const tf = t.flags;
    if (tf & F.NEGATOR) continue;
    const v = tf & F.VALENCE ? V.valence[id]! : 0;
    if (v === 0 && !(tf & F.TOO)) continue;
    const next = nextWord(T, i);
    if (tf & F.TOO && next) {
      if (!(next.flags & (F.VALENCE | F.NEGATOR))) {
        let end = i + 2;
        if ((next.norm === 'much' || next.norm === 'many' || next.norm === 'few' || next.norm === 'little') && nextWord(T, i + 1)) end++;
        items.push(scoreItem(T, V, text, mode, floor, i, end, TOO_VALENCE, ['too']));
        from = floor = end;
      }
      continue;
    }
    if (v === 0) continue;
    if (tf & F.LIKE && !likeIsVerb(T, i)) continue;
    // A degree word before another sentiment word modifies it rather than counting itself ("super fast").
    if (next && tf & F.DEGREE && next.flags & F.VALENCE) continue;
    if (tf & F.PRETTY && next) continue;
    items.push(scoreItem(T, V, text, mode, floor, i, i + 1, v, []));
  }
  if (items.length > 0) applySentenceRules(toks, items);
  return items;
}
