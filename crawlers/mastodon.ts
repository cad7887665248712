import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher, queryDroppedNote } from './lib/brand-match.js';
import { htmlToText } from './lib/html-text.js';
import { engagement, itemBase, matchMention } from './lib/items.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';
import type { CursorValue } from '../src/store/store.js';

const PAGE_SIZE = 40;

/** An optional field: absent, or a wrong type, reads as undefined rather than costing the status. */
const opt = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);

/** One status of a timeline; `id`, `uri` and a parsable `created_at` are what make it usable. */
const Status = z.object({
  id: z.string().min(1),
  created_at: z.string().refine((d) => !Number.isNaN(Date.parse(d))),
  url: opt(z.string()),
  uri: z.string().catch(''),
  content: opt(z.string()),
  spoiler_text: opt(z.string()),
  language: opt(z.string()),
  replies_count: opt(z.number()),
  reblogs_count: opt(z.number()),
  favourites_count: opt(z.number()),
  sensitive: opt(z.boolean()),
  reblog: z.unknown().optional(),
  tags: opt(z.array(z.object({ name: z.string() }).nullable().catch(null))),
  account: opt(
    z.object({
      acct: opt(z.string()),
      username: opt(z.string()),
      display_name: opt(z.string()),
      url: opt(z.string()),
      followers_count: opt(z.number()),
    }),
  ),
});
type Status = z.infer<typeof Status>;
/** A timeline page: a list of statuses (checked one by one). */
const Timeline = z.array(z.unknown());

/** Status ids are numeric strings (snowflakes): compare them as numbers, not text. */
const newer = (a: string, b: string | undefined) => !b || (/^\d+$/.test(a) && /^\d+$/.test(b) ? BigInt(a) > BigInt(b) : a > b);

/** The instance origin and the hashtags: from `ids`, or the tag in a `…/timelines/tag/<tag>` url, or the aliases. */
function targets(ctx: CrawlContext): { origin: string; tags: string[] } {
  const url = new URL(ctx.source.url!);
  const fromUrl = /\/api\/v1\/timelines\/tag\/([^/?#]+)/.exec(url.pathname)?.[1];
  const tags = ctx.source.ids?.length
    ? ctx.source.ids
    : fromUrl
      ? [decodeURIComponent(fromUrl)]
      : ctx.brand.aliases.map((a) => a.replace(/[^\p{L}\p{N}_]/gu, '').toLowerCase());
  return { origin: url.origin, tags: [...new Set(tags.map((t) => t.replace(/^#/, '')).filter(Boolean))] };
}

function toItem(scope: RunScope, s: Status): RawItem {
  const body = htmlToText(s.content);
  const acct = s.account?.acct;
  const item: RawItem = {
    ...itemBase(scope),
    externalId: s.uri || s.url || s.id,
    url: s.url || s.uri,
    author: {
      ...(s.account?.display_name || s.account?.username ? { name: s.account.display_name || s.account.username } : {}),
      ...(acct ? { handle: `@${acct}` } : {}),
      ...(s.account?.url ? { url: s.account.url } : {}),
      ...(typeof s.account?.followers_count === 'number' ? { followers: s.account.followers_count } : {}),
    },
    text: s.spoiler_text ? `${s.spoiler_text}\n\n${body}` : body,
    publishedAt: new Date(s.created_at),
    engagement: engagement({ likes: s.favourites_count, shares: s.reblogs_count, comments: s.replies_count }),
    competitors: [],
    meta: { statusId: s.id, sensitive: !!s.sensitive, tags: (s.tags ?? []).flatMap((t) => (t ? [t.name] : [])).join(',') },
  };
  if (s.language) item.lang = s.language;
  return item;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  if (!ctx.source.url) {
    scope.failures.push({ class: 'content', url: '', reason: 'a mastodon source needs the instance url' });
    return scope.outcome([]);
  }
  const { origin, tags } = targets(ctx);
  const matcher = brandMatcher(ctx.brand);
  const previous = (!ctx.full && (ctx.cursor?.sinceIds as Record<string, string> | undefined)) || {};
  const sinceIds: Record<string, string> = { ...previous };
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];
  const kept = new Set<string>();

  for (const tag of tags) {
    const since = previous[tag];
    let maxId: string | undefined;
    let newest: string | undefined;
    let complete = false;
    while (!scope.aborted && scope.pages < maxPages && items.length < maxItems) {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (since) params.set('since_id', since);
      if (maxId) params.set('max_id', maxId);
      const url = `${origin}/api/v1/timelines/tag/${encodeURIComponent(tag)}?${params}`;
      let statuses: Status[];
      let rawCount: number;
      try {
        const page = parseAnswer(Timeline, (await scope.fetchJson(url)).data, url, 'Mastodon timeline (an array of statuses)');
        rawCount = page.length;
        statuses = validItems(Status, page).items;
      } catch (err) {
        scope.fail(err, url, 'parse');
        break;
      }
      scope.pageDone(url, items.length);
      for (const s of statuses) {
        if (newer(s.id, newest)) newest = s.id;
        if (s.reblog) continue;
        const item = toItem(scope, s);
        if (kept.has(item.externalId!) || !matchMention(matcher, item) || items.length >= maxItems) continue;
        kept.add(item.externalId!);
        items.push(item);
      }
      if (rawCount < PAGE_SIZE || statuses.length === 0) {
        complete = true;
        break;
      }
      maxId = statuses.reduce((min, s) => (newer(min, s.id) ? s.id : min), statuses[0]!.id);
    }
    // Only a timeline read down to the old since_id may advance it; otherwise the next run would skip the gap.
    if (newest && (complete || !since)) sinceIds[tag] = complete || !previous[tag] ? newest : previous[tag];
  }
  const cursor: CursorValue = { updatedAt: scope.collectedAt, sinceIds };
  const newestItem = items.reduce<RawItem | undefined>((a, b) => (!a || b.publishedAt > a.publishedAt ? b : a), undefined);
  if (newestItem) cursor.lastPublishedAt = newestItem.publishedAt;
  const dropped = queryDroppedNote(matcher);
  if (dropped) scope.note(dropped);
  return scope.outcome(items, scope.pages > 0 ? cursor : undefined);
}

/** A `mastodon` crawler; `deps` are for tests. */
export function createMastodonCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'mastodon', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Public statuses for hashtags from `GET /api/v1/timelines/tag/:hashtag` on the instance at `url`: `since_id` for
 * incremental runs, `max_id` paging, HTML content as text, favourites/boosts/replies as engagement.
 * Source: `url` (instance), `ids` (hashtags; default the tag in the url, else the aliases without spaces).
 */
export const mastodonCrawler: SourceCrawler = createMastodonCrawler();
