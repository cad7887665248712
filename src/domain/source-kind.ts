import { z } from 'zod';

/** Every source kind earshot can crawl. A crawler in `crawlers/<kind>.ts` exists for each. */
export const SOURCE_KINDS = [
  'reviews-jsonld',
  'site-profile',
  'rss',
  'reddit',
  'hackernews',
  'mastodon',
  'appstore',
  'steam',
  'trustpilot',
  'youtube',
  'bluesky',
  'googleplay',
] as const;

export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

/** Sources whose items are mentions found by searching, kept only when they name the brand. */
export const MENTION_KINDS: readonly SourceKind[] = ['rss', 'reddit', 'hackernews', 'mastodon', 'youtube', 'bluesky'];
