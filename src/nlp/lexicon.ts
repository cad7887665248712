import { createRequire } from 'node:module';
import { EMOTICONS } from './emoticons.js';
import {
  esPluralOk, mayBeComparativeOf, mayBeDerivedAdjective, mayBeInflection, unPrefixBase, verbFormBases,
} from './inflection.js';
import type { LexiconData } from './types.js';
import { WordNumbering } from './word-bits.js';

// AFINN-165 and the emoji table ship with the `sentiment` package; required (not imported) because JSON module
// imports are not handled the same way by node, tsx and tsc across versions.
const require = createRequire(import.meta.url);
const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
const emojiValence = require('sentiment/build/emoji.json') as Record<string, number>;

/** A multi-word entry, matched on consecutive word tokens. */
export interface Phrase {
  toks: string[];
  valence: number;
  text: string;
}

/** The compiled lexicon: built once per analyzer, read on every token. */
export interface LexiconTables {
  words: Map<string, number>;
  /** Phrases by their first token, longest first. */
  phrases: Map<string, Phrase[]>;
  emoji: Map<string, number>;
  /** Second words of all phrases, numbered (see `WordNumbering`). */
  phraseSeconds: WordNumbering;
  /** Multiplier of negative contributions (`LexiconEntries.negativeWeight`), 1 by default. */
  negativeWeight: number;
  /** Morphological fallbacks already worked out ("terribly" → "terrible"); `0` means "not in the lexicon". */
  cache: Map<string, number>;
}

/** Contracted spellings of a negated auxiliary, so one phrase entry ("does not work") also finds "doesn't work". */
const CONTRACTIONS: Record<string, string[]> = {
  'do not': ["don't", 'dont'], 'does not': ["doesn't", 'doesnt'], 'did not': ["didn't", 'didnt'],
  'is not': ["isn't", 'isnt'], 'was not': ["wasn't", 'wasnt'], 'are not': ["aren't", 'arent'],
  'were not': ["weren't", 'werent'], 'would not': ["wouldn't", 'wouldnt'], 'could not': ["couldn't", 'couldnt'],
  'should not': ["shouldn't", 'shouldnt'], 'will not': ["won't", 'wont'], 'can not': ["can't", 'cant', 'cannot'],
  'cannot': ["can't", 'cant', 'can not'], 'have not': ["haven't", 'havent'], 'has not': ["hasn't", 'hasnt'],
  'had not': ["hadn't", 'hadnt'],
};

function splitKey(key: string): string[] {
  return key.toLowerCase().replace(/[\u2018\u2019]/g, "'").split(/[\s-]+/).filter(Boolean);
}

/** `CONTRACTIONS` as patterns, compiled once: a lexicon has thousands of entries. */
const CONTRACTION_PATTERNS = Object.entries(CONTRACTIONS).map(([long, shorts]) => ({ re: new RegExp(`(^| )${long}( |$)`), shorts }));

function variants(key: string): string[] {
  // Every long form holds "not": most entries ("great", "works well") have none to rewrite.
  if (!key.includes('not')) return [key];
  const out = [key];
  for (const { re, shorts } of CONTRACTION_PATTERNS) {
    if (!re.test(key)) continue;
    for (const s of shorts) out.push(key.replace(re, `$1${s}$2`));
  }
  return out;
}

function addEntry(t: LexiconTables, key: string, valence: number): void {
  for (const v of variants(splitKey(key).join(' '))) {
    const toks = v.split(' ');
    if (toks.length === 0) continue;
    if (toks.length === 1) {
      // A zero is kept, not deleted: deleted, the word would find its base by inflection ("hopefully" → "hopeful").
      t.words.set(toks[0]!, valence);
      continue;
    }
    const list = t.phrases.get(toks[0]!) ?? [];
    const at = list.findIndex((p) => p.text === v);
    if (at >= 0) list.splice(at, 1);
    // A phrase with valence 0 still wins over its words: that is how "kind of" stops "kind" counting.
    list.push({ toks, valence, text: v });
    list.sort((a, b) => b.toks.length - a.toks.length);
    t.phrases.set(toks[0]!, list);
  }
}

/**
 * Compile the built-in lexicon (AFINN-165, emoji, emoticons) plus `extra` into lookup tables. Entries in `extra`
 * override the built-in ones, and `extra.profiles[profile]` overrides those; a word with valence 0 is removed. For a
 * text addressed to someone (`addressed`), the `addressed` entries of both override last.
 */
export function compileLexicon(extra?: LexiconData, profile?: string, addressed = false): LexiconTables {
  const t: LexiconTables = {
    words: new Map(), phrases: new Map(), emoji: new Map(), phraseSeconds: new WordNumbering([]), cache: new Map(),
    negativeWeight: 1,
  };
  for (const [k, v] of Object.entries(afinn)) {
    // AFINN's "not good", "no fun", "dont like": the negation rule handles these and explains them as negated.
    if (/^(not|no|dont) /.test(k)) continue;
    addEntry(t, k, v);
  }
  for (const [k, v] of Object.entries(emojiValence)) {
    // Regional indicator letters (U+1F1E6..1F1FF) make flags in pairs ("🇺🇸"): a country, not an opinion. The ranking
    // scores them by the posts they appeared in.
    const c = k.codePointAt(0)!;
    if (c >= 0x1f1e6 && c <= 0x1f1ff) continue;
    t.emoji.set(k, v);
  }
  for (const [k, v] of Object.entries(EMOTICONS)) t.emoji.set(k, v);
  if (extra) {
    for (const [k, v] of Object.entries(extra.words ?? {})) addEntry(t, k, v);
    for (const [k, v] of Object.entries(extra.phrases ?? {})) addEntry(t, k, v);
    for (const [k, v] of Object.entries(extra.emoji ?? {})) t.emoji.set(k.toLowerCase(), v);
    const own = profile === undefined ? undefined : extra.profiles?.[profile];
    t.negativeWeight = own?.negativeWeight ?? extra.negativeWeight ?? 1;
    if (own) {
      for (const [k, v] of Object.entries(own.words ?? {})) addEntry(t, k, v);
      for (const [k, v] of Object.entries(own.phrases ?? {})) addEntry(t, k, v);
      for (const [k, v] of Object.entries(own.emoji ?? {})) t.emoji.set(k.toLowerCase(), v);
    }
    if (addressed) {
      for (const entries of [extra.addressed, own?.addressed]) {
        for (const [k, v] of Object.entries(entries?.words ?? {})) addEntry(t, k, v);
        for (const [k, v] of Object.entries(entries?.phrases ?? {})) addEntry(t, k, v);
      }
    }
  }
  const seconds: string[] = [];
  for (const list of t.phrases.values()) for (const p of list) seconds.push(p.toks[1]!);
  t.phraseSeconds = new WordNumbering(seconds);
  return t;
}

const CACHE_LIMIT = 50_000;

/** Whether `w` ends in a consonant after a single vowel ("cut", "nic"; not "clean", "fast"). */
function endsVowelConsonant(w: string): boolean {
  const n = w.length;
  if (n < 2) return false;
  const vowel = (c: string) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
  return !vowel(w[n - 1]!) && w[n - 1] !== 'w' && w[n - 1] !== 'x' && w[n - 1] !== 'y' && vowel(w[n - 2]!) && (n < 3 || !vowel(w[n - 3]!));
}

/**
 * Valence of a word, trying plain inflections when the word itself is not listed ("disappointments",
 * "horribly", "sooo goood"). Returns 0 for unknown words.
 */
export function wordValence(t: LexiconTables, w: string): number {
  const direct = t.words.get(w);
  if (direct !== undefined) return direct;
  const cached = t.cache.get(w);
  if (cached !== undefined) return cached;
  let v = 0;
  const n = w.length;
  const tryBase = (b: string) => {
    if (v === 0 && b.length > 2) v = t.words.get(b) ?? 0;
  };
  if (n > 3 && /(.)\1\1/.test(w)) {
    tryBase(w.replace(/(.)\1+/g, '$1$1'));
    // "noooo" → "no": an elongation's base may be two letters.
    const single = w.replace(/(.)\1+/g, '$1');
    if (v === 0 && single.length === 2) v = t.words.get(single) ?? 0;
    tryBase(single);
  }
  // Every letter doubled for emphasis ("LLOOVVE", "greeaatt"): two doubled pairs or more, and the word unknown as
  // written ("coffee" and "bookkeeper" collapse to no word).
  if (v === 0 && n > 5 && (w.match(/(.)\1/g)?.length ?? 0) >= 2) tryBase(w.replace(/(.)\1+/g, '$1'));
  // Each suffix is stripped only where the word can be that inflection (see `mayBeInflection`): "dudes" is not "dud"
  // + "es", "number" is not "numb" + "er".
  if (v === 0 && n > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith("'s") && mayBeInflection(w)) {
    tryBase(w.slice(0, -1));
    if (w.endsWith('es') && esPluralOk(w.slice(0, -2))) tryBase(w.slice(0, -2));
  }
  if (v === 0 && n > 5 && w.endsWith('ly') && mayBeInflection(w)) {
    if (w.endsWith('ily')) tryBase(`${w.slice(0, -3)}y`);
    if (w.endsWith('bly')) tryBase(`${w.slice(0, -3)}ble`);
    tryBase(w.slice(0, -2));
  }
  // Comparatives and superlatives: "happier" → "happy", "nicer" → "nice", "cleanest" → "clean".
  if (v === 0 && n > 4 && (w.endsWith('er') || w.endsWith('est')) && mayBeInflection(w)) {
    const stemLen = w.endsWith('er') ? n - 2 : n - 3;
    const base = w.slice(0, stemLen);
    // Only a word that can be graded ("nice", not "hell": "Heller" is a name; see `mayBeComparativeOf`).
    const tryGraded = (b: string) => {
      if (v === 0 && b.length > 2 && (t.words.get(b) ?? 0) !== 0 && mayBeComparativeOf(b)) v = t.words.get(b)!;
    };
    if (base.endsWith('i')) tryGraded(`${base.slice(0, -1)}y`);
    // A base ending in one vowel and one consonant doubles it before the suffix ("big" → "biggest"): undoubled, the
    // word's base ends in "e" ("cutest" is "cute", not "cut"; "later" is "late").
    if (endsVowelConsonant(base)) tryGraded(`${base}e`);
    tryGraded(base);
    tryGraded(`${base}e`);
    if (base.length > 3 && base[base.length - 1] === base[base.length - 2]) tryGraded(base.slice(0, -1));
  }
  // Adjectives made from a noun or verb: "-ful" keeps its sense ("disgraceful", "hateful"), "-less" turns it round
  // ("joyless", "faultless"), where the dictionary does not list the word as something else ("handful" is
  // a noun). The few whose "-less" is no absence of a bad thing ("shameless", "pitiless") are lexicon words.
  if (v === 0 && n > 6 && (w.endsWith('ful') || w.endsWith('less')) && mayBeDerivedAdjective(w)) {
    const less = w.endsWith('less');
    const base = w.slice(0, less ? -4 : -3);
    let b = t.words.get(base) ?? 0;
    // "pitiful" → "pity", "merciless" → "mercy"
    if (b === 0 && base.endsWith('i')) b = t.words.get(`${base.slice(0, -1)}y`) ?? 0;
    // The absence of a bad thing is milder praise than the bad thing is blame ("harmless", "faultless").
    v = !less ? b : b < 0 ? -b / 2 : -b;
  }
  // "un-" turns its word round as "-less" does ("uninteresting", "unsatisfactory", "unconvincing"; "unharmed",
  // "unpretentious"): praise denied is blame at three quarters of the praise (AFINN's own pairs lie near it:
  // "unhappy" -2 beside "happy" 3, "unfriendly" -2 beside "friendly" 2), a bad thing denied is half as much praise.
  if (v === 0) {
    const b = unPrefixBase(w);
    const bv = b === null ? 0 : wordValence(t, b);
    if (bv !== 0) v = bv > 0 ? -Math.round(bv * 1.5) / 2 : Math.round(-bv) / 2;
  }
  // Verb forms the lexicon lacks: "kissed", "hugging", "giggled", "disliked", "swindled". The first base the word may
  // be made from that the lexicon lists decides, a zero included ("wanted" stays as neutral as "want" in reviews).
  if (v === 0) {
    for (const b of verbFormBases(w)) {
      const bv = t.words.get(b);
      if (bv === undefined) continue;
      v = bv;
      break;
    }
  }
  if (t.cache.size > CACHE_LIMIT) t.cache.clear();
  t.cache.set(w, v);
  return v;
}

/** Whether `extra` reads texts addressed to someone differently under `profile` (has `addressed` entries for it). */
export function hasAddressedEntries(extra: LexiconData | undefined, profile: string): boolean {
  const some = (e: { words?: object; phrases?: object } | undefined) =>
    e !== undefined && Object.keys(e.words ?? {}).length + Object.keys(e.phrases ?? {}).length > 0;
  return some(extra?.addressed) || some(extra?.profiles?.[profile]?.addressed);
}
