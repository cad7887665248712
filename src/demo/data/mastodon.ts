import { toots } from '../corpus/mastodon.js';
import { hash32 } from '../lib/prng.js';
import { ago, DAY_MS, ID_HORIZON_MS } from './time.js';
import type { DemoToot } from './types.js';

/** Snowflake ids carry a millisecond timestamp; ours counts from this fixed instant, never from `now`. */
const ID_EPOCH_MS = Date.UTC(2024, 0, 1);

/** Mastodon-style id: (timestamp ms << 16) | 16 stable bits, as a decimal string. Grows with time. */
function snowflake(ageMs: number, key: string): string {
  const ms = BigInt(ID_EPOCH_MS + Math.round(ID_HORIZON_MS - ageMs));
  return ((ms << 16n) | BigInt(hash32(key) & 0xffff)).toString();
}

/** Lowercased `#hashtags` of a text, first occurrence order. */
function hashtags(text: string): string[] {
  return [...new Set((text.match(/#\w+/g) ?? []).map((t) => t.slice(1).toLowerCase()))];
}

/** Every Mastodon status, newest first (by id, which follows the posting time). */
export function buildToots(now: Date): DemoToot[] {
  return toots
    .map(({ daysAgo, ...t }) => {
      const ageMs = daysAgo * DAY_MS;
      return {
        ...t,
        id: snowflake(ageMs, `toot|${t.user}|${t.text}`),
        createdAt: ago(now, ageMs),
        lang: t.lang ?? 'en',
        replies: t.replies ?? 0,
        boosts: t.boosts ?? 0,
        favs: t.favs ?? 0,
        tags: hashtags(t.text),
      };
    })
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0));
}
