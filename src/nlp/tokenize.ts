import {
  ASCII_CLASS, ASCII_WORD, C, endsClause, isApostrophe, isAsciiLetter, isDigit, isSpace, isWordChar, maybeUnclean,
} from './chars.js';
import {
  emoticonAt, isEmoticonStart, isUrlAt, lowered, loweredAligned, NEW_CLAUSE, NEW_SENTENCE, PLAIN_PUNCT, punctRun, R,
  scanOther, SKIP, startText,
} from './scan-other.js';
import {
  addWordParts, apostropheAgrees, FP_DISAGREE, fingerprintSkipsUrl, nonWordAgrees, wordHashes,
} from './fingerprint-words.js';
import { Kind, M, type Token, type Tokens } from './token.js';
import type { Vocabulary } from './vocabulary.js';
import { HASH_SEED } from './word-table.js';
import { F } from './word-info.js';

export { Kind, M, type Token, type Tokens } from './token.js';

/** Scratch index lists (see `Tokens.scoreAt`), grown as needed. */
let scoreAt = new Int32Array(256);
let themeAt = new Int32Array(256);
let cueAt = new Int32Array(256);
let ruleAt = new Int32Array(256);

/** Index lists and word buffer back at their first sizes, after a huge text grew them. */
function shrinkScratch(): void {
  scoreAt = new Int32Array(256);
  themeAt = new Int32Array(256);
  cueAt = new Int32Array(256);
  ruleAt = new Int32Array(256);
  wordChars = new Uint16Array(64);
}

/** Double the index lists (kept the same length, which bounds them all). */
function growLists(): void {
  scoreAt = grown(scoreAt);
  themeAt = grown(themeAt);
  cueAt = grown(cueAt);
  ruleAt = grown(ruleAt);
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Letters that may start something other than a word: "h"/"w" a URL, "x"/"d" an emoticon ("xD", "D:"). */
const URL_START = 1;
const EMOTICON_START = 2;
const SPECIAL_START = new Uint8Array(128);
for (const ch of 'hwHW') SPECIAL_START[ch.charCodeAt(0)] = URL_START;
for (const ch of 'xXdD') SPECIAL_START[ch.charCodeAt(0)] = EMOTICON_START;

/** Scratch: the lowercase characters of the word being read. */
let wordChars = new Uint16Array(64);

function grownChars(a: Uint16Array): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(a.length * 2);
  b.set(a);
  return b;
}

/** ASCII characters that end a punctuation run (spaces, letters, digits, "#", "@"); see `punctRun`. */
const ENDS_RUN = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (ASCII_CLASS[c] !== C.OTHER || c === 35 || c === 64) ENDS_RUN[c] = 1;

function endsRun(c: number): boolean {
  return c < 128 && ENDS_RUN[c] === 1;
}

/** Bit positions of flags read branch-free. */
const SCORES_BIT = 31 - Math.clz32(F.SCORES);
const THEME_BIT = 31 - Math.clz32(F.THEME);
const CUE_BIT = 31 - Math.clz32(F.CUE);
const OPENER_BIT = 31 - Math.clz32(F.CLAUSE_OPENER);
const CONTRAST_BIT = 31 - Math.clz32(F.CONTRAST);
const CONCESSIVE_BIT = 31 - Math.clz32(F.CONCESSIVE);

function straightApostrophes(s: string): string {
  return s.indexOf('\u2019') >= 0 || s.indexOf('\u2018') >= 0 ? s.replace(/[\u2018\u2019]/g, "'") : s;
}

/**
 * Split text into words, numbers, punctuation runs and emoji in one pass over the characters, tagging each with its
 * sentence and clause, and with what the vocabulary knows about it. URLs and @handles are skipped; `#hashtags` become
 * words; a hyphen inside a word splits it ("well-made" is "well" "made", which phrases match).
 *
 * Hot loop: the branches a text's characters decide (which case, which list a word goes to, whether a sentence
 * starts) are written as arithmetic where they can be, since mispredicting them costs more than the work.
 */
export function tokenize(text: string, vocab: Vocabulary): Tokens {
  const tokens: Token[] = [];
  let nScore = 0;
  let nTheme = 0;
  let nCue = 0;
  let nRule = 0;
  let sentence = 0;
  let clause = 0;
  let words = 0;
  let capsWords = 0;
  let flags = 0;
  let marks = 0;
  /** 1 once a token is out: a new sentence or clause only starts before a later token. */
  let started = 0;
  let pendingSentence = 0;
  let pendingClause = 0;
  let normsMatchOffsets = true;
  /** Fingerprint words recorded in `wordHashes`, and whether they are exactly the text's (see fingerprint-words.ts). */
  let nHashes = 0;
  let fpAgrees = true;
  const n = text.length;
  // Tables as locals: read in the hot loops without going back to the module scope each time.
  const wordClass = ASCII_WORD;
  const charClass = ASCII_CLASS;
  if (scoreAt.length > 1 << 16 && n < 1 << 16) shrinkScratch();
  startText(text);
  vocab.beginText();
  // Only "İ" lowercases to two characters: before the first one, offsets in the lowercased text are those of the text.
  let dottedI = false;
  let i = 0;

  while (i < n) {
    const c = text.charCodeAt(i);
    let isWord: boolean;
    if (c < 128) {
      if (charClass[c] === C.SPACE) {
        if (c === 10) pendingSentence = 1;
        i++;
        continue;
      }
      isWord = wordClass[c] !== 0;
    } else {
      fpAgrees = false;
      if (isSpace(c)) {
        i++;
        continue;
      }
      isWord = isWordChar(text, i, c);
    }
    const start = i;
    let kind: Kind;
    let norm: string;
    let caps = false;
    let after = 0;
    let tokenFlags = 0;
    let id = -1;

    word: if (isWord) {
      const special = c < 128 ? SPECIAL_START[c]! : 0;
      if (special === URL_START) {
        const fpUrl = (c | 32) === 104 && fingerprintSkipsUrl(text, i);
        // URLs carry no sentiment and would pollute every table.
        if (i === 0 || isSpace(text.charCodeAt(i - 1))) {
          if (isUrlAt(text, i, c, !dottedI)) {
            for (; i < n; i++) {
              const d = text.charCodeAt(i);
              if (isSpace(d)) break;
              if (maybeUnclean(d)) marks |= M.UNCLEAN;
              if (d === 0x130) dottedI = true;
              if (d < 32 || d >= 128) fpAgrees = false;
            }
            if (!fpUrl) fpAgrees = false;
            continue;
          }
        }
        if (fpUrl) fpAgrees = false;
      } else if (special === EMOTICON_START && isEmoticonStart(text, i, c)) {
        const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
        const m = isSpace(prev) || endsClause(prev) ? emoticonAt(text, i) : 0;
        if (m) {
          fpAgrees = false; // the fingerprint reads "xD" as a word
          i += m;
          kind = Kind.Emoji;
          norm = lowered().slice(start, i);
          if (tokens.length >= scoreAt.length) growLists();
          scoreAt[nScore++] = tokens.length;
          break word;
        }
      }
      let upper = 0;
      let lower = 0;
      let ascii = true;
      /** An apostrophe or decimal point in the word, which the fingerprint treats differently. */
      let joined = false;
      let h = HASH_SEED;
      // The word's lowercase characters are also copied out, so the table compares them without re-reading the text.
      let chars = wordChars;
      let len = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        let l: number;
        if (d < 128) {
          const k = wordClass[d]!;
          if (k !== 0) {
            upper += k & 1;
            lower += (k >> 1) & 1;
            l = d | 32;
          } else if (d === 39 && i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1))) {
            l = 39;
            joined = true;
          } else if (d === 46 && upper + lower === 0 && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
            l = 46; // "4.5"
            joined = true;
          } else break;
        } else if (isApostrophe(d) && i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1))) {
          ascii = false;
          l = 39;
        } else if (!isWordChar(text, i, d)) break;
        else {
          ascii = false;
          if (d === 0x130) dottedI = true;
          l = lowered().charCodeAt(i);
          if (l !== d) upper++;
          else lower++;
          if (l === 0x2019 || l === 0x2018) l = 39;
        }
        h = Math.imul(h ^ l, 0x01000193);
        if (len === chars.length) chars = wordChars = grownChars(chars);
        chars[len++] = l;
        i++;
      }
      if (!ascii) fpAgrees = false;
      else if (joined) nHashes = addWordParts(text, start, i, nHashes);
      else {
        if (nHashes < wordHashes.length) wordHashes[nHashes] = h;
        nHashes++;
      }
      if (text.charCodeAt(i) === 39 && !apostropheAgrees(text, i)) fpAgrees = false;
      if (ascii || loweredAligned()) id = vocab.idOf(chars, len, h, ascii ? text : lowered(), start);
      else {
        id = vocab.idOfWord(straightApostrophes(text.slice(start, i).toLowerCase()));
        if (vocab.words[id]!.length !== i - start) normsMatchOffsets = false;
      }
      // Read from the table's dense per-word arrays, not from the info object (which would cost a cache miss here).
      norm = vocab.words[id]!;
      const f = vocab.flags[id]!;
      tokenFlags = f;
      flags |= f;
      pendingClause |= (f >> OPENER_BIT) & 1;
      caps = upper >= 2 && lower === 0;
      const number = upper + lower === 0 ? 1 : 0;
      kind = number ? Kind.Number : Kind.Word;
      words += number ^ 1;
      capsWords += caps ? 1 : 0;
      // Which later stages start from this token: appended always, kept (count moved on) only if it qualifies.
      // Each list holds at most one entry per token, so room for this token is room in all of them.
      const at = tokens.length;
      if (at >= scoreAt.length) growLists();
      scoreAt[nScore] = at;
      nScore += ((f >> SCORES_BIT) & 1) | number;
      themeAt[nTheme] = at;
      nTheme += (f >> THEME_BIT) & 1 & (number ^ 1);
      cueAt[nCue] = at;
      nCue += (f >> CUE_BIT) & 1;
      ruleAt[nRule] = at;
      nRule += ((f >> CONTRAST_BIT) | (f >> CONCESSIVE_BIT)) & 1;
    } else if ((c === 46 || c === 44) && (i + 1 === n || endsRun(text.charCodeAt(i + 1)))) {
      // The usual punctuation: a lone "." or "," before a space or word.
      kind = Kind.Punct;
      norm = c === 46 ? '.' : ',';
      after = c === 46 ? NEW_SENTENCE : NEW_CLAUSE;
      i++;
    } else {
      if (c < 128 && PLAIN_PUNCT[c]) punctRun(text, i, i === 0 || isSpace(text.charCodeAt(i - 1)));
      else scanOther(text, i, c);
      i = R.end;
      if (!nonWordAgrees(text, start, i)) fpAgrees = false;
      if (R.kind === SKIP) {
        if (R.marks & M.DOTTED_I) dottedI = true;
        continue;
      }
      kind = R.kind as Kind;
      norm = R.norm;
      marks |= R.marks;
      after = R.after;
      if (kind === Kind.Emoji) {
        if (tokens.length >= scoreAt.length) growLists();
        scoreAt[nScore++] = tokens.length;
      } else if (R.marks & M.EXCLAMATION) {
        if (tokens.length >= scoreAt.length) growLists();
        ruleAt[nRule++] = tokens.length;
      }
    }

    sentence += pendingSentence & started;
    clause += (pendingSentence | pendingClause) & started;
    started = 1;
    pendingSentence = after === NEW_SENTENCE ? 1 : 0;
    pendingClause = after === NEW_CLAUSE ? 1 : 0;
    tokens.push({ norm, kind, start, end: i, caps, sentence, clause, flags: tokenFlags, id });
  }
  return {
    tokens, vocab, words, capsWords, sentences: sentence + 1, flags, marks, normsMatchOffsets,
    wordHashes, wordHashCount: fpAgrees && nHashes <= wordHashes.length ? nHashes : FP_DISAGREE,
    scoreAt, scoreCount: nScore, themeAt, themeCount: nTheme, cueAt, cueCount: nCue, ruleAt, ruleCount: nRule,
  };
}
