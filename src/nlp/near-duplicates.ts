/**
 * Near-duplicate fingerprints: a 64-bit one-permutation MinHash over the words of a text. Each word hashes into one
 * of 64 bins; a bin's bit is a hash bit of the smallest word hash in it (0 when empty). Changing, adding or removing
 * one word changes at most two bins, so a repost with a word or two edited stays within a few bits, while two
 * unrelated reviews of a dozen words or more differ in 10+ bits. Case, punctuation, spacing and URLs are ignored.
 */
import { codeAfter } from './chars.js';

/** Default `isNearDuplicate` threshold, in bits of 64: at most one or two words changed, added or removed. */
export const NEAR_DUPLICATE_BITS = 3;

const EMPTY = '0000000000000000';
const NONE = 0x7fffffff;
/** Smallest value per bin (NONE when empty; reset after each text), and the bins the current text filled. */
const mins = new Int32Array(64).fill(NONE);
const filledList = new Uint8Array(65);
/** At most this many words are read: plenty to tell copies apart, and bounded for 100 KB texts. */
const MAX_WORDS = 5000;

/** Murmur3's finaliser, as a signed 32-bit integer (its bits are what matter). */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * What an ASCII character hashes as inside a word: its lowercase code, 0 when it is not part of a word. Outside
 * ASCII: letters and other symbols count, except general punctuation, arrows, emoji-like symbols and surrogates,
 * and Latin-1 capitals fold to lowercase (enough to make case not matter for reposts).
 */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FOLD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_FOLD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_FOLD[c] = c + 32;

/** The hashed code of a non-ASCII character, or 0 when it ends a word. */
function foldWide(c: number): number {
  if (c < 0xc0 || c === 0xd7 || c === 0xf7 || (c >= 0x2000 && c <= 0x2bff) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffd) return 0;
  return c <= 0xde ? c + 32 : c;
}

const HEX = new Uint8Array(16);
for (let k = 0; k < 16; k++) HEX[k] = '0123456789abcdef'.charCodeAt(k);

function hex16(hi: number, lo: number): string {
  return String.fromCharCode(
    HEX[hi >>> 28]!, HEX[(hi >>> 24) & 15]!, HEX[(hi >>> 20) & 15]!, HEX[(hi >>> 16) & 15]!,
    HEX[(hi >>> 12) & 15]!, HEX[(hi >>> 8) & 15]!, HEX[(hi >>> 4) & 15]!, HEX[hi & 15]!,
    HEX[lo >>> 28]!, HEX[(lo >>> 24) & 15]!, HEX[(lo >>> 20) & 15]!, HEX[(lo >>> 16) & 15]!,
    HEX[(lo >>> 12) & 15]!, HEX[(lo >>> 8) & 15]!, HEX[(lo >>> 4) & 15]!, HEX[lo & 15]!,
  );
}

/**
 * A URL at i ("http://", "https://", or anything starting "HTTP"): it differs between reposts of the same text.
 * Exported so the tokenizer can tell where the two scanners would disagree (see `fingerprint-words.ts`).
 */
export function fingerprintUrlAt(t: string, i: number): boolean {
  return t.startsWith('http://', i) || t.startsWith('https://', i) || t.startsWith('HTTP', i);
}

/**
 * Put one word, given its FNV-1a hash (seed 0x811c9dc5, prime 0x01000193, over its folded characters), into the
 * bins; returns the new number of filled bins. Branch-free: which bin a word lands in is random, so a branch on it
 * would be mispredicted half the time.
 */
function addWord(wordHash: number, nFilled: number): number {
  const h = fmix(wordHash);
  const bin = h >>> 26;
  const min = mins[bin]!;
  filledList[nFilled] = bin;
  mins[bin] = Math.min(min, h & 0x3ffffff);
  return nFilled + ((min >> 26) & 1); // 1 when the bin was empty (NONE), 0 when it held a 26-bit value
}

/** The fingerprint of the words put into the bins, which it empties again for the next text. */
function digest(nFilled: number): string {
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < nFilled; k++) {
    const b = filledList[k]!;
    const bit = fmix((mins[b]! + 0x9e3779b9) | 0) & 1;
    mins[b] = NONE;
    const upper = b >> 5;
    lo |= (bit & (upper ^ 1)) << (b & 31);
    hi |= (bit & upper) << (b & 31);
  }
  return hex16(hi >>> 0, lo >>> 0);
}

/**
 * The fingerprint of a text as 16 hex digits. Empty text (or text without words) gives "0000000000000000".
 */
export function fingerprint(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return EMPTY;
  const t = text;
  const n = t.length;
  let words = 0;
  let nFilled = 0;
  let i = 0;
  while (i < n) {
    let c = t.charCodeAt(i);
    let f = c < 128 ? ASCII_FOLD[c]! : foldWide(c);
    if (f === 0) {
      i++;
      continue;
    }
    if ((c === 104 || c === 72) && (codeAfter(t, i) | 32) === 116 && fingerprintUrlAt(t, i)) {
      while (i < n && t.charCodeAt(i) > 32) i++;
      continue;
    }
    // FNV-1a over the folded characters; apostrophes join but are not hashed ("don't" = "dont").
    let h = 0x811c9dc5 | 0;
    for (;;) {
      h = Math.imul(h ^ f, 0x01000193);
      if (++i >= n) break;
      c = t.charCodeAt(i);
      while (c === 39 && ++i < n) c = t.charCodeAt(i);
      if (i >= n) break;
      f = c < 128 ? ASCII_FOLD[c]! : foldWide(c);
      if (f === 0) break;
    }
    i++; // past the character that ended the word (not part of any word)
    nFilled = addWord(h, nFilled);
    if (++words === MAX_WORDS) break;
  }
  if (words === 0) return EMPTY;
  return digest(nFilled);
}

/**
 * The fingerprint of a text whose words' FNV-1a hashes are `hashes[0, count)`, in any order: the same value as
 * `fingerprint(text)` when they are exactly its words and there are at most `MAX_WORDS` of them (the word limit is
 * the only thing order matters for). The analyzer uses this with the hashes its tokenizer computed anyway.
 */
export function fingerprintOfWordHashes(hashes: Int32Array, count: number): string {
  if (count === 0) return EMPTY;
  if (count > MAX_WORDS) throw new Error(`fingerprintOfWordHashes: at most ${MAX_WORDS} words, got ${count}`);
  let nFilled = 0;
  for (let k = 0; k < count; k++) nFilled = addWord(hashes[k]!, nFilled);
  return digest(nFilled);
}

/** Most words `fingerprint` reads (see `fingerprintOfWordHashes`). */
export const FINGERPRINT_MAX_WORDS = MAX_WORDS;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const HEX16 = /^[0-9a-f]{1,16}$/i;

/**
 * Number of differing bits between two fingerprints (0..64). Shorter hex strings are left-padded with zeros.
 * Throws a one-line error on something that is not a hex fingerprint.
 */
export function hammingDistance(a: string, b: string): number {
  if (!HEX16.test(a) || !HEX16.test(b)) {
    throw new Error(`hammingDistance: expected two hex fingerprints of up to 16 digits, got "${String(a).slice(0, 20)}" and "${String(b).slice(0, 20)}"`);
  }
  const pa = a.padStart(16, '0');
  const pb = b.padStart(16, '0');
  const x = (parseInt(pa.slice(0, 8), 16) ^ parseInt(pb.slice(0, 8), 16)) >>> 0;
  const y = (parseInt(pa.slice(8), 16) ^ parseInt(pb.slice(8), 16)) >>> 0;
  return popcount(x) + popcount(y);
}

const FINGERPRINT = /^[0-9a-f]{16}$/;

/**
 * Whether two texts are copies or light edits of each other. Each argument may be a text or a fingerprint from
 * `fingerprint()` (16 lowercase hex digits). `maxDistance` defaults to {@link NEAR_DUPLICATE_BITS} (3 bits of 64).
 * Texts without words are nobody's duplicate.
 */
export function isNearDuplicate(a: string, b: string, maxDistance: number = NEAR_DUPLICATE_BITS): boolean {
  const fa = FINGERPRINT.test(a) ? a : fingerprint(a);
  const fb = FINGERPRINT.test(b) ? b : fingerprint(b);
  if (fa === EMPTY || fb === EMPTY) return false;
  return hammingDistance(fa, fb) <= maxDistance;
}
