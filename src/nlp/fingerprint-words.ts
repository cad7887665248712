/**
 * The tokenizer's side of the near-duplicate fingerprint: while it reads a text, it records the FNV-1a hash of each
 * word as `fingerprint()` (near-duplicates.ts) would hash it, so the analyzer does not scan the text a second time.
 *
 * The two scanners define words differently (the fingerprint hashes @handles and "xD", splits "4.5", joins across
 * any apostrophes without hashing them, skips URLs wherever "http://", "https://" or "HTTP" starts a word, folds only
 * Latin-1 capitals...). Stored fingerprints are compared with new ones, so the value must be bit-identical. Hence a
 * narrow rule: the tokenizer's hashes are used only when every word of the text is a plain ASCII word on which both
 * agree, and the text is marked as disagreeing (`FP_DISAGREE`) on anything else: any non-ASCII or control character,
 * an @handle, an emoticon with a letter or digit, a URL only one of them skips, an apostrophe the fingerprint joins
 * across but the tokenizer does not, more words than the fingerprint reads. The analyzer then calls `fingerprint()`.
 *
 * Why the agreeing case is exact: between two words both scanners see only ASCII spaces and punctuation, which end
 * words for both; inside a word both read the same letters and digits, lowercased the same way. The two differences
 * left are handled per word: apostrophes inside a tokenizer word are not hashed, and "." inside a number ("4.5")
 * splits it into two fingerprint words (`addWordParts`).
 */
import { codeAfter } from './chars.js';
import { FINGERPRINT_MAX_WORDS, fingerprint, fingerprintOfWordHashes, fingerprintUrlAt } from './near-duplicates.js';
import type { Tokens } from './token.js';
import { HASH_SEED } from './word-table.js';

/** `Tokens.wordHashCount` when the tokenizer's words are not the fingerprint's: call `fingerprint()` instead. */
export const FP_DISAGREE = -1;

/** Scratch for the word hashes of the text being tokenized (`Tokens.wordHashes`); reused by the next text. */
export const wordHashes = new Int32Array(FINGERPRINT_MAX_WORDS);

/**
 * ASCII characters that make a non-word token (punctuation, emoticon, skipped @handle) disagree: letters and digits
 * (the fingerprint hashes them: ":D", "@joe") and control characters (they end a URL for the fingerprint only).
 */
const BREAKS_AGREEMENT = new Uint8Array(128);
for (let c = 0; c < 32; c++) BREAKS_AGREEMENT[c] = 1;
for (let c = 48; c <= 57; c++) BREAKS_AGREEMENT[c] = 1;
for (let c = 65; c <= 90; c++) BREAKS_AGREEMENT[c] = 1;
for (let c = 97; c <= 122; c++) BREAKS_AGREEMENT[c] = 1;

/** ASCII letters and digits: what the fingerprint hashes. */
const ALNUM = new Uint8Array(128);
for (let c = 48; c < 123; c++) ALNUM[c] = BREAKS_AGREEMENT[c]!;

/** Whether the fingerprint sees no word in the non-word token `text[start, end)` either. */
export function nonWordAgrees(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || BREAKS_AGREEMENT[c] === 1) return false;
  }
  return true;
}

/**
 * At `i` an apostrophe ended a tokenizer word (it is not followed by an ASCII letter). The fingerprint skips
 * apostrophes inside a word, so it joins the word with what follows the run of them unless that ends a word too.
 */
export function apostropheAgrees(text: string, i: number): boolean {
  const n = text.length;
  while (i < n && text.charCodeAt(i) === 39) i++;
  if (i === n) return true;
  const c = text.charCodeAt(i);
  return c < 128 && ALNUM[c] === 0; // anything else non-ASCII makes the text disagree anyway
}

/**
 * Whether a word starting at `i` with "h" or "H" is a URL for the fingerprint (which then skips it up to the next
 * space, as the tokenizer does with the URLs it recognises).
 */
export function fingerprintSkipsUrl(text: string, i: number): boolean {
  return (codeAfter(text, i) | 32) === 116 && fingerprintUrlAt(text, i);
}

/**
 * Record the fingerprint words of an ASCII tokenizer word with an apostrophe or a decimal point in it,
 * `text[start, end)`: apostrophes are not hashed ("don't" is "dont"), and "." splits ("4.5" is "4" and "5").
 * Returns the new count of recorded hashes (which may exceed the scratch: the caller then gives up).
 */
export function addWordParts(text: string, start: number, end: number, count: number): number {
  let h = HASH_SEED;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 39) continue;
    if (c === 46) {
      count = addHash(h, count);
      h = HASH_SEED;
      continue;
    }
    h = Math.imul(h ^ (c | 32), 0x01000193);
  }
  return addHash(h, count);
}

function addHash(h: number, count: number): number {
  if (count < wordHashes.length) wordHashes[count] = h;
  return count + 1;
}

/**
 * `fingerprint(\`${title} ${text}\`)` (title "" when absent or not a string), from the tokenizer's pass over what the
 * analyzer tokenized first: `title + "\n" + text` for a title with words in it, else `text` alone. Falls back to
 * `fingerprint()` where the tokenizer's words are not the fingerprint's, or where a blank title (which the analyzer
 * drops) may still hold characters the fingerprint reads as words.
 */
export function titleTextFingerprint(title: unknown, text: string, toks: Tokens): string {
  const t = typeof title === 'string' ? title : '';
  if (toks.wordHashCount === FP_DISAGREE || (t !== '' && !t.trim())) return fingerprint(`${t} ${text}`);
  return fingerprintOfWordHashes(toks.wordHashes, toks.wordHashCount);
}
