import { HASH_SEED, hashStep, type Vocabulary } from './vocabulary.js';
import { CLAUSE_OPENERS } from './rules.js';
import { F, NO_INFO, type WordInfo } from './word-info.js';

/** What a token is. Plain numbers (not an enum) so hot loops compare constants. */
export const Kind = {
  Word: 0,
  Number: 1,
  /** A run of punctuation, e.g. `!!!` or `...`. */
  Punct: 2,
  /** A pictographic emoji (with its modifiers) or an ASCII emoticon such as `:-)`. */
  Emoji: 3,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Token {
  /** Lowercased text; curly apostrophes become `'`. */
  norm: string;
  kind: Kind;
  /** Offsets into the (normalised) text. */
  start: number;
  end: number;
  /** An ALL-CAPS word of two letters or more. */
  caps: boolean;
  /** Sentence index (0-based). */
  sentence: number;
  /** Clause index (0-based, across the text): punctuation and contrast words ("but") start a new one. */
  clause: number;
  /** What the analyzer knows about the word (`NO_INFO` for punctuation, emoji, or without a vocabulary). */
  info: WordInfo;
}

export interface Tokens {
  tokens: Token[];
  /** Number of word tokens. */
  words: number;
  /** Number of word tokens in ALL CAPS. */
  capsWords: number;
  /** Start offset of each sentence, then the text length (sentence s spans [starts[s], starts[s+1])). */
  sentenceStarts: number[];
  clauseStarts: number[];
}

const EMOTICONS = new Set([
  ':)', ':-)', ':]', '=)', ':d', ':-d', '=d', 'xd', ':p', ':-p', ';)', ';-)', ':(', ':-(', ':[', '=(', ":'(", ':/', ':-/',
  ':\\', ':|', ':-|', '<3', '</3', ':o', ':-o', ':*', ':-*', '^_^', '^^', '-_-', 'd:', '>:(', ':@', ':s', ':-s', '(:', '):',
]);

const LETTER = /\p{L}|\p{M}/u;
const PICTO = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function isEmoticonStart(text: string, i: number, c: number): boolean {
  // : ; = < ^ - > ( ) — and the letter-led "xD" and "D:", checked narrowly since words start with x and d too.
  if (c === 58 || c === 59 || c === 61 || c === 60 || c === 94 || c === 45 || c === 62 || c === 40 || c === 41) return true;
  const next = text.charCodeAt(i + 1);
  if (c === 120 || c === 88) return next === 100 || next === 68;
  if (c === 100 || c === 68) return next === 58;
  return false;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029 || c === 0x3000;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018;
}
/** Joiners and modifiers that belong to the emoji before them (ZWJ, variation selectors, skin tones, keycap). */
function isEmojiModifier(cp: number): boolean {
  return cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3;
}
function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return LETTER.test(text[i]!);
}
/** `.`, `!`, `?`, `…` and the full-width forms end a sentence. */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}
function endsClause(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014 || c === 40 || c === 41 || c === 0x3001 || c === 0xff0c;
}

/**
 * Split text into words, numbers, punctuation runs and emoji in one pass over the characters, tagging each with its
 * sentence and clause, and (given a vocabulary) with what the analyzer knows about it. URLs and @handles are skipped;
 * `#hashtags` become words; a hyphen inside a word splits it ("well-made" is "well" "made", which phrases match).
 */
export function tokenize(text: string, vocab?: Vocabulary): Tokens {
  const tokens: Token[] = [];
  const sentenceStarts = [0];
  const clauseStarts = [0];
  let sentence = 0;
  let clause = 0;
  let words = 0;
  let capsWords = 0;
  let pendingSentence = false;
  let pendingClause = false;
  const n = text.length;
  // Lowercase once; slice words out of it unless lowercasing changed the length (e.g. "İ").
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === n;
  let i = 0;

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) pendingSentence = true;
      i++;
      continue;
    }
    const prevSpace = i === 0 || isSpace(text.charCodeAt(i - 1));
    if (c === 104 || c === 119 || c === 72 || c === 87) {
      // URLs carry no sentiment and would pollute every table.
      if (prevSpace && (lowered.startsWith('http://', i) || lowered.startsWith('https://', i) || lowered.startsWith('www.', i))) {
        while (i < n && !isSpace(text.charCodeAt(i))) i++;
        continue;
      }
    }
    if (c === 64 && i + 1 < n && isWordChar(text, i + 1, text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isWordChar(text, i, text.charCodeAt(i))) i++;
      continue;
    }
    if (isEmoticonStart(text, i, c) && (prevSpace || endsClause(text.charCodeAt(i - 1)))) {
      let matched = 0;
      for (let len = 4; len >= 2; len--) {
        if (i + len > n) continue;
        if (i + len < n && isWordChar(text, i + len, text.charCodeAt(i + len))) continue;
        if (EMOTICONS.has(lowered.slice(i, i + len))) {
          matched = len;
          break;
        }
      }
      if (matched) {
        if (tokens.length > 0 && (pendingSentence || pendingClause)) {
        if (pendingSentence) {
          sentence++;
          sentenceStarts.push(i);
        }
        clause++;
        clauseStarts.push(i);
      }
      pendingSentence = false;
      pendingClause = false;
        tokens.push({ norm: lowered.slice(i, i + matched), kind: Kind.Emoji, start: i, end: i + matched, caps: false, sentence, clause, info: NO_INFO });
        i += matched;
        continue;
      }
    }
    if (isWordChar(text, i, c)) {
      const start = i;
      let upper = 0;
      let lower = 0;
      let h = HASH_SEED;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 97 && d <= 122) {
          lower++;
          h = Math.imul(h ^ d, 0x01000193);
        } else if (d >= 65 && d <= 90) {
          upper++;
          h = Math.imul(h ^ (d | 32), 0x01000193);
        } else if (d >= 48 && d <= 57) {
          h = Math.imul(h ^ d, 0x01000193);
        } else if (isApostrophe(d) && i > start && i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1))) {
          h = Math.imul(h ^ 39, 0x01000193);
        } else if (d === 46 && upper + lower === 0 && i + 1 < n && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
          h = Math.imul(h ^ d, 0x01000193); // "4.5"
        } else if (d < 128 || !isWordChar(text, i, d)) break;
        else {
          const l = lowered.charCodeAt(i);
          if (l !== d) upper++;
          else lower++;
          h = hashStep(h, l);
        }
        i++;
      }
      const info = vocab && sameLength ? vocab.infoAt(lowered, start, i, h) : undefined;
      let norm: string;
      if (info) norm = info.word;
      else {
        norm = sameLength ? lowered.slice(start, i) : text.slice(start, i).toLowerCase();
        if (norm.indexOf('\u2019') >= 0 || norm.indexOf('\u2018') >= 0) norm = norm.replace(/[\u2018\u2019]/g, "'");
      }
      if (info ? info.flags & F.CLAUSE_OPENER : CLAUSE_OPENERS.has(norm)) pendingClause = true;
      if (tokens.length > 0 && (pendingSentence || pendingClause)) {
        if (pendingSentence) {
          sentence++;
          sentenceStarts.push(start);
        }
        clause++;
        clauseStarts.push(start);
      }
      pendingSentence = false;
      pendingClause = false;
      const isWord = upper + lower > 0;
      const caps = upper >= 2 && lower === 0;
      if (isWord) {
        words++;
        if (caps) capsWords++;
      }
      tokens.push({
        norm,
        kind: isWord ? Kind.Word : Kind.Number,
        start,
        end: i,
        caps,
        sentence,
        clause,
        info: info ?? (vocab ? vocab.info(norm) : NO_INFO),
      });
      continue;
    }
    if (c >= 0x2000) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (isEmojiModifier(cp) || (cp >= 0xd800 && cp <= 0xdfff && width === 1)) {
        i += width;
        continue;
      }
      if (PICTO.test(String.fromCodePoint(cp))) {
        const start = i;
        i += width;
        while (i < n) {
          const m = text.codePointAt(i)!;
          if (isEmojiModifier(m)) i += m > 0xffff ? 2 : 1;
          else break;
        }
        if (tokens.length > 0 && (pendingSentence || pendingClause)) {
        if (pendingSentence) {
          sentence++;
          sentenceStarts.push(start);
        }
        clause++;
        clauseStarts.push(start);
      }
      pendingSentence = false;
      pendingClause = false;
        tokens.push({ norm: String.fromCodePoint(cp), kind: Kind.Emoji, start, end: i, caps: false, sentence, clause, info: NO_INFO });
        continue;
      }
      if (width === 2) {
        i += 2;
        continue;
      }
    }
    // "well-made", "wi-fi": the hyphen only joins.
    if (c === 45 && i > 0 && i + 1 < n && isWordChar(text, i - 1, text.charCodeAt(i - 1)) && isWordChar(text, i + 1, text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (c === 35 || c === 42 || c === 95 || c === 34 || isApostrophe(c)) {
      i++;
      continue;
    }
    // A punctuation run.
    const start = i;
    let sentenceEnd = false;
    let clauseEnd = false;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isSpace(d) || d >= 0xd800 || d === 35 || d === 64 || isWordChar(text, i, d)) break;
      if (endsSentence(d)) sentenceEnd = true;
      else if (endsClause(d)) clauseEnd = true;
      else if (d === 45 && prevSpace) clauseEnd = true;
      i++;
    }
    if (i === start) i++;
    if (tokens.length > 0 && (pendingSentence || pendingClause)) {
        if (pendingSentence) {
          sentence++;
          sentenceStarts.push(start);
        }
        clause++;
        clauseStarts.push(start);
      }
      pendingSentence = false;
      pendingClause = false;
    tokens.push({ norm: text.slice(start, i), kind: Kind.Punct, start, end: i, caps: false, sentence, clause, info: NO_INFO });
    if (sentenceEnd) pendingSentence = true;
    else if (clauseEnd) pendingClause = true;
  }
  sentenceStarts.push(n);
  clauseStarts.push(n);
  return { tokens, words, capsWords, sentenceStarts, clauseStarts };
}
