import { z } from 'zod';
import { SourceKind } from './source-kind.js';

export const Author = z.object({
  name: z.string().optional(),
  handle: z.string().optional(),
  url: z.string().optional(),
  /** Followers or karma where the source gives it: used as reach. */
  followers: z.number().nonnegative().optional(),
});
export type Author = z.infer<typeof Author>;

/** A rating kept exactly as the source gave it (e.g. 8 of 10); `stars` on a Mention is the 1–5 normalisation. */
export const Rating = z.object({
  value: z.number(),
  best: z.number().positive().default(5),
  worst: z.number().default(1),
});
export type Rating = z.infer<typeof Rating>;

export const Engagement = z.object({
  likes: z.number().nonnegative().default(0),
  shares: z.number().nonnegative().default(0),
  comments: z.number().nonnegative().default(0),
  upvotes: z.number().nonnegative().default(0),
  views: z.number().nonnegative().default(0),
});
export type Engagement = z.infer<typeof Engagement>;

export const SourceRef = z.object({
  kind: SourceKind,
  name: z.string().min(1),
  url: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** The business's or developer's public answer to a review, kept with it: answered vs unanswered for recovery. */
export const Reply = z.object({
  text: z.string(),
  at: z.coerce.date().optional(),
});
export type Reply = z.infer<typeof Reply>;

/** What a crawler produces: one review, post, comment or article, before any analysis. */
export const RawItem = z.object({
  brand: z.string().min(1),
  source: SourceRef,
  /** The source's own id for the item; absent when it has none (then a content hash is used). */
  externalId: z.string().min(1).optional(),
  url: z.string(),
  author: Author.default({}),
  title: z.string().optional(),
  text: z.string(),
  rating: Rating.optional(),
  publishedAt: z.coerce.date(),
  collectedAt: z.coerce.date(),
  engagement: Engagement.optional(),
  /** Language code when the source states it (e.g. a feed's xml:lang). */
  lang: z.string().optional(),
  /** The developer's or business's reply to a review, where the source shows one. */
  reply: Reply.optional(),
  /** Competitor ids named in the item, found by the crawler's brand matching. */
  competitors: z.array(z.string()).default([]),
  /** Kind-specific extras worth keeping (app version, subreddit, post vs comment …). */
  meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type RawItem = z.infer<typeof RawItem>;
export type RawItemInput = z.input<typeof RawItem>;
