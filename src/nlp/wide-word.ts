import { isApostrophe, isAsciiLetter, isDigit, isWordChar } from './chars.js';
import { lowered } from './scan-other.js';
import { HASH_SEED } from './word-table.js';

/**
 * Words with a character outside ASCII ("café", "don’t", "İstanbul"). The tokenizer reads ASCII words in a tight
 * loop of its own; when that loop meets a non-ASCII character that continues the word, the word is read again from
 * its start here, with the general rules: letters of any script, lowercased through the lowercased text, curly
 * apostrophes read as straight ones. Their lowercase characters are copied out (`W.chars`), since they cannot be
 * compared with the table's words by re-reading the text.
 */

/** What `scanWideWord` found. Reused, like the tokenizer's other scratch: tokenizing is synchronous. */
export const W = {
  end: 0,
  /** FNV-1a hash of the lowercase characters, as the word table hashes them. */
  hash: 0,
  upper: 0,
  lower: 0,
  /** The word has an "İ", the one character whose lowercase is longer. */
  dottedI: false,
  /** The lowercase characters, in `chars[0, len)`. */
  chars: new Uint16Array(64),
  len: 0,
};

/** Whether the non-ASCII character `d` at i continues a word (a letter, or a curly apostrophe before a letter). */
export function continuesWord(text: string, i: number, d: number): boolean {
  return (isApostrophe(d) && i + 1 < text.length && isAsciiLetter(text.charCodeAt(i + 1))) || isWordChar(text, i, d);
}

/** Read the word starting at `start`, which has a non-ASCII character in it, into `W`. */
export function scanWideWord(text: string, start: number): void {
  const n = text.length;
  let upper = 0;
  let lower = 0;
  let h = HASH_SEED;
  let chars = W.chars;
  let len = 0;
  let i = start;
  W.dottedI = false;
  while (i < n) {
    const d = text.charCodeAt(i);
    let l: number;
    if (d < 128) {
      if (d >= 97 && d <= 122) lower++;
      else if (d >= 65 && d <= 90) upper++;
      else if (d >= 48 && d <= 57) {
        // a digit: neither case
      } else if (d === 39 && i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1))) {
        // a joining apostrophe
      } else if (d === 46 && upper + lower === 0 && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
        // "4.5"
      } else break;
      l = d | 32; // lowercase for letters; digits, "'" and "." already have that bit
    } else if (isApostrophe(d) && i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1))) {
      l = 39;
    } else if (!isWordChar(text, i, d)) break;
    else {
      if (d === 0x130) W.dottedI = true;
      l = lowered().charCodeAt(i);
      if (l !== d) upper++;
      else lower++;
      if (l === 0x2019 || l === 0x2018) l = 39;
    }
    h = Math.imul(h ^ l, 0x01000193);
    if (len === chars.length) chars = W.chars = grownChars(chars);
    chars[len++] = l;
    i++;
  }
  W.end = i;
  W.hash = h;
  W.upper = upper;
  W.lower = lower;
  W.len = len;
}

/** The character buffer back at its first size, after a huge word grew it. */
export function shrinkWideWord(): void {
  if (W.chars.length > 64) W.chars = new Uint16Array(64);
}

function grownChars(a: Uint16Array): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(a.length * 2);
  b.set(a);
  return b;
}
