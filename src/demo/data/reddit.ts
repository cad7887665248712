import { redditPosts } from '../corpus/reddit.js';
import type { CommentSeed, RedditPostSeed } from '../corpus/types.js';
import { shortId } from '../lib/prng.js';
import { ago, DAY_MS, HOUR_MS, newestFirst } from './time.js';
import type { DemoComment, DemoRedditPost } from './types.js';

/** A crosspost goes up an hour after its original and collects a fraction of its score. */
const CROSSPOST_DELAY_MS = HOUR_MS;
const CROSSPOST_SCORE_SHARE = 0.2;

/** Reddit-style 7-character base-36 id, a hash of where and what was posted (never of `now`). */
const redditId = (key: string) => shortId(`reddit|${key}`).slice(0, 7);

/** A comment tree; each reply is posted `after` hours (default 2) after its parent, and never in the future. */
function comments(seeds: CommentSeed[], parentKey: string, parentAgeMs: number, now: Date): DemoComment[] {
  return seeds.map((c, i) => {
    const key = `${parentKey}/${i}`;
    const ageMs = Math.max(60_000, parentAgeMs - (c.after ?? 2) * HOUR_MS);
    return {
      id: redditId(key),
      author: c.author,
      body: c.text,
      score: c.score ?? 1,
      createdAt: ago(now, ageMs),
      replies: comments(c.replies ?? [], key, ageMs, now),
    };
  });
}

function post(seed: RedditPostSeed, sub: string, ageMs: number, now: Date): DemoRedditPost {
  const id = redditId(`${sub}|${seed.title}`);
  return {
    id,
    sub,
    title: seed.title,
    selftext: seed.text ?? '',
    ...(seed.link ? { link: seed.link } : {}),
    author: seed.author,
    createdAt: ago(now, ageMs),
    score: seed.score,
    comments: comments(seed.comments ?? [], id, ageMs, now),
  };
}

/** Every reddit post (crossposts included), newest first. Ids are hashes of subreddit and title. */
export function buildRedditPosts(now: Date): DemoRedditPost[] {
  const posts = redditPosts.flatMap((seed) => {
    const ageMs = seed.daysAgo * DAY_MS;
    const original = post(seed, seed.sub, ageMs, now);
    if (!seed.crosspost) return [original];
    const copy = post({ ...seed, comments: [] }, seed.crosspost, ageMs - CROSSPOST_DELAY_MS, now);
    return [original, { ...copy, score: Math.round(seed.score * CROSSPOST_SCORE_SHARE), crosspostOf: original.id }];
  });
  return posts.sort(newestFirst((p) => p.createdAt, (p) => p.id));
}
