import type { Analysis, ExplainItem, ExplainStep, SentimentLabel } from '../domain/analysis.js';
import { aspectSentiment } from './aspects.js';
import { compound, labelOf } from './compound.js';
import { titleTextFingerprint } from './fingerprint-words.js';
import { detectIntents } from './intents.js';
import { detectLanguage } from './language.js';
import { compileLexicon, hasAddressedEntries } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { findItems, type Item } from './sentiment.js';
import { compileThemes, findThemes } from './themes.js';
import { M, tokenize } from './tokenize.js';
import { warmTokenizer } from './tokenizer-warmup.js';
import { DEFAULT_PROFILE, TEXT_PROFILES, type TextProfile } from './profiles.js';
import type { LexiconData, ThemeDef } from './types.js';
import { createVocabulary, type Vocabulary } from './vocabulary.js';

/** Version of the scoring; stored on every mention so `earshot reanalyze` can find mentions scored by an older one. */
export const ANALYZER_VERSION = '2.17.0';

export interface AnalyzerOptions {
  /** CX themes to tag (see `loadThemePacks`). Default: none. */
  themes?: ThemeDef[];
  /**
   * Vocabulary added to the built-in AFINN-165 + emoji lexicon, overriding it where both list a word
   * (see `loadLexicon`, which reads `config/lexicon/`). Default: the built-in lexicon only.
   */
  lexicon?: LexiconData;
  /** Lexicon profile for texts that name none (`AnalyzeInput.profile`). Default `reviews`. */
  profile?: TextProfile;
}

export interface AnalyzeInput {
  text: string;
  /** Review title; scored with the text as its own sentence. */
  title?: string;
  /** Star rating; gives `sentiment.combinedLabel`. `worst` defaults to 1 (0 when `best` is 100 or 10). */
  rating?: { value: number; best: number; worst?: number };
  /** Lexicon profile (the source's family: reviews or social); default the analyzer's (see `profileForSource`). */
  profile?: TextProfile;
}

export interface Analyzer {
  /** Score one text. Pure and synchronous; never throws for any string input. */
  analyze(input: AnalyzeInput): Analysis;
}

/** Most contributions listed in `explain` (the strongest, kept in text order). */
export const EXPLAIN_MAX = 40;
/** Languages the lexicon scores; "und" (undetermined: emoji, very short text) is scored too. */
function scoredLanguage(lang: string): boolean {
  return lang === 'en' || lang === 'und';
}
/** An @handle opening a word: the text is addressed to someone. */
const ADDRESSED = /(?:^|[^\w@.])@\w/;
/** How much a star rating counts in `combinedLabel`, against the text's score. */
const RATING_WEIGHT = 0.6;

function round(x: number): number {
  // Most weights are whole (a lexicon valence no rule touched): those need no rounding.
  if ((x | 0) === x) return x;
  return Math.round(x * 1000) / 1000;
}

function explainOf(items: Item[]): ExplainItem[] {
  let kept = items;
  if (items.length > EXPLAIN_MAX) {
    const strongest = [...items].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, EXPLAIN_MAX);
    const keep = new Set(strongest);
    kept = items.filter((i) => keep.has(i));
  }
  const out: ExplainItem[] = new Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    const steps = i.steps;
    if (steps === null) {
      out[k] = { token: i.token, weight: round(i.weight), rules: i.rules, base: round(i.base) };
      continue;
    }
    // The item's own steps, rounded in place: the item is dropped after this, so no copy is needed.
    for (let m = 0; m < steps.length; m++) steps[m]!.weight = round(steps[m]!.weight);
    out[k] = { token: i.token, weight: round(i.weight), rules: i.rules, base: round(i.base), steps };
  }
  return out;
}

/** A rating on its scale as -1..1, or undefined when it is not a usable rating. */
export function ratingScore(r: AnalyzeInput['rating']): number | undefined {
  if (!r || !Number.isFinite(r.value) || !Number.isFinite(r.best)) return undefined;
  const worst = r.worst ?? (r.best >= 10 ? 0 : 1);
  if (r.best <= worst || r.value < worst || r.value > r.best) return undefined;
  return (2 * (r.value - worst)) / (r.best - worst) - 1;
}

function combine(textScore: number, scored: boolean, rating: number): SentimentLabel {
  const c = scored ? RATING_WEIGHT * rating + (1 - RATING_WEIGHT) * textScore : rating;
  return labelOf(c);
}

/**
 * Build an analyzer. Compiles the lexicon, phrase and theme tables once, so build one per configuration and reuse it.
 */
export function createAnalyzer(opts: AnalyzerOptions = {}): Analyzer {
  const themes = compileThemes(opts.themes ?? []);
  const fallback = opts.profile ?? DEFAULT_PROFILE;
  /**
   * Lexicon and vocabulary per profile, compiled on the profile's first text; a profile with `addressed` entries has a
   * second set for texts addressed to someone (key `profile@`), and `addressable` says so.
   */
  type Tables = {
    emoji: Map<string, number>; negativeWeight: number; vocab: Vocabulary; addressable: boolean; addressed?: Tables;
  };
  const tables = new Map<string, Tables>();
  const tablesOf = (profile: string, addressed = false): Tables => {
    const key = addressed ? `${profile}@` : profile;
    let t = tables.get(key);
    if (!t) {
      const lex = compileLexicon(opts.lexicon, profile, addressed);
      const vocab = createVocabulary(lex, themes);
      warmTokenizer();
      t = { emoji: lex.emoji, negativeWeight: lex.negativeWeight, vocab, addressable: !addressed && hasAddressedEntries(opts.lexicon, profile) };
      tables.set(key, t);
    }
    return t;
  };
  let last = tablesOf(fallback);
  let lastProfile: string = fallback;
  /** The profile whose tables `last` holds (the fallback's for an unknown name). */
  let lastKnown: string = fallback;

  return {
    analyze(input: AnalyzeInput): Analysis {
      const profile = input?.profile ?? fallback;
      if (profile !== lastProfile) {
        // An unknown name (from untyped callers) scores with the analyzer's own profile rather than throwing.
        lastKnown = (TEXT_PROFILES as readonly string[]).includes(profile) ? profile : fallback;
        last = tablesOf(lastKnown);
        lastProfile = profile;
      }
      const raw = typeof input?.text === 'string' ? input.text : '';
      const title = typeof input?.title === 'string' && input.title.trim() ? input.title : undefined;
      let text = title ? `${title}\n${raw}` : raw;
      // A post to someone ("@united please help") reads its request words as requests (see `AddressedEntries`).
      const { vocab, emoji, negativeWeight } = last.addressable && ADDRESSED.test(text)
        ? (last.addressed ??= tablesOf(lastKnown, true))
        : last;
      let toks = tokenize(text, vocab);
      // Near-duplicate fingerprint of the original title + text, from this first pass (before any cleaning below).
      const fingerprint = titleTextFingerprint(input?.title, raw, toks);
      // Scraped HTML and junk characters are cleaned first; the tokenizer tells whether there may be any.
      if (toks.marks & M.UNCLEAN) {
        const clean = normalizeText(text);
        if (clean !== text) {
          text = clean;
          toks = tokenize(text, vocab);
        }
      }
      const lang = detectLanguage(text, toks);
      const rating = ratingScore(input?.rating);

      if (!scoredLanguage(lang)) {
        const sentiment: Analysis['sentiment'] = { score: 0, label: 'neutral', explain: [], scored: false };
        if (rating !== undefined) sentiment.combinedLabel = combine(0, false, rating);
        return { sentiment, themes: [], intents: [], lang, fingerprint };
      }

      const items = findItems(toks, text, emoji, negativeWeight);
      let sum = 0;
      for (const it of items) sum += it.weight;
      // Long texts: a review of twenty sentences is not twenty times as positive as one of its sentences.
      const sentences = toks.sentences;
      if (sentences > 4) sum /= Math.sqrt(sentences / 4);
      const score = compound(sum);
      const label = labelOf(score);
      const themeHits = aspectSentiment(text, toks, items, findThemes(toks, themes), themes);
      let negativeTheme = false;
      for (const h of themeHits) if (h.label === 'negative') negativeTheme = true;
      const negativeSignal = score <= -0.5 || (label === 'negative' && negativeTheme);
      const sentiment: Analysis['sentiment'] = { score, label, explain: explainOf(items), scored: true };
      if (rating !== undefined) sentiment.combinedLabel = combine(score, true, rating);
      return { sentiment, themes: themeHits, intents: detectIntents(text, toks, negativeSignal), lang, fingerprint };
    },
  };
}
