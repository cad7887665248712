import { STEAM_APP_ID, STEAM_RATE_LIMITED_APP_ID, steamReviews, type DemoSteamReview } from '../data/steam.js';
import { send, sendJson, TYPES } from '../lib/http.js';
import type { Route } from './env.js';

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;
const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** Steam's cursors are opaque base64 with `+`, `/` and `=` in them: a client must URL-encode them. */
const cursorAt = (offset: number) => `AoJ+${Buffer.from(`pp/${offset}`).toString('base64')}`;
function offsetOf(cursor: string): number | null {
  if (cursor === '*') return 0;
  const m = /^AoJ\+([A-Za-z0-9+/=]+)$/.exec(cursor);
  const n = m ? /^pp\/(\d+)$/.exec(Buffer.from(m[1]!, 'base64').toString('utf8'))?.[1] : undefined;
  return n === undefined ? null : Number(n);
}

function review(r: DemoSteamReview): Record<string, unknown> {
  return {
    recommendationid: r.recommendationid,
    author: {
      steamid: r.steamid,
      num_games_owned: 0,
      num_reviews: 3,
      playtime_forever: r.playtimeForever,
      playtime_last_two_weeks: 0,
      ...(r.playtimeAtReview !== undefined ? { playtime_at_review: r.playtimeAtReview } : {}),
      last_played: unix(r.updated),
    },
    language: r.language,
    review: r.review,
    timestamp_created: unix(r.created),
    timestamp_updated: unix(r.updated),
    voted_up: r.votedUp,
    votes_up: r.votesUp,
    votes_funny: r.votesFunny,
    weighted_vote_score: r.weightedVoteScore,
    comment_count: r.commentCount,
    steam_purchase: r.steamPurchase,
    received_for_free: r.receivedForFree,
    written_during_early_access: false,
    ...(r.developerResponse ? { developer_response: r.developerResponse.text, timestamp_dev_responded: unix(r.developerResponse.at) } : {}),
    primarily_steam_deck: false,
  };
}

/** Requests seen per rate-limited page, per site (the first of each is answered 429). */
const limited = new WeakMap<object, Set<string>>();

/**
 * `/appreviews/<appid>?json=1&cursor=…&num_per_page=…&filter=recent`: Steam's store review JSON. `query_summary`
 * carries the totals and the review score only on the first page (`cursor=*`); past the end `reviews` is empty and
 * the cursor comes back unchanged (a client that does not stop there loops forever); an unknown app answers
 * `{"success":2}`. App `2291741` answers each page's first request with 429 and `Retry-After: 1`.
 */
export const steamReviewsRoute: Route = {
  pattern: /^\/appreviews\/(\d+)\/?$/,
  handle(ctx, env) {
    const [appId = ''] = ctx.params;
    const q = ctx.url.searchParams;
    if (q.get('json') !== '1') return send(ctx, 200, TYPES.html, '<!doctype html><title>Steam</title><p>reviews</p>');
    if (appId !== STEAM_APP_ID && appId !== STEAM_RATE_LIMITED_APP_ID) return sendJson(ctx, { success: 2 });
    const cursor = q.get('cursor') ?? '*';
    const offset = offsetOf(cursor);
    if (offset === null) return sendJson(ctx, { success: 1, query_summary: { num_reviews: 0 }, reviews: [], cursor });
    if (appId === STEAM_RATE_LIMITED_APP_ID) {
      const seen = limited.get(env) ?? new Set<string>();
      limited.set(env, seen);
      if (!seen.has(cursor)) {
        seen.add(cursor);
        return send(ctx, 429, TYPES.text, 'Too Many Requests\n', { 'retry-after': '1' });
      }
    }
    const per = Math.min(MAX_PER_PAGE, Math.max(1, Number(q.get('num_per_page')) || DEFAULT_PER_PAGE));
    const all = steamReviews(env.data.now);
    const page = all.slice(offset, offset + per);
    const summary: Record<string, unknown> = { num_reviews: page.length };
    if (cursor === '*') {
      const positive = all.filter((r) => r.votedUp).length;
      Object.assign(summary, {
        review_score: 7,
        review_score_desc: 'Mostly Positive',
        total_positive: positive,
        total_negative: all.length - positive,
        total_reviews: all.length,
      });
    }
    sendJson(ctx, {
      success: 1,
      query_summary: summary,
      reviews: page.map(review),
      cursor: page.length ? cursorAt(offset + page.length) : cursor,
    });
  },
};
