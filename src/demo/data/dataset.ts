import { articles } from '../corpus/articles.js';
import { buildAppReviews, STOREFRONTS } from './appstore.js';
import { buildHnItems } from './hackernews.js';
import { buildToots } from './mastodon.js';
import { buildRedditPosts } from './reddit.js';
import { buildReviews } from './reviews.js';
import { ago, DAY_MS, newestFirst } from './time.js';
import type { Dataset, DemoArticle } from './types.js';

/** News articles and blog posts, newest first. */
function buildArticles(now: Date): DemoArticle[] {
  return articles
    .map(({ daysAgo, ...a }) => ({ ...a, publishedAt: ago(now, daysAgo * DAY_MS) }))
    .sort(newestFirst((a) => a.publishedAt, (a) => a.slug));
}

/**
 * Turns the hand-written corpus into everything the demo site serves: id-stamped, dated records relative to `now`.
 * Deterministic: the same `now` gives the same dataset, and ids never depend on `now`.
 */
export function buildDataset(now: Date): Dataset {
  return {
    now,
    reviews: buildReviews(now),
    appReviews: Object.fromEntries(Object.keys(STOREFRONTS).map((cc) => [cc, buildAppReviews(cc, now)])),
    articles: buildArticles(now),
    hnItems: buildHnItems(now),
    redditPosts: buildRedditPosts(now),
    toots: buildToots(now),
  };
}
