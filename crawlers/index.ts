import type { SourceKind } from '../src/domain/index.js';
import type { SourceCrawler } from './crawler.js';
import { appStoreCrawler } from './appstore.js';
import { hackerNewsCrawler } from './hackernews.js';
import { mastodonCrawler } from './mastodon.js';
import { redditCrawler } from './reddit.js';
import { reviewsJsonLdCrawler } from './reviews-jsonld.js';
import { rssCrawler } from './rss.js';
import { siteProfileCrawler } from './site-profile.js';
import { steamCrawler } from './steam.js';
import { trustpilotCrawler } from './trustpilot.js';
import { youtubeCrawler } from './youtube.js';
import { blueskyCrawler } from './bluesky.js';
import { googlePlayCrawler } from './googleplay.js';

/** Every crawler by source kind. */
export const crawlers: Record<SourceKind, SourceCrawler> = {
  'reviews-jsonld': reviewsJsonLdCrawler,
  'site-profile': siteProfileCrawler,
  rss: rssCrawler,
  reddit: redditCrawler,
  hackernews: hackerNewsCrawler,
  mastodon: mastodonCrawler,
  appstore: appStoreCrawler,
  steam: steamCrawler,
  trustpilot: trustpilotCrawler,
  youtube: youtubeCrawler,
  bluesky: blueskyCrawler,
  googleplay: googlePlayCrawler,
};

/** The crawler for `kind`; throws a one-line error for an unknown kind. */
export function crawlerFor(kind: SourceKind): SourceCrawler {
  const crawler = (crawlers as Partial<Record<string, SourceCrawler>>)[kind];
  if (!crawler) throw new Error(`no crawler for source kind "${kind}" (known: ${Object.keys(crawlers).join(', ')})`);
  return crawler;
}
