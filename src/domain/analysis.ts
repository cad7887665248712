import { z } from 'zod';

/**
 * The lexicon profile a text is scored with, by source family: `reviews` (review pages, app stores) or `social`
 * (posts, comments, feeds). Some words mean something else in each ("please help" is a request in a review, "yes!"
 * is joy in a post). Chosen from the source kind (`profileForSource`), or set per source (`sources[].nlpProfile`).
 */
export const TEXT_PROFILES = ['reviews', 'social'] as const;
export const TextProfile = z.enum(TEXT_PROFILES);
export type TextProfile = z.infer<typeof TextProfile>;

export const SentimentLabel = z.enum(['positive', 'negative', 'neutral']);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

/** One modifier applied to a contribution: the rule, the word that triggered it where there is one, the weight after it. */
export const ExplainStep = z.object({
  rule: z.string(),
  /** The negator, degree word or contrast word, as normalised ("not", "very", "but"). */
  by: z.string().optional(),
  weight: z.number(),
});
export type ExplainStep = z.infer<typeof ExplainStep>;

/**
 * One reason a score moved: a token or phrase with its final weight, and the rules that touched it. `base` is the
 * weight before any modifier (the lexicon's, phrase's or rating's) and `steps` the modifiers in the order applied, each
 * with the weight after it (the last one's is `weight`). Both are absent on explanations stored by analyzer < 2.3.0.
 */
export const ExplainItem = z.object({
  token: z.string(),
  weight: z.number(),
  rules: z.array(z.string()).default([]),
  base: z.number().optional(),
  steps: z.array(ExplainStep).optional(),
});
export type ExplainItem = z.infer<typeof ExplainItem>;

export const Sentiment = z.object({
  /** Compound text score in -1..1. */
  score: z.number().min(-1).max(1),
  label: SentimentLabel,
  explain: z.array(ExplainItem).default([]),
  /** Label from text and star rating together, where the mention has a rating. */
  combinedLabel: SentimentLabel.optional(),
  /** False when the text was not scored (e.g. not a language the lexicon covers). */
  scored: z.boolean().default(true),
});
export type Sentiment = z.infer<typeof Sentiment>;

export const ThemeHit = z.object({
  theme: z.string(),
  score: z.number().min(-1).max(1),
  label: SentimentLabel,
  evidence: z.string(),
});
export type ThemeHit = z.infer<typeof ThemeHit>;

export const INTENTS = ['recommend', 'churn', 'complaint', 'question', 'purchase'] as const;
export const Intent = z.enum(INTENTS);
export type Intent = z.infer<typeof Intent>;

/** The output of the NLP stage for one text; also the line shape of `earshot analyze`. */
export const Analysis = z.object({
  sentiment: Sentiment,
  themes: z.array(ThemeHit),
  intents: z.array(Intent),
  lang: z.string(),
  /** Near-duplicate fingerprint of `${title} ${text}` (16 hex digits): the same value as `fingerprint()` gives. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Analysis = z.infer<typeof Analysis>;
