import type { WordTable } from './word-table.js';

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

/** Marks of a whole text (`Tokens.marks`): which kinds of tokens it has, so later stages can skip what is absent. */
export const M = {
  QUESTION: 1,
  EXCLAMATION: 2,
  /** A character `normalizeText` may change: `<`, `&`, or a control or replacement character. */
  UNCLEAN: 4,
  /** An "İ" (the one character whose lowercase is longer), in a skipped @handle; used while tokenizing. */
  DOTTED_I: 8,
  /** A currency sign (`CURRENCY_SIGNS`) in a punctuation token, so theme matching looks for amounts only then. */
  CURRENCY: 16,
  /** A "+" in a punctuation token, so letter grades ("A+", "B+ for the food") are looked for only then. */
  PLUS: 32,
  /** A ":" in a punctuation token, so themes written as labels ("Food: A+ Service: D+") are looked for only then. */
  COLON: 64,
  /** A dash that ends a clause (" - ", " -- ", "–", "—"), so labels written with one ("Food - A+") are looked for only then. */
  DASH: 128,
  /** A "#" before a word, so camel-case hashtags ("#SlapInTheFace") are looked for only then. */
  HASHTAG: 256,
  /** A lone ")", so asides are resumed and "(not)" is looked for only then. */
  CLOSE_PAREN: 512,
} as const;

/** Bits of `Tokens.letterCase`. */
export const CASE = {
  /** An ALL-CAPS word of two letters or more. */
  CAPS: 1,
  /** A word written exactly as its `norm` (no capital, straight apostrophes), so its text need not be cut out again. */
  AS_NORM: 2,
} as const;

/**
 * The tokens of a text, as columns: token k's fields are at index k of each array, for k < `count`. Columns rather
 * than an object per token, because writing ~50 fresh objects per review cost the tokenizer a fifth of its time.
 * The columns are longer than `count` and are reused by the next `tokenize` call (a text is analyzed synchronously,
 * start to end), so read only below `count`, and copy out what must outlive the call.
 */
export interface Tokens {
  /** Number of tokens. */
  count: number;
  /** Lowercased text; curly apostrophes become `'`. */
  norm: string[];
  /** `Kind` of each token. */
  kind: Uint8Array;
  /** `CASE` bits of each word (0 for other tokens). */
  letterCase: Uint8Array;
  /** Offsets into the (normalised) text: [start, end). */
  start: Int32Array;
  end: Int32Array;
  /** Sentence index (0-based). */
  sentence: Int32Array;
  /** Clause index (0-based, across the text): punctuation and contrast words ("but") start a new one. */
  clause: Int32Array;
  /** The word's `WordInfo.flags` (0 for punctuation and emoji), kept per token for the scans over neighbours. */
  flags: Int32Array;
  /**
   * The word's id in `vocab`, -1 for punctuation and emoji: `vocab.infos[id]` is what the analyzer knows about it,
   * and the table's other per-id arrays hold the parts later stages read most.
   */
  id: Int32Array;
  /** The word table the ids refer to. */
  vocab: WordTable;
  /** Number of word tokens. */
  words: number;
  /** Number of word tokens in ALL CAPS. */
  capsWords: number;
  /** Number of sentences (at least 1). */
  sentences: number;
  /** The union of the flags of all word and number tokens. */
  textFlags: number;
  /** `M` bits. */
  marks: number;
  /** Every word's `norm` is as long as its span (`end - start`); false only where lowercasing changed a length. */
  normsMatchOffsets: boolean;
  /**
   * FNV-1a hashes of the text's words as `fingerprint()` reads them, in `wordHashes[0, wordHashCount)`, so the
   * analyzer fingerprints the text without a second scan; `wordHashCount` is -1 (`FP_DISAGREE`) when the tokenizer's
   * words are not exactly the fingerprint's (see fingerprint-words.ts). The array is reused by the next call.
   */
  wordHashes: Int32Array;
  wordHashCount: number;
  /**
   * Indexes, in order, of the tokens each later stage starts from: words that may score (`F.SCORES`), numbers and
   * emoji (`scoreAt`); words starting a theme term (`themeAt`); words starting an intent cue (`cueAt`). Only the first
   * `...Count` entries are this text's: the arrays are reused by the next `tokenize` call.
   */
  scoreAt: Int32Array;
  scoreCount: number;
  themeAt: Int32Array;
  themeCount: number;
  cueAt: Int32Array;
  cueCount: number;
  /** Tokens the sentence rules read: contrast and concessive words, punctuation with "!". */
  ruleAt: Int32Array;
  ruleCount: number;
}
