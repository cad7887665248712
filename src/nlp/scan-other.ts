import {
  ASCII_CLASS, C, codeAfter, endsClause, endsSentence, isApostrophe, isCurrencySign, isEmojiModifier, isPictographic,
  isSpace, isWordChar, maybeUnclean,
} from './chars.js';
import { EMOTICONS } from './emoticons.js';
import { Kind, M } from './token.js';

/** Everything the tokenizer reads that is not a word: emoticons, emoji, URLs, @handles, punctuation runs. */

/** The emoticons the tokenizer reads as one token (see `emoticons.ts`). */
const EMOTICON_KEYS = new Set(Object.keys(EMOTICONS));

/**
 * The text being tokenized, lowercased on demand: most texts never need it (ASCII words are read case-folded in
 * place). `sameLength` is false when lowercasing changed the length (e.g. "İ"), so offsets into it do not line up.
 * Module state is safe: tokenizing is synchronous.
 */
const L = { text: '', lowered: null as string | null, sameLength: true };

export function startText(text: string): void {
  L.text = text;
  L.lowered = null;
}

export function lowered(): string {
  if (L.lowered === null) {
    L.lowered = L.text.toLowerCase();
    L.sameLength = L.lowered.length === L.text.length;
  }
  return L.lowered;
}

/** Whether offsets into `lowered()` are those of the text. */
export function loweredAligned(): boolean {
  lowered();
  return L.sameLength;
}

/**
 * A URL at i (`c` is its first character, h or w), read in the lowercased text. Where lowercasing cannot have
 * shifted offsets, first the cheap test that the next character is the "t" of "http" or the "w" of "www".
 */
export function isUrlAt(text: string, i: number, c: number, aligned: boolean): boolean {
  if (aligned && (codeAfter(text, i) | 32) !== ((c | 32) === 104 ? 116 : 119)) return false;
  const low = lowered();
  return low.startsWith('http://', i) || low.startsWith('https://', i) || low.startsWith('www.', i);
}

export function isEmoticonStart(text: string, i: number, c: number): boolean {
  // : ; = < ^ - > ( ) — and the letter-led "xD" and "D:", checked narrowly since words start with x and d too.
  if (c === 58 || c === 59 || c === 61 || c === 60 || c === 94 || c === 45 || c === 62 || c === 40 || c === 41) return true;
  const next = codeAfter(text, i);
  if (c === 120 || c === 88) return next === 100 || next === 68;
  if (c === 100 || c === 68) return next === 58;
  return false;
}

/** Length of the ASCII emoticon at i (4, 3 or 2 characters, not followed by a word character), or 0. */
export function emoticonAt(text: string, i: number): number {
  const n = text.length;
  const low = lowered();
  for (let len = 4; len >= 2; len--) {
    if (i + len > n) continue;
    if (i + len < n && isWordChar(text, i + len, text.charCodeAt(i + len))) continue;
    if (EMOTICON_KEYS.has(low.slice(i, i + len))) return len;
  }
  return 0;
}

/** What `scanOther` and `punctRun` found: a token, or (kind SKIP) text to pass over. Reused, like `L`. */
export const SKIP = -1;
export const R = { end: 0, kind: 0, norm: '', marks: 0, after: 0 };
/** What a punctuation run asks of the next token (`R.after`). */
export const NEW_SENTENCE = 1;
export const NEW_CLAUSE = 2;

/**
 * ASCII characters that can only start a punctuation run (not an emoticon, @handle, joining hyphen or dropped
 * mark), so the tokenizer may call `punctRun` directly.
 */
export const PLAIN_PUNCT = new Uint8Array(128);
for (let c = 33; c < 127; c++) {
  const special = c === 64 || c === 35 || c === 42 || c === 95 || c === 34 || c === 39 ||
    c === 58 || c === 59 || c === 61 || c === 60 || c === 94 || c === 45 || c === 62 || c === 40 || c === 41;
  if (ASCII_CLASS[c] === C.OTHER && !special) PLAIN_PUNCT[c] = 1;
}

/** Scan the non-word token at i: an @handle (skipped), emoticon, emoji, joining or quoting mark, or punctuation run. */
export function scanOther(text: string, i: number, c: number): void {
  const n = text.length;
  R.marks = 0;
  if (c === 64 && i + 1 < n && isWordChar(text, i + 1, text.charCodeAt(i + 1))) {
    let marks = 0;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i);
      if (!isWordChar(text, i, d)) break;
      if (d === 0x130) marks = M.DOTTED_I;
    }
    R.kind = SKIP;
    R.end = i;
    R.marks = marks;
    return;
  }
  const prevSpace = i === 0 || isSpace(text.charCodeAt(i - 1));
  if (isEmoticonStart(text, i, c) && (prevSpace || endsClause(text.charCodeAt(i - 1)))) {
    const m = emoticonAt(text, i);
    if (m) {
      R.kind = Kind.Emoji;
      R.end = i + m;
      R.norm = lowered().slice(i, i + m);
      // "<3" and "</3" hold a "<".
      R.marks = c === 60 ? M.UNCLEAN : 0;
      R.after = 0;
      return;
    }
  }
  if (c >= 0x2000) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isEmojiModifier(cp) || (cp >= 0xd800 && cp <= 0xdfff && width === 1)) {
      R.kind = SKIP;
      R.end = i + width;
      return;
    }
    if (isPictographic(cp)) {
      let j = i + width;
      while (j < n) {
        const m = text.codePointAt(j)!;
        if (isEmojiModifier(m)) j += m > 0xffff ? 2 : 1;
        else break;
      }
      R.kind = Kind.Emoji;
      R.end = j;
      R.norm = String.fromCodePoint(cp);
      R.marks = 0;
      R.after = 0;
      return;
    }
    if (width === 2) {
      R.kind = SKIP;
      R.end = i + 2;
      return;
    }
  }
  // "well-made", "wi-fi": the hyphen only joins. Quotes, hashes, asterisks and underscores are dropped.
  if (
    (c === 45 && i > 0 && i + 1 < n && isWordChar(text, i - 1, text.charCodeAt(i - 1)) && isWordChar(text, i + 1, text.charCodeAt(i + 1))) ||
    c === 35 || c === 42 || c === 95 || c === 34 || isApostrophe(c)
  ) {
    R.kind = SKIP;
    R.end = i + 1;
    if (c === 35 && i + 1 < n && isWordChar(text, i + 1, text.charCodeAt(i + 1))) R.marks = M.HASHTAG;
    return;
  }
  punctRun(text, i, prevSpace);
}

/** One-character strings of the ASCII characters: most punctuation runs are one of these. */
const ONE_CHAR: string[] = [];
for (let c = 0; c < 128; c++) ONE_CHAR.push(String.fromCharCode(c));

/** Flags of ASCII characters inside a punctuation run. */
const STOP = 1;
const SENTENCE_END = 2;
const CLAUSE_END = 4;
const HYPHEN = 8;
const UNCLEAN = 16;
const CURRENCY = 32;
const PLUS = 64;
const COLON = 128;
const RUN = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (ASCII_CLASS[c] !== C.OTHER || c === 35 || c === 64) RUN[c] = STOP;
  else if (endsSentence(c)) RUN[c] = SENTENCE_END;
  else if (endsClause(c)) RUN[c] = CLAUSE_END;
  else if (c === 45) RUN[c] = HYPHEN;
  else if (maybeUnclean(c)) RUN[c] = UNCLEAN;
  else if (isCurrencySign(c)) RUN[c] = CURRENCY;
  else if (c === 43) RUN[c] = PLUS;
}
// ":" ends a clause, and is told apart too.
RUN[58] = CLAUSE_END | COLON;

/**
 * A run of punctuation from i (anything up to a space, word character, `#`, `@` or astral character), always at least
 * one character. `prevSpace`: a space before it (then a hyphen in it ends a clause, as in " - ").
 */
export function punctRun(text: string, i: number, prevSpace: boolean): void {
  const n = text.length;
  const start = i;
  let seen = 0;
  let marks = 0;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d < 128) {
      const r = RUN[d]!;
      if (r === STOP) break;
      seen |= r;
      if (d === 63) marks |= M.QUESTION;
      else if (d === 33) marks |= M.EXCLAMATION;
    } else {
      if (maybeUnclean(d)) marks |= M.UNCLEAN;
      if (isSpace(d) || d >= 0xd800 || isWordChar(text, i, d)) break;
      if (endsSentence(d)) seen |= SENTENCE_END;
      else if (endsClause(d)) {
        seen |= CLAUSE_END;
        if (d === 0x2013 || d === 0x2014) marks |= M.DASH;
      }
      else if (isCurrencySign(d)) seen |= CURRENCY;
    }
    i++;
  }
  if (i === start) i++;
  if (seen & UNCLEAN) marks |= M.UNCLEAN;
  if (seen & CURRENCY) marks |= M.CURRENCY;
  if (seen & PLUS) marks |= M.PLUS;
  if (seen & COLON) marks |= M.COLON;
  const dash = (seen & HYPHEN) !== 0 && prevSpace;
  if (dash) marks |= M.DASH;
  R.kind = Kind.Punct;
  R.end = i;
  const c = text.charCodeAt(start);
  R.norm = i === start + 1 && c < 128 ? ONE_CHAR[c]! : text.slice(start, i);
  R.marks = marks;
  R.after = seen & SENTENCE_END ? NEW_SENTENCE : seen & CLAUSE_END || dash ? NEW_CLAUSE : 0;
}
