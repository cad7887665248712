import {
  ASCII_CLASS, ASCII_WORD, C, codeAfter, endsClause, isAsciiLetter, isDigit, isSpace, isWordChar, maybeUnclean,
} from './chars.js';
import {
  emoticonAt, isEmoticonStart, isUrlAt, lowered, loweredAligned, NEW_CLAUSE, NEW_SENTENCE, PLAIN_PUNCT, punctRun, R,
  scanOther, SKIP, startText,
} from './scan-other.js';
import {
  addWordParts, apostropheAgrees, FP_DISAGREE, fingerprintSkipsUrl, nonWordAgrees, wordHashes,
} from './fingerprint-words.js';
import { CASE, Kind, M, type Tokens } from './token.js';
import { continuesWord, scanWideWord, shrinkWideWord, W } from './wide-word.js';
import type { Vocabulary } from './vocabulary.js';
import { HASH_SEED, SHORT_MAX } from './word-table.js';
import { F } from './word-info.js';

export { Kind, M, type Tokens } from './token.js';

/**
 * Scratch token columns and index lists (see `Tokens`), reused from text to text. Every token is at least one
 * character, so columns as long as the text never overflow: they are sized once per text, and the hot loop does not
 * check.
 */
let norms: string[] = [];
let kinds = new Uint8Array(0);
let caseBits = new Uint8Array(0);
let starts = new Int32Array(0);
let ends = new Int32Array(0);
let sentences = new Int32Array(0);
let clauses = new Int32Array(0);
let flagBits = new Int32Array(0);
let ids = new Int32Array(0);
let scoreAt = new Int32Array(0);
let themeAt = new Int32Array(0);
let cueAt = new Int32Array(0);
let ruleAt = new Int32Array(0);
sizeScratch(0);

/** Columns and lists with room for the tokens of a text of n characters; back to a small size after a huge text. */
function sizeScratch(n: number): void {
  const size = scoreAt.length;
  if (size >= n && size > 0 && (size <= 1 << 16 || n > 1 << 16)) return;
  let next = 256;
  while (next < n) next *= 2;
  if (next < size) shrinkWideWord(); // a huge text may have grown the word buffer too
  norms = [];
  for (let k = 0; k < next; k++) norms.push(''); // filled, so the array stays packed
  kinds = new Uint8Array(next);
  caseBits = new Uint8Array(next);
  starts = new Int32Array(next);
  ends = new Int32Array(next);
  sentences = new Int32Array(next);
  clauses = new Int32Array(next);
  flagBits = new Int32Array(next);
  ids = new Int32Array(next);
  scoreAt = new Int32Array(next);
  themeAt = new Int32Array(next);
  cueAt = new Int32Array(next);
  ruleAt = new Int32Array(next);
}

/**
 * What an ASCII character at the start of a token is, in one read: its `ASCII_WORD` bits (low three), `START_SPACE`,
 * and `START_URL` for letters that may start a URL ("h", "w") or `START_EMOTICON` for those that may start an
 * emoticon ("x"/"d": "xD", "D:").
 */
const START_SPACE = 8;
const START_URL = 16;
const START_EMOTICON = 32;
const START_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) START_CLASS[c] = ASCII_WORD[c]! | (ASCII_CLASS[c] === C.SPACE ? START_SPACE : 0);
for (const ch of 'hwHW') START_CLASS[ch.charCodeAt(0)] = ASCII_WORD[ch.charCodeAt(0)]! | START_URL;
for (const ch of 'xXdD') START_CLASS[ch.charCodeAt(0)] = ASCII_WORD[ch.charCodeAt(0)]! | START_EMOTICON;

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

/** Uppercase ASCII letters in `text[start, end)`. */
function upperCount(text: string, start: number, end: number): number {
  let count = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) count++;
  }
  return count;
}

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
  let nTok = 0;
  let nScore = 0;
  let nTheme = 0;
  let nCue = 0;
  let nRule = 0;
  let sentence = 0;
  let clause = 0;
  /** 1 once a lone ")" is read: `resumeAsides` runs after the scan. */
  let closeParen = 0;
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
  sizeScratch(n);
  // Tables and lists as locals: read in the hot loops without going back to the module scope each time.
  const wordClass = ASCII_WORD;
  const startClass = START_CLASS;
  const scores = scoreAt;
  const themes = themeAt;
  const cues = cueAt;
  const rules = ruleAt;
  const hashes = wordHashes;
  const normCol = norms;
  const kindCol = kinds;
  const caseCol = caseBits;
  const startCol = starts;
  const endCol = ends;
  const sentenceCol = sentences;
  const clauseCol = clauses;
  const flagCol = flagBits;
  const idCol = ids;
  startText(text);
  vocab.beginText();
  // Only "İ" lowercases to two characters: before the first one, offsets in the lowercased text are those of the text.
  let dottedI = false;
  let i = 0;

  while (i < n) {
    const c = text.charCodeAt(i);
    let isWord: boolean;
    /** `START_CLASS` bits of an ASCII first character (0 for any other). */
    let startBits = 0;
    if (c < 128) {
      startBits = startClass[c]!;
      if (startBits & START_SPACE) {
        if (c === 10) pendingSentence = 1;
        i++;
        continue;
      }
      isWord = (startBits & 7) !== 0;
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
    /** `CASE.AS_NORM` for an ASCII word without a capital. */
    let asNorm = 0;
    /** 1 when the character after a word or a lone "." or "," is a plain space, which the next round need not read. */
    let space = 0;
    let after = 0;
    let tokenFlags = 0;
    let id = -1;

    word: if (isWord) {
      const special = startBits & (START_URL | START_EMOTICON);
      // The character after tells most words that start like a URL or emoticon from one ("with", "do"): only "ht",
      // "ww", "xd" and "d:" (or any start once an "İ" has shifted the lowercased text) are looked at further.
      const next = special === 0 ? 0 : codeAfter(text, i) | 32;
      if (special === START_URL && (next === 116 || next === 119 || dottedI)) {
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
      } else if (special === START_EMOTICON && (next === 100 || next === 58) && isEmoticonStart(text, i, c)) {
        const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
        const m = isSpace(prev) || endsClause(prev) ? emoticonAt(text, i) : 0;
        if (m) {
          fpAgrees = false; // the fingerprint reads "xD" as a word
          i += m;
          kind = Kind.Emoji;
          norm = lowered().slice(start, i);
          scores[nScore++] = nTok;
          break word;
        }
      }
      // An ASCII first character, classified above, starts the word's sums here, and the loop reads on from the next.
      const ascii = startBits !== 0;
      /** The `ASCII_WORD` bits of the word's characters, or-ed: which of upper, lower and digit it has. */
      let cls = startBits & 7;
      let number: number;
      /** An apostrophe or decimal point in the word, which the fingerprint treats differently. */
      let joined = false;
      let h = ascii ? Math.imul(HASH_SEED ^ (c | 32), 0x01000193) : HASH_SEED;
      /** The character that ended the word (or its last one, at the end of the text). */
      let d = c;
      /**
       * The lowercase characters packed 7 bits each, the last one lowest: the word's exact key when it has at most
       * `SHORT_MAX` characters (longer words shift their first ones out, and the key is not used).
       */
      let key = ascii ? c | 32 : 0;
      i += ascii ? 1 : 0;
      // ASCII letters and digits, and the apostrophe and decimal point that join them: lowercase is `| 32` for all.
      for (; i < n; i++) {
        d = text.charCodeAt(i);
        const k = d < 128 ? wordClass[d]! : 0;
        if (k !== 0) {
          cls |= k;
        } else if (d === 39 && i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1))) {
          joined = true;
        } else if (d === 46 && (cls & 3) === 0 && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
          joined = true; // "4.5"
        } else break;
        h = Math.imul(h ^ (d | 32), 0x01000193);
        key = (key << 7) | (d | 32);
      }
      if (d >= 128 && continuesWord(text, i, d)) {
        // Not ASCII after all: read again with the general rules (and no fingerprint from this pass).
        fpAgrees = false;
        scanWideWord(text, start);
        i = W.end;
        caps = W.upper >= 2 && W.lower === 0;
        number = W.upper + W.lower === 0 ? 1 : 0;
        if (W.dottedI) dottedI = true;
        if (loweredAligned()) id = vocab.idOf(W.chars, W.len, W.hash, lowered(), start);
        else {
          id = vocab.idOfWord(straightApostrophes(text.slice(start, i).toLowerCase()));
          if (vocab.words[id]!.length !== i - start) normsMatchOffsets = false;
        }
      } else {
        if (!joined) {
          if (nHashes < hashes.length) hashes[nHashes] = h;
          nHashes++;
        } else nHashes = addWordParts(text, start, i, nHashes);
        if (d === 39 && !apostropheAgrees(text, i)) fpAgrees = false;
        // Every character read joined the word, so the word is `text[start, i)`, which the table compares as it is.
        const len = i - start;
        id = len <= SHORT_MAX ? vocab.idOfShort(key, h, text, start, len) : vocab.idOfAscii(text, start, len, h);
        number = (cls & 3) === 0 ? 1 : 0;
        // ALL CAPS: uppercase letters and no lowercase one; counted only then (mostly "I" and "A", one letter).
        caps = (cls & 3) === 1 && upperCount(text, start, i) >= 2;
        asNorm = (cls & 1) === 0 ? CASE.AS_NORM : 0;
        space = d === 32 ? 1 : 0; // `d` ended the word (at the end of the text it is the word's last character)
      }
      // Read from the table's dense per-word arrays, not from the info object (which would cost a cache miss here).
      norm = vocab.words[id]!;
      const f = vocab.flags[id]!;
      tokenFlags = f;
      flags |= f;
      pendingClause |= (f >> OPENER_BIT) & 1;
      kind = number ? Kind.Number : Kind.Word;
      words += number ^ 1;
      capsWords += caps ? 1 : 0;
      // Which later stages start from this token: appended always, kept (count moved on) only if it qualifies.
      const at = nTok;
      scores[nScore] = at;
      nScore += ((f >> SCORES_BIT) & 1) | number;
      themes[nTheme] = at;
      nTheme += (f >> THEME_BIT) & 1 & (number ^ 1);
      cues[nCue] = at;
      nCue += (f >> CUE_BIT) & 1;
      rules[nRule] = at;
      nRule += ((f >> CONTRAST_BIT) | (f >> CONCESSIVE_BIT)) & 1;
    } else if ((c === 46 || c === 44) && (i + 1 === n || endsRun(text.charCodeAt(i + 1)))) {
      // The usual punctuation: a lone "." or "," before a space or word.
      kind = Kind.Punct;
      norm = c === 46 ? '.' : ',';
      after = c === 46 ? NEW_SENTENCE : NEW_CLAUSE;
      space = codeAfter(text, i) === 32 ? 1 : 0;
      i++;
    } else {
      if (c < 128 && PLAIN_PUNCT[c]) punctRun(text, i, i === 0 || isSpace(text.charCodeAt(i - 1)));
      else scanOther(text, i, c);
      i = R.end;
      if (!nonWordAgrees(text, start, i)) fpAgrees = false;
      if (R.kind === SKIP) {
        if (R.marks & M.DOTTED_I) dottedI = true;
        marks |= R.marks & M.HASHTAG;
        continue;
      }
      kind = R.kind as Kind;
      norm = R.norm;
      marks |= R.marks;
      after = R.after;
      if (i - start === 1 && c === 41) {
        closeParen = 1;
        marks |= M.CLOSE_PAREN;
      }
      if (kind === Kind.Emoji) {
        scores[nScore++] = nTok;
      } else if (R.marks & M.EXCLAMATION) {
        rules[nRule++] = nTok;
      }
    }

    sentence += pendingSentence & started;
    clause += (pendingSentence | pendingClause) & started;
    started = 1;
    pendingSentence = after === NEW_SENTENCE ? 1 : 0;
    pendingClause = after === NEW_CLAUSE ? 1 : 0;
    normCol[nTok] = norm;
    kindCol[nTok] = kind;
    caseCol[nTok] = (caps ? CASE.CAPS : 0) | asNorm;
    startCol[nTok] = start;
    endCol[nTok] = i;
    sentenceCol[nTok] = sentence;
    clauseCol[nTok] = clause;
    flagCol[nTok] = tokenFlags;
    idCol[nTok] = id;
    nTok++;
    i += space;
  }
  if (closeParen) resumeAsides(nTok);
  return {
    count: nTok, norm: normCol, kind: kindCol, letterCase: caseCol, start: startCol, end: endCol, sentence: sentenceCol,
    clause: clauseCol, flags: flagCol, id: idCol,
    vocab, words, capsWords, sentences: sentence + 1, textFlags: flags, marks, normsMatchOffsets,
    wordHashes: hashes, wordHashCount: fpAgrees && nHashes <= hashes.length ? nHashes : FP_DISAGREE,
    scoreAt: scores, scoreCount: nScore, themeAt: themes, themeCount: nTheme, cueAt: cues, cueCount: nCue,
    ruleAt: rules, ruleCount: nRule,
  };
}

/**
 * An aside in parentheses does not end the clause around it: "too loud (when full) to be romantic" is one clause with
 * an aside in it. The "(" keeps the clause before it; after a lone ")" the words up to the next clause boundary take
 * that clause's id again, unless a new sentence, or a word that opens a clause ("but"), starts there. A ")" joined to
 * other marks ("),", ").") ends the outer clause too. Run only for texts with a ")" (the ids are then not in order).
 */
function resumeAsides(n: number): void {
  const kind = kinds;
  const norm = norms;
  const clause = clauses;
  const sentence = sentences;
  let open = -1;
  let openSentence = -1;
  for (let i = 0; i < n; i++) {
    if (kind[i] !== Kind.Punct) continue;
    const w = norm[i]!;
    if (w.includes('(')) {
      open = clause[i]!;
      openSentence = sentence[i]!;
      continue;
    }
    if (w !== ')' || open < 0) continue;
    const next = i + 1;
    if (next < n && sentence[next] === openSentence && sentence[i] === openSentence && !(flagBits[next]! & F.CLAUSE_OPENER)) {
      const c = clause[next]!;
      for (let j = next; j < n && clause[j] === c; j++) clause[j] = open;
    }
    open = -1;
  }
}
