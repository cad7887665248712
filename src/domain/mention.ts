import { z } from 'zod';
import { Analysis } from './analysis.js';
import { Author, Engagement, Rating, Reply, SourceRef } from './raw-item.js';

/** A stored, analysed item. `_id` is stable (see `mentionId`), so re-crawling never duplicates. */
export const Mention = z.object({
  _id: z.string().min(1),
  brand: z.string().min(1),
  source: SourceRef,
  externalId: z.string(),
  url: z.string(),
  author: Author.default({}),
  title: z.string().optional(),
  text: z.string(),
  lang: z.string(),
  rating: Rating.optional(),
  /** Rating normalised to 1–5. */
  stars: z.number().min(1).max(5).optional(),
  publishedAt: z.coerce.date(),
  collectedAt: z.coerce.date(),
  engagement: Engagement.optional(),
  /** The developer's or business's reply, where the source shows one (see `RawItem.reply`). */
  reply: Reply.optional(),
  sentiment: Analysis.shape.sentiment,
  themes: Analysis.shape.themes,
  intents: Analysis.shape.intents,
  competitors: z.array(z.string()).default([]),
  /** Near-duplicate fingerprint (hex), used to find copies and syndicated reposts. */
  fingerprint: z.string().optional(),
  /** Band keys of the fingerprint (locality-sensitive hashing), indexed to find near-duplicates fast. */
  dupKeys: z.array(z.string()).optional(),
  /** `_id` of the earlier mention this one copies; reports count it once. */
  duplicateOf: z.string().optional(),
  /**
   * When a user marked it "not about us" (a namesake, spam): it then counts nowhere — reports, rollups, alerts — and
   * stays stored as data for the brand's query. Kept across re-crawls; who and why are in its workflow record.
   */
  notAboutUs: z.coerce.date().optional(),
  /**
   * When retention (`retention.rawTextDays`) removed its raw text and author details: `text` is empty, `title`,
   * `author`, theme evidence and sentiment explanations are gone; scores, labels, themes and counts stay.
   */
  rawTextPrunedAt: z.coerce.date().optional(),
  meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  analyzerVersion: z.string(),
});
export type Mention = z.infer<typeof Mention>;

/**
 * The mentions that count, as a filter every report, rollup and alert query applies: copies (`duplicateOf` set) count
 * once, through their original, and a mention marked "not about us" counts nowhere.
 */
export const COUNTED = { duplicateOf: null, notAboutUs: null } as const;

/**
 * Mentions whose source gave no date are stored dated at first collection and flagged `meta.dateMissing`: they count
 * in the stored totals (lists, exports, counts) but in no time bucket — not in rollups (so not in any trend, themes or
 * share-of-voice interval, nor in the advocacy report's NPS and churn counts) and not in an alert window — since the day they were collected says nothing about when
 * they were written. Rollups and alert queries apply this next to `COUNTED` (alerts in the bucket key, to keep
 * their `$group` in SQL).
 */
export const DATED = { 'meta.dateMissing': { $ne: true } } as const;
/**
 * An aggregation expression true for a dated mention: `meta.dateMissing` absent (or null). Written as a comparison
 * with null (a missing field evaluates to null in MongoDB's aggregation comparisons, as in mingo) so the SQLite
 * store still runs a `$group` keyed by it in SQL.
 */
export const IS_DATED_EXPR = { $eq: ['$meta.dateMissing', null] } as const;
