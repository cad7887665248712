import { isAsciiLower, isAsciiUpper } from './chars.js';
import { type LexiconTables, wordValence } from './lexicon.js';
import { isEnglishWord } from './typos.js';
import type { WordTable } from './word-table.js';

/** Shortest run-together word tried as a compound ("#epicfail"), and shortest part with a valence of its own. */
const MIN_COMPOUND = 7;
const MIN_OPINION = 4;
/** A first part that negates the opinion after it ("#nothappy", "#notimpressed"). */
const NEGATING = new Set(['not', 'no', 'never', 'nothing']);

/**
 * The valence of a word written as several run together, as hashtags are ("#unitedsucks", "#worstairlineever",
 * "#nothappy"), or 0: a two-word phrase of the lexicon run together ("#neveragain"), else the longest opening part
 * and the longest closing part with a valence of their own (a closing part of four letters or more), added; after
 * "not"/"no"/"never" the rest is negated. The analyzer scores this only where the word
 * follows a "#": inside running text a word like "badminton" is no compound of "bad". With `words`, a part is read only
 * where the rest of the hashtag around it is words of the dictionary ("#dietcoke" is no "die" + "tcoke"): the
 * vocabulary computes the plain value for every word (a cheap gate), and the checked one only for a hashtag met in a
 * text (loading the dictionary once, about half a second).
 */
export function compoundValence(lex: LexiconTables, w: string, words = false): number {
  const n = w.length;
  if (n < MIN_COMPOUND || !/^[a-z]+$/.test(w)) return 0;
  // "#nothappy", "#neveragain": after a negator only that split is read (else "neveragain" finds "gain").
  for (const neg of NEGATING) {
    if (!w.startsWith(neg)) continue;
    const rest = w.slice(neg.length);
    const phrase = phraseValence(lex, neg, rest);
    if (phrase !== 0) return phrase;
    const rv = rest.length >= 3 ? wordValence(lex, rest) : 0;
    return rv * (rv > 0 ? -0.75 : -0.5);
  }
  // The longest opening part and the longest closing part with a valence: "#worstairlineever", "#unitedsucks".
  let left = 0;
  let leftLen = 0;
  let right = 0;
  let rightLen = 0;
  for (let i = 2; i <= n - 2; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    const phrase = phraseValence(lex, a, b);
    if (phrase !== 0) return phrase;
    if (b.length >= MIN_OPINION && b.length > rightLen) {
      const v = wordValence(lex, b);
      if (v !== 0 && (!words || endsWithWord(a))) {
        right = v;
        rightLen = b.length;
      }
    }
    if (a.length >= MIN_OPINION - 1 && a.length > leftLen) {
      // The opening part as listed, not inflected: "uniteds" + "ucks" is no reading of "#unitedsucks".
      const v = lex.words.get(a) ?? 0;
      if (v !== 0 && (!words || startsWithWord(b))) {
        left = v;
        leftLen = a.length;
      }
    }
  }
  // Both, when they do not overlap ("#unitedsucks": a name's valence and the verdict); else the longer.
  if (leftLen + rightLen <= n) return left + right;
  return leftLen >= rightLen ? left : right;
}

/**
 * Whether the rest of a hashtag after an opinion opens with a word of three letters or more ("#worstairlineever":
 * "air", "airline"), so the split is one of words: "#dietcoke" is no "die" + "tcoke". (Two letters prove nothing: the
 * dictionary lists "tc" and "ct".)
 */
function startsWithWord(rest: string): boolean {
  if (rest.length < 3) return true;
  for (let k = 3; k <= rest.length; k++) if (isEnglishWord(rest.slice(0, k))) return true;
  return false;
}

/** Whether the part of a hashtag before an opinion ends with a word of three letters or more ("#unitedsucks": "united"). */
function endsWithWord(rest: string): boolean {
  if (rest.length < 3) return true;
  for (let k = rest.length - 3; k >= 0; k--) if (isEnglishWord(rest.slice(k))) return true;
  return false;
}

/** The valence of the two-word phrase "left right" ("never again", "epic fail"), or 0. */
function phraseValence(lex: LexiconTables, left: string, right: string): number {
  const list = lex.phrases.get(left);
  if (!list) return 0;
  for (const p of list) if (p.toks.length === 2 && p.toks[1] === right) return p.valence;
  return 0;
}

/**
 * Whether a hashtag written `text[start, end)` may be read as words run together, by its capitals: all lowercase or
 * all capitals, any split ("#unitedsucks", "#WORSTAIRLINEEVER"); a capital only first, none (a name: "#Emirates" is no
 * "irate", "#Chicago" no "chic"); capitals inside, only where one of the capitalised parts is an opinion or a negator
 * ("#BadCustomerService", "#NotHappy"; not "#LaGuardia", "#GoPatriots", "#WinterWeather"), by the valence `V` gives
 * the lowercase part. (A table, not a callback: a closure in `findItems` would cost every text a context.)
 */
export function readsAsCompound(text: string, start: number, end: number, V: WordTable): boolean {
  let upper = 0;
  let lower = 0;
  let inner = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) {
      upper++;
      if (k > start) inner++;
    } else if (c >= 97 && c <= 122) lower++;
  }
  if (upper === 0 || lower === 0) return true;
  if (inner === 0) return false;
  // Each run of lowercase letters is a part, with the capital before it ("Bad", "Customer") or without it (the
  // "problems" of "#ITproblems", after a run of capitals).
  for (let k = start; k < end; ) {
    const c = text.charCodeAt(k);
    if (c < 97 || c > 122) {
      k++;
      continue;
    }
    let e = k;
    while (e < end && text.charCodeAt(e) >= 97 && text.charCodeAt(e) <= 122) e++;
    const bare = text.slice(k, e);
    if (NEGATING.has(bare) || opinion(V, bare)) return true;
    if (k > start) {
      const capped = text.slice(k - 1, e).toLowerCase();
      if (NEGATING.has(capped) || opinion(V, capped)) return true;
    }
    k = e;
  }
  return false;
}

/** Whether the lowercase `part` scores in `V` (it is added to the table if new). */
function opinion(V: WordTable, part: string): boolean {
  return V.valence[V.idOfWord(part)] !== 0;
}

/** Words of a camel-case hashtag that deny the opinion after them ("#NoFunAtAll", "#DontFlyThem"). */
const CAMEL_NEGATING = new Set(['not', 'no', 'never', 'dont', 'didnt', 'doesnt', 'cant', 'wont', 'isnt', 'wasnt']);

/**
 * The words of a hashtag written in camel case, as its capitals split it ("#SlapInTheFace": slap in the face,
 * "#UnitedHatesUsAll": united hates us all), lowercase; null when it is not (all lowercase, all capitals, or a capital
 * only first: "#Chicago"). A run of capitals is a word of its own ("#BestDayEVER": best day ever).
 */
export function camelParts(text: string, start: number, end: number): string[] | null {
  const parts: string[] = [];
  let k = start;
  while (k < end) {
    const c = text.charCodeAt(k);
    let e = k + 1;
    if (c >= 65 && c <= 90) {
      // A run of capitals ends before its last one when lowercase follows ("XMLParser": "XML" + "Parser").
      while (e < end && isAsciiUpper(text.charCodeAt(e))) e++;
      if (e < end && e - k > 1 && isAsciiLower(text.charCodeAt(e))) e--;
      else if (e - k === 1) while (e < end && isAsciiLower(text.charCodeAt(e))) e++;
    } else if (c >= 97 && c <= 122) {
      while (e < end && isAsciiLower(text.charCodeAt(e))) e++;
    } else {
      return null; // digits, apostrophes: not a plain camel-case hashtag
    }
    parts.push(text.slice(k, e).toLowerCase());
    k = e;
  }
  return parts.length >= 2 ? parts : null;
}

/**
 * The valence of a camel-case hashtag's words read as a phrase: the lexicon's phrases first ("#SlapInTheFace",
 * "#OneHourOnHold"), else each word of three letters or more, an opinion after a negating word turned round as in
 * `compoundValence` ("#NoFunAtAll"); summed.
 */
export function camelValence(lex: LexiconTables, parts: string[]): number {
  let sum = 0;
  let negated = false;
  for (let i = 0; i < parts.length; ) {
    let v = 0;
    let used = 1;
    for (const p of lex.phrases.get(parts[i]!) ?? []) {
      if (p.toks.length <= parts.length - i && p.toks.every((t, k) => t === parts[i + k])) {
        v = p.valence;
        used = p.toks.length;
        break;
      }
    }
    if (used === 1 && parts[i]!.length >= 3) v = wordValence(lex, parts[i]!);
    if (v !== 0 && negated) v *= v > 0 ? -0.75 : -0.5;
    if (v !== 0) negated = false;
    if (CAMEL_NEGATING.has(parts[i]!)) negated = true;
    sum += v;
    i += used;
  }
  return sum;
}
