import { YT_CHANNEL_ID, YT_UPLOADS_ID, ytVideos, type DemoYtComment } from '../data/youtube.js';
import { sendJson } from '../lib/http.js';
import type { Route } from './env.js';

/** The key the demo accepts (`YOUTUBE_API_KEY=demo-key`); any other answers 400 keyInvalid, as Google does. */
export const YT_DEMO_KEY = 'demo-key';

function apiError(ctx: Parameters<Route['handle']>[0], code: number, reason: string, message: string): void {
  sendJson(ctx, { error: { code, message, errors: [{ message, domain: reason === 'keyInvalid' ? 'usageLimits' : 'youtube.commentThread', reason }] } }, {}, code);
}

function comment(videoId: string, c: DemoYtComment, parentId?: string): Record<string, unknown> {
  return {
    kind: 'youtube#comment',
    etag: `e${c.id.slice(-8)}`,
    id: parentId ? `${parentId}.${c.id.slice(3, 15)}` : c.id,
    snippet: {
      channelId: YT_CHANNEL_ID,
      videoId,
      textDisplay: c.text.replace(/&/g, '&amp;'),
      textOriginal: c.text,
      ...(parentId ? { parentId } : {}),
      authorDisplayName: c.author,
      authorProfileImageUrl: 'https://yt3.ggpht.example/a.jpg',
      authorChannelUrl: `http://www.youtube.com/${c.author}`,
      authorChannelId: { value: `UC${c.author.replace(/\W/g, '').padEnd(22, 'x').slice(0, 22)}` },
      canRate: true,
      viewerRating: 'none',
      likeCount: c.likes,
      publishedAt: c.publishedAt.toISOString().replace(/\.000Z$/, 'Z'),
      updatedAt: c.updatedAt.toISOString().replace(/\.000Z$/, 'Z'),
    },
  };
}

/**
 * `/youtube/v3/{channels,playlistItems,commentThreads}`: the YouTube Data API v3 as a key-holding client sees it.
 * `channels?part=contentDetails&id=` gives the uploads playlist, `playlistItems` its videos newest first,
 * `commentThreads?part=snippet,replies&videoId=&order=time` 100 threads a page with `nextPageToken` (absent on the
 * last page), replies inline; comments turned off answer 403 `commentsDisabled`; a wrong key 400 `keyInvalid`.
 */
export const youtubeRoute: Route = {
  pattern: /^\/youtube\/v3\/(channels|playlistItems|commentThreads)$/,
  handle(ctx, env) {
    const [what] = ctx.params;
    const q = ctx.url.searchParams;
    // A key whose daily quota is spent: Google answers 403 quotaExceeded (not 429) until midnight Pacific.
    if (q.get('key') === 'spent-key') return apiError(ctx, 403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.');
    if (q.get('key') !== YT_DEMO_KEY) return apiError(ctx, 400, 'keyInvalid', 'API key not valid. Please pass a valid API key.');
    const videos = ytVideos(env.data.now);
    if (what === 'channels') {
      const ids = (q.get('id') ?? '').split(',');
      const items = ids.includes(YT_CHANNEL_ID) ? [{ kind: 'youtube#channel', etag: 'ch', id: YT_CHANNEL_ID, contentDetails: { relatedPlaylists: { likes: '', uploads: YT_UPLOADS_ID } } }] : [];
      return sendJson(ctx, { kind: 'youtube#channelListResponse', etag: 'chl', pageInfo: { totalResults: items.length, resultsPerPage: 5 }, ...(items.length ? { items } : {}) });
    }
    if (what === 'playlistItems') {
      if (q.get('playlistId') !== YT_UPLOADS_ID) return apiError(ctx, 404, 'playlistNotFound', 'The playlist identified with the request\'s playlistId parameter cannot be found.');
      const max = Math.min(50, Number(q.get('maxResults') ?? 5) || 5);
      const items = videos.slice(0, max).map((v, i) => ({
        kind: 'youtube#playlistItem',
        etag: `pi${i}`,
        id: `UEx${v.id}`,
        contentDetails: { videoId: v.id, videoPublishedAt: v.publishedAt.toISOString() },
      }));
      return sendJson(ctx, { kind: 'youtube#playlistItemListResponse', etag: 'pil', items, pageInfo: { totalResults: videos.length, resultsPerPage: max } });
    }
    const video = videos.find((v) => v.id === q.get('videoId'));
    if (!video) return apiError(ctx, 404, 'videoNotFound', 'The video identified by the videoId parameter could not be found.');
    if (video.commentsDisabled) return apiError(ctx, 403, 'commentsDisabled', 'The video identified by the videoId parameter has disabled comments.');
    const max = Math.min(100, Number(q.get('maxResults') ?? 20) || 20);
    const start = Number(/^p(\d+)$/.exec(q.get('pageToken') ?? '')?.[1] ?? 0);
    const page = video.threads.slice(start, start + max);
    const next = start + max < video.threads.length ? `p${start + max}` : undefined;
    sendJson(ctx, {
      kind: 'youtube#commentThreadListResponse',
      etag: `ctl${start}`,
      ...(next ? { nextPageToken: next } : {}),
      pageInfo: { totalResults: page.length, resultsPerPage: max },
      items: page.map((t) => ({
        kind: 'youtube#commentThread',
        etag: `t${t.top.id.slice(-6)}`,
        id: t.top.id,
        snippet: { channelId: YT_CHANNEL_ID, videoId: video.id, topLevelComment: comment(video.id, t.top), canReply: true, totalReplyCount: t.replies.length, isPublic: true },
        ...(t.replies.length ? { replies: { comments: t.replies.map((r) => comment(video.id, r, t.top.id)) } } : {}),
      })),
    });
  },
};
