import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher, queryDroppedNote } from './lib/brand-match.js';
import { CrawlError } from './lib/errors.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { engagement, itemBase, matchMention } from './lib/items.js';
import { RunScope, statusProblem, type CrawlerDeps } from './lib/run-scope.js';

/** The Data API's host. A source's `url` replaces it (e.g. the demo site). */
export const YOUTUBE_ORIGIN = 'https://www.googleapis.com';
/** The environment variable read for the API key unless the source names another (`keyEnv`). */
export const YOUTUBE_KEY_ENV = 'YOUTUBE_API_KEY';
/** How many of a channel's latest uploads are read. */
export const RECENT_VIDEOS = 5;
const PAGE_SIZE = 100;

const opt = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const CHANNEL_ID = /^UC[\w-]{22}$/;

const Comment = z.object({
  id: z.string().min(1),
  snippet: z.object({
    videoId: opt(z.string()),
    textOriginal: opt(z.string()),
    textDisplay: opt(z.string()),
    parentId: opt(z.string()),
    authorDisplayName: opt(z.string()),
    authorChannelUrl: opt(z.string()),
    likeCount: opt(z.number().nonnegative()),
    publishedAt: z.string().refine((d) => !Number.isNaN(Date.parse(d))),
    updatedAt: opt(z.string()),
  }),
});
type Comment = z.infer<typeof Comment>;
const Thread = z.object({
  id: z.string(),
  snippet: z.object({ topLevelComment: Comment, totalReplyCount: opt(z.number()) }),
  replies: opt(z.object({ comments: z.array(z.unknown()) })),
});
const ThreadPage = z.object({ items: z.array(z.unknown()).default([]), nextPageToken: opt(z.string()) });
const Channels = z.object({ items: z.array(z.object({ contentDetails: z.object({ relatedPlaylists: z.object({ uploads: z.string().min(1) }) }) })).default([]) });
const Uploads = z.object({ items: z.array(z.object({ contentDetails: z.object({ videoId: z.string().min(1) }) })).default([]) });
/** Google's error body: `{error: {code, message, errors: [{reason}]}}`. */
const ApiError = z.object({ error: z.object({ message: opt(z.string()), errors: opt(z.array(z.object({ reason: opt(z.string()) }))) }) });

/** One API GET; a Google error body becomes a CrawlError naming its reason (`commentsDisabled`, `quotaExceeded` …). */
async function api(scope: RunScope, url: string, what: string): Promise<unknown> {
  const res = await scope.fetch(url, { headers: { accept: 'application/json' } });
  let body: unknown;
  try {
    body = JSON.parse(res.body.toString('utf8'));
  } catch {
    body = undefined;
  }
  const err = ApiError.safeParse(body);
  const shown = url.replace(/([?&]key=)[^&]*/, '$1…');
  if (res.status >= 400 && err.success) {
    const reason = err.data.error.errors?.[0]?.reason ?? `HTTP ${res.status}`;
    const cls = reason === 'commentsDisabled' || /NotFound$/.test(reason) ? 'content' : res.status === 400 || res.status === 403 || res.status === 429 ? 'blocked' : 'network';
    throw Object.assign(new CrawlError(cls, `YouTube API: ${reason}: ${err.data.error.message ?? ''}`.trim(), shown), { reason });
  }
  const problem = statusProblem({ ...res, url: shown });
  if (problem) throw problem;
  if (body === undefined) throw new CrawlError('parse', `unexpected answer: not JSON (${what})`, shown);
  return body;
}

function toItem(scope: RunScope, c: Comment, video: { id: string; title?: string }): RawItem {
  const s = c.snippet;
  const item: RawItem = {
    ...itemBase(scope),
    externalId: c.id,
    url: `https://www.youtube.com/watch?v=${video.id}&lc=${c.id}`,
    author: { ...(s.authorDisplayName ? { name: s.authorDisplayName, handle: s.authorDisplayName.startsWith('@') ? s.authorDisplayName : undefined } : {}), ...(s.authorChannelUrl ? { url: s.authorChannelUrl } : {}) },
    text: (s.textOriginal ?? s.textDisplay ?? '').trim(),
    publishedAt: new Date(s.publishedAt),
    engagement: engagement({ likes: s.likeCount }),
    competitors: [],
    meta: { videoId: video.id, kind: s.parentId ? 'reply' : 'comment', ...(s.parentId ? { parentId: s.parentId } : {}) },
  };
  if (!item.author.handle) delete item.author.handle;
  return item;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const origin = (ctx.source.url ?? YOUTUBE_ORIGIN).replace(/\/+$/, '');
  const keyEnv = ctx.source.keyEnv ?? YOUTUBE_KEY_ENV;
  const key = process.env[keyEnv]?.trim();
  if (!key) {
    scope.failures.push({ class: 'content', url: origin, reason: `a youtube source needs a YouTube Data API key in ${keyEnv}` });
    return scope.outcome([]);
  }
  const base = `${origin}/youtube/v3`;
  const q = (params: Record<string, string>) => new URLSearchParams({ ...params, key }).toString();
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];

  // Channels become their latest uploads; anything else is a video id.
  const videos: string[] = [];
  for (const id of ctx.source.ids ?? []) {
    if (!CHANNEL_ID.test(id)) {
      videos.push(id);
      continue;
    }
    try {
      const url = `${base}/channels?${q({ part: 'contentDetails', id })}`;
      const ch = parseAnswer(Channels, await api(scope, url, 'channel list'), url, 'YouTube channel list');
      scope.pageDone(url.replace(key, '…'), items.length);
      const uploads = ch.items[0]?.contentDetails.relatedPlaylists.uploads;
      if (!uploads) {
        scope.failures.push({ class: 'content', url: `https://www.youtube.com/channel/${id}`, reason: `no YouTube channel ${id}` });
        continue;
      }
      const purl = `${base}/playlistItems?${q({ part: 'contentDetails', playlistId: uploads, maxResults: String(RECENT_VIDEOS) })}`;
      const list = parseAnswer(Uploads, await api(scope, purl, 'uploads'), purl, 'YouTube playlist items');
      scope.pageDone(purl.replace(key, '…'), items.length);
      videos.push(...list.items.map((i) => i.contentDetails.videoId));
    } catch (err) {
      scope.fail(err, `https://www.youtube.com/channel/${id}`, 'parse');
      if ((err as CrawlError).failureClass === 'blocked') break;
    }
  }

  let stop = false;
  for (const videoId of [...new Set(videos)]) {
    if (stop) break;
    const feed = cursors.feed(videoId);
    let token: string | undefined;
    while (!scope.aborted && scope.pages < maxPages && items.length < maxItems) {
      const url = `${base}/commentThreads?${q({ part: 'snippet,replies', videoId, maxResults: String(PAGE_SIZE), order: 'time', textFormat: 'plainText', ...(token ? { pageToken: token } : {}) })}`;
      let page: z.infer<typeof ThreadPage>;
      try {
        page = parseAnswer(ThreadPage, await api(scope, url, 'comment threads'), url.replace(key, '…'), 'YouTube comment thread list');
      } catch (err) {
        if ((err as { reason?: string }).reason === 'commentsDisabled') {
          scope.note(`comments are turned off on video ${videoId}`);
          cursors.completed(videoId);
        } else {
          scope.fail(err, `https://www.youtube.com/watch?v=${videoId}`, 'parse');
          stop = (err as CrawlError).failureClass === 'blocked'; // a bad key or spent quota fails every other call too
        }
        break;
      }
      scope.pageDone(url.replace(key, '…'), items.length);
      const tops: RawItem[] = [];
      for (const t of validItems(Thread, page.items).items) {
        const top = toItem(scope, t.snippet.topLevelComment, { id: videoId });
        tops.push(top);
        const replies = validItems(Comment, t.replies?.comments ?? []).items.map((r) => toItem(scope, r, { id: videoId }));
        for (const item of [top, ...replies]) {
          if (!feed.observe(item.externalId!, item.publishedAt) || items.length >= maxItems) continue;
          if (!matchMention(matcher, item)) continue;
          items.push(item);
        }
      }
      if (!page.nextPageToken || feed.reachedSeen(tops)) {
        cursors.completed(videoId);
        break;
      }
      token = page.nextPageToken;
    }
  }
  if (scope.pages >= maxPages) scope.note(`stopped at limits.maxPages (${maxPages})`);
  const dropped = queryDroppedNote(matcher);
  if (dropped) scope.note(dropped);
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** A `youtube` crawler; `deps` are for tests. */
export function createYouTubeCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'youtube', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Comments (and their inline replies) on YouTube videos through the Data API v3 `commentThreads` (newest first, 100
 * a page), for given video ids or a channel's latest uploads (`UC…` ids, via `channels` → uploads playlist). Each
 * comment must name the brand (the brand query or aliases), like other mention sources. The key comes from the
 * environment (`YOUTUBE_API_KEY`, or the variable the source's `keyEnv` names). Source: `ids`, `url`.
 */
export const youtubeCrawler: SourceCrawler = createYouTubeCrawler();
