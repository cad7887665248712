/** Character classes of the tokenizer, on UTF-16 code units. */

/** Classes of ASCII characters (`ASCII_CLASS[code]`). */
export const C = { OTHER: 0, SPACE: 1, LOWER: 2, UPPER: 3, DIGIT: 4 } as const;
export const ASCII_CLASS = new Uint8Array(128);
ASCII_CLASS[32] = ASCII_CLASS[10] = ASCII_CLASS[9] = ASCII_CLASS[13] = C.SPACE;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = C.LOWER;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = C.UPPER;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = C.DIGIT;

/**
 * ASCII word characters as bits: 1 uppercase letter, 2 lowercase letter, 4 digit (0: not a word character), so a
 * word's scan counts cases without branching.
 */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 2;
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 4;

const LETTER = /\p{L}|\p{M}/u;
const PICTO = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const pictographic = new Map<number, boolean>();

export function isSpace(c: number): boolean {
  return c < 128 ? ASCII_CLASS[c] === C.SPACE : c === 160 || c === 0x2028 || c === 0x2029 || c === 0x3000;
}
/**
 * The code of the character after i, or 0 at the end of the text. Never `charCodeAt` past the end: NaN compares
 * false just the same, but V8 drops the optimized code of the function that read it (see tokenizer-warmup.ts).
 */
export function codeAfter(text: string, i: number): number {
  return i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
}
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
export function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018;
}
/** Letters (any script, with combining marks) and digits; not astral characters. */
export function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 128) return ASCII_CLASS[c]! >= C.LOWER;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return LETTER.test(text[i]!);
}
/** Joiners and modifiers that belong to the emoji before them (ZWJ, variation selectors, skin tones, keycap). */
export function isEmojiModifier(cp: number): boolean {
  return cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3;
}
/** A pictographic emoji or regional indicator (memoised per code point). */
export function isPictographic(cp: number): boolean {
  let p = pictographic.get(cp);
  if (p === undefined) {
    p = PICTO.test(String.fromCodePoint(cp));
    if (pictographic.size < 10_000) pictographic.set(cp, p);
  }
  return p;
}
/** `.`, `!`, `?`, `…` and the full-width forms end a sentence. */
export function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}
export function endsClause(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014 || c === 40 || c === 41 || c === 0x3001 || c === 0xff0c;
}

/** The currency signs a theme term may be (matched next to an amount: "$20"); one UTF-16 unit each. */
export const CURRENCY_SIGNS = '$€£¥₹';
const CURRENCY_CODES = Array.from(CURRENCY_SIGNS, (ch) => ch.charCodeAt(0));
export function isCurrencySign(c: number): boolean {
  return CURRENCY_CODES.includes(c);
}

/**
 * Whether `normalizeText` may change this character: `<` (tags), `&` (entities), and the junk it blanks (C0/C1
 * controls but tab and line breaks, zero-width space, byte-order mark, replacement character).
 */
export function maybeUnclean(c: number): boolean {
  if (c < 128) return c === 60 || c === 38 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
  return c <= 0x9f || c === 0x200b || c === 0xfeff || c === 0xfffd;
}
