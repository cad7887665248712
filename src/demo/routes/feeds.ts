import type { DemoArticle } from '../data/types.js';
import { esc, isoSeconds, page, paragraphs, rfc822 } from '../lib/html.js';
import { notFound, send, TYPES } from '../lib/http.js';
import { hash52 } from '../lib/prng.js';
import { compileQuery } from '../lib/query.js';
import type { Route } from './env.js';

function articlePath(a: DemoArticle): string {
  return a.kind === 'news' ? `/news/articles/${a.slug}` : `/blog/posts/${a.slug}`;
}

/**
 * `/news/rss?q=`: an RSS 2.0 news search feed, newest first, HTML in `description`. `&quirk=unclosed` drops the
 * closing `</channel></rss>` (as a feed generator that dies before its last write does); `&quirk=truncated` also cuts
 * the last item off mid-way, as a connection dropped in the middle of the body.
 */
export const newsRssRoute: Route = {
  pattern: /^\/news\/rss\/?$/,
  handle(ctx, env) {
    const q = ctx.url.searchParams.get('q') ?? '';
    const match = compileQuery(q);
    const items = env.data.articles.filter((a) => a.kind === 'news' && match(`${a.title}\n${a.summary}\n${a.body}`));
    const self = `${ctx.origin}/news/rss${q ? `?q=${encodeURIComponent(q)}` : ''}`;
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<generator>DemoNews</generator><title>${esc(q ? `"${q}" - Demo News` : 'Demo News')}</title><link>${esc(self)}</link>
<atom:link href="${esc(self)}" rel="self" type="application/rss+xml"/>
<language>en-US</language><copyright>2025 Demo News</copyright><lastBuildDate>${rfc822(env.data.now)}</lastBuildDate>
<description>Demo News search results</description>
${items.map((a) => {
      const link = `${ctx.origin}${articlePath(a)}`;
      const html = `<a href="${link}" target="_blank">${esc(a.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${esc(a.by)}</font><p>${esc(a.summary)}</p>`;
      return `<item><title>${esc(`${a.title} - ${a.by}`)}</title><link>${esc(link)}</link><guid isPermaLink="false">demo-news-${esc(a.slug)}</guid>` +
        `<pubDate>${rfc822(a.publishedAt)}</pubDate><description>${esc(html)}</description><source url="${esc(ctx.origin)}/news/">${esc(a.by)}</source></item>`;
    }).join('\n')}
</channel></rss>
`;
    const quirk = ctx.url.searchParams.get('quirk');
    if (quirk === 'unclosed') return send(ctx, 200, TYPES.rss, xml.slice(0, xml.lastIndexOf('</channel>')));
    if (quirk === 'truncated') {
      const lastItem = xml.lastIndexOf('<item>');
      return send(ctx, 200, TYPES.rss, xml.slice(0, lastItem >= 0 ? xml.indexOf('<pubDate>', lastItem) + 12 : xml.lastIndexOf('</channel>')));
    }
    send(ctx, 200, TYPES.rss, xml);
  },
};

/** `/news/articles/<slug>` and `/blog/posts/<slug>`: the article pages feeds link to. */
export const articleRoute: Route = {
  pattern: /^\/(news\/articles|blog\/posts)\/([a-z0-9-]+)\/?$/,
  handle(ctx, env) {
    const [section, slug] = ctx.params;
    const kind = section === 'news/articles' ? 'news' : 'blog';
    const a = env.data.articles.find((x) => x.slug === slug && x.kind === kind);
    if (!a) return notFound(ctx, 'No such article');
    const head = `<meta property="og:title" content="${esc(a.title)}">\n<meta property="article:published_time" content="${isoSeconds(a.publishedAt)}">\n`;
    const body = `<article><h1>${esc(a.title)}</h1><p class="meta">${esc(a.by)} · <time datetime="${isoSeconds(a.publishedAt)}">${esc(a.publishedAt.toUTCString())}</time></p>\n${paragraphs(a.body)}</article>`;
    send(ctx, 200, TYPES.html, page(a.title, body, head));
  },
};

/** `/blog/feed.atom`: the Daily Grind blog's Atom feed. */
export const blogAtomRoute: Route = {
  pattern: /^\/blog\/feed\.atom$/,
  handle(ctx, env) {
    const posts = env.data.articles.filter((a) => a.kind === 'blog');
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>The Daily Grind</title><subtitle>Food, coffee and the gadgets around them</subtitle>
<link href="${esc(ctx.origin)}/blog/" rel="alternate" type="text/html"/>
<link href="${esc(ctx.origin)}/blog/feed.atom" rel="self" type="application/atom+xml"/>
<id>tag:dailygrind.example,2024:blog</id>
<updated>${isoSeconds(posts[0]?.publishedAt ?? env.data.now)}</updated>
${posts.map((p) => `<entry>
<title type="text">${esc(p.title)}</title>
<link href="${esc(ctx.origin)}${articlePath(p)}" rel="alternate" type="text/html"/>
<id>tag:dailygrind.example,2024:post-${esc(p.slug)}</id>
<published>${isoSeconds(p.publishedAt)}</published><updated>${isoSeconds(p.publishedAt)}</updated>
<author><name>${esc(p.by.replace(/ at The Daily Grind$/, ''))}</name></author>
<summary type="text">${esc(p.summary)}</summary>
<content type="html">${esc(paragraphs(p.body))}</content>
</entry>`).join('\n')}
</feed>
`;
    send(ctx, 200, TYPES.atom, xml);
  },
};

/** Keyword each Google Alert watches. */
export const ALERT_KEYWORDS: Record<string, string> = {
  northwind: 'Northwind', bluebird: 'Bluebird Roasters', kettle: 'Kettle & Co',
  pixelpost: 'Pixelpost', snapmail: 'SnapMail', brightline: 'Brightline', voltaro: 'Voltaro',
};

/** Escaped HTML of `text` with the keyword in `<b>`, as Google Alerts titles do. */
function bold(text: string, keyword: string): string {
  const pattern = esc(keyword).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return esc(text).replace(new RegExp(pattern, 'gi'), (m) => `<b>${m}</b>`);
}

/**
 * `/alerts/feeds/<brand>`: a Google Alerts Atom feed. Entry links go through `https://www.google.com/url?...&url=`
 * with the real target (an article on this site) URL-encoded in `url`.
 */
export const alertsRoute: Route = {
  pattern: /^\/alerts\/feeds\/([a-z0-9-]+)\/?$/,
  handle(ctx, env) {
    const [brand = ''] = ctx.params;
    const keyword = ALERT_KEYWORDS[brand];
    if (!keyword) return notFound(ctx, `No alert "${brand}"`);
    const k = keyword.toLowerCase();
    const hits = env.data.articles.filter((a) => `${a.title}\n${a.summary}\n${a.body}`.toLowerCase().includes(k));
    const feedNo = String(hash52(`alert|${brand}`)).padStart(16, '0');
    const xml = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
<id>tag:google.com,2005:reference/alerts/feeds/0684825284/${feedNo}</id>
<title>Google Alert - ${esc(keyword)}</title>
<link href="${esc(ctx.origin)}/alerts/feeds/${esc(brand)}" rel="self"></link>
<updated>${isoSeconds(hits[0]?.publishedAt ?? env.data.now)}</updated>
${hits.map((a) => {
      const target = `${ctx.origin}${articlePath(a)}`;
      const h = hash52(`${brand}|${a.slug}`);
      const cd = Buffer.from(`demo:${brand}:${a.slug}`).toString('base64url').slice(0, 32);
      const link = `https://www.google.com/url?rct=j&sa=t&url=${encodeURIComponent(target)}&ct=ga&cd=${cd}&usg=AOvVaw${h.toString(36)}`;
      return `<entry>
<id>tag:google.com,2013:googlealerts/feed:${String(h).padStart(19, '1')}</id>
<title type="html">${esc(bold(a.title, keyword))}</title>
<link href="${esc(link)}"></link>
<published>${isoSeconds(a.publishedAt)}</published><updated>${isoSeconds(a.publishedAt)}</updated>
<content type="html">${esc(bold(a.summary, keyword))}</content>
<author><name></name></author>
</entry>`;
    }).join('\n')}
</feed>
`;
    send(ctx, 200, TYPES.atom, xml);
  },
};
