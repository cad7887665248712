import { createRequire } from 'node:module';

/**
 * Which inflections a word can be, from the English lexicon `natural` ships with its Brill part-of-speech tagger
 * (~93,000 words with their Penn tags). Used to check a suffix before stripping it: "number" is a noun, not the
 * comparative of "numb"; "happier" is a comparative (JJR) of "happy". Loaded on first use (4 MB), only when a word
 * is not in the sentiment lexicon itself.
 */
const require = createRequire(import.meta.url);
let tags: Record<string, string[]> | undefined;

function tagsOf(word: string): string[] | undefined {
  tags ??= require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>;
  return Object.hasOwn(tags, word) ? tags[word] : undefined;
}

/** The inflections the analyzer strips to find a lexicon word, with the Penn tags that license each. */
export type Inflection = 'plural' | 'adverb' | 'comparative';
const LICENSED_BY: Record<Inflection, readonly string[]> = {
  plural: ['NNS', 'VBZ', 'NNPS'],
  adverb: ['RB', 'RBR', 'RBS'],
  comparative: ['JJR', 'JJS', 'RBR', 'RBS'],
};

/**
 * Whether `word` may be read as an inflection of the given kind: yes when the dictionary lists it with a matching tag,
 * no when the dictionary knows it only as something else ("number" NN, "dudes" unknown but see `esPluralOk`), yes for
 * words the dictionary does not know (slang, misspellings: the suffix rules alone decide).
 */
export function mayBeInflection(word: string, kind: Inflection): boolean {
  const t = tagsOf(word);
  if (!t) return true;
  const ok = LICENSED_BY[kind];
  for (const tag of t) if (ok.includes(tag)) return true;
  return false;
}

/** Whether "-es" can be a plural ending after `stem` (boxes, wishes, heroes); otherwise only "-s" is ("dudes"). */
export function esPluralOk(stem: string): boolean {
  return /(?:s|x|z|ch|sh|o)$/.test(stem);
}
