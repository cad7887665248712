import type { DemoToot } from '../data/types.js';
import { esc, rfc822 } from '../lib/html.js';
import { notFound, send, sendJson, TYPES } from '../lib/http.js';
import { shortId } from '../lib/prng.js';
import { intParam } from '../lib/query.js';
import type { Route } from './env.js';

/** Status HTML as Mastodon renders it: paragraphs, hashtags as links. */
function contentHtml(origin: string, t: DemoToot): string {
  const inline = (p: string) =>
    p.split(/(#\w+)/).map((part) => {
      if (!/^#\w+$/.test(part)) return esc(part);
      const tag = part.slice(1);
      return `<a href="${origin}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`;
    }).join('');
  return t.text.split(/\n{2,}/).map((p) => `<p>${inline(p)}</p>`).join('');
}

/** The host the demo's own statuses are known by (their `uri`). */
const LOCAL_INSTANCE = 'social.demo.example';

function accountId(t: DemoToot): string {
  return String(100_000 + (parseInt(shortId(`acct|${t.user}|${t.instance ?? ''}`), 36) % 900_000_000));
}

function status(origin: string, t: DemoToot): Record<string, unknown> {
  const accountUrl = t.instance ? `https://${t.instance}/@${t.user}` : `${origin}/@${t.user}`;
  const created = t.createdAt.toISOString();
  return {
    id: t.id,
    created_at: created,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: t.lang,
    // A status's uri is its permanent ActivityPub id: on the demo's own instance it names a fixed host, not the
    // site's random port, so a re-crawl on another port finds the same mentions (the url stays clickable).
    uri: `https://${t.instance ?? LOCAL_INSTANCE}/users/${t.user}/statuses/${t.id}`,
    url: t.instance ? `https://${t.instance}/@${t.user}/${t.id}` : `${origin}/@${t.user}/${t.id}`,
    replies_count: t.replies,
    reblogs_count: t.boosts,
    favourites_count: t.favs,
    edited_at: null,
    content: contentHtml(origin, t),
    reblog: null,
    account: {
      id: accountId(t),
      username: t.user,
      acct: t.instance ? `${t.user}@${t.instance}` : t.user,
      display_name: t.display,
      locked: false,
      bot: t.user.endsWith('bot'),
      created_at: '2022-11-07T00:00:00.000Z',
      note: '',
      url: accountUrl,
      avatar: `${origin}/avatars/original/missing.png`,
      followers_count: t.followers,
      following_count: Math.round(t.followers / 3),
      statuses_count: 200 + (t.followers % 1700),
    },
    media_attachments: [],
    mentions: [],
    tags: t.tags.map((name) => ({ name, url: `${origin}/tags/${name}` })),
    emojis: [],
    card: null,
    poll: null,
  };
}

const isTag = (s: string) => /^[\p{L}\p{N}_]+$/u.test(s);
const gt = (a: string, b: string) => BigInt(a) > BigInt(b);
const asId = (s: string | null) => (s !== null && /^\d{1,25}$/.test(s) ? s : null);

/**
 * `/api/v1/timelines/tag/<hashtag>?limit=&max_id=&since_id=&min_id=`: statuses newest first (limit default 20,
 * max 40) with Mastodon's `Link` header (`rel="next"` → older via max_id, `rel="prev"` → newer via min_id).
 */
export const mastodonTagRoute: Route = {
  pattern: /^\/api\/v1\/timelines\/tag\/([^/]+)\/?$/,
  handle(ctx, env) {
    const tag = (ctx.params[0] ?? '').toLowerCase();
    if (!isTag(tag)) return sendJson(ctx, { error: 'Record not found' }, {}, 404);
    const sp = ctx.url.searchParams;
    const limit = intParam(sp.get('limit'), 20, 1, 40);
    const maxId = asId(sp.get('max_id'));
    const sinceId = asId(sp.get('since_id'));
    const minId = asId(sp.get('min_id'));
    let list = env.data.toots.filter((t) => t.tags.includes(tag)); // newest first
    if (maxId) list = list.filter((t) => gt(maxId, t.id));
    if (sinceId) list = list.filter((t) => gt(t.id, sinceId));
    if (minId) {
      // The statuses immediately newer than min_id, still returned newest first.
      list = list.filter((t) => gt(t.id, minId));
      list = list.slice(Math.max(0, list.length - limit));
    } else {
      list = list.slice(0, limit);
    }
    const headers: Record<string, string> = {};
    if (list.length) {
      const base = `${ctx.origin}/api/v1/timelines/tag/${encodeURIComponent(tag)}`;
      const lim = sp.get('limit') ? `limit=${limit}&` : '';
      headers.link = `<${base}?${lim}max_id=${list[list.length - 1]!.id}>; rel="next", <${base}?${lim}min_id=${list[0]!.id}>; rel="prev"`;
    }
    sendJson(ctx, list.map((t) => status(ctx.origin, t)), headers);
  },
};

/** `/tags/<hashtag>.rss`: Mastodon's hashtag RSS (no item titles; the status HTML is the description). */
export const mastodonRssRoute: Route = {
  pattern: /^\/tags\/([^/]+)\.rss$/,
  handle(ctx, env) {
    const tag = (ctx.params[0] ?? '').toLowerCase();
    if (!isTag(tag)) return notFound(ctx);
    const list = env.data.toots.filter((t) => t.tags.includes(tag)).slice(0, 20);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>#${esc(tag)}</title>
    <description>Public posts tagged #${esc(tag)}</description>
    <link>${esc(ctx.origin)}/tags/${esc(tag)}</link>
    <lastBuildDate>${rfc822(list[0]?.createdAt ?? env.data.now)}</lastBuildDate>
    <generator>Mastodon v4.2.10</generator>
${list.map((t) => {
      const s = status(ctx.origin, t);
      return `    <item>
      <guid isPermaLink="true">${esc(String(s.url))}</guid>
      <link>${esc(String(s.url))}</link>
      <pubDate>${rfc822(t.createdAt)}</pubDate>
      <description>${esc(String(s.content))}</description>
${t.tags.map((x) => `      <category>${esc(x)}</category>`).join('\n')}
    </item>`;
    }).join('\n')}
  </channel>
</rss>
`;
    send(ctx, 200, TYPES.rss, xml);
  },
};
