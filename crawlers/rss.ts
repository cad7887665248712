import Parser from 'rss-parser';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { unwrapRedirect } from './lib/alert-links.js';
import { brandMatcher, queryDroppedNote } from './lib/brand-match.js';
import { decodeText, mediaType } from './lib/charset.js';
import { CrawlError } from './lib/errors.js';
import { parseDate } from './lib/dates.js';
import { closeTruncatedXml } from './lib/xml-repair.js';
import { htmlToText } from './lib/html-text.js';
import { Incremental } from './lib/incremental.js';
import { contentHashId, stableUrlId } from './lib/item-id.js';
import { itemBase, matchMention } from './lib/items.js';
import { RunScope, statusProblem, type CrawlerDeps } from './lib/run-scope.js';

type FeedItem = Parser.Item & {
  id?: string;
  author?: string;
  'dc:creator'?: string;
  'content:encoded'?: string;
  description?: string;
  source?: string | { _?: string };
  earshotBadDate?: string;
};
type Feed = { title?: string; language?: string; items: FeedItem[] };

const parser: Parser<Record<string, unknown>, FeedItem> = new Parser({
  customFields: { feed: ['language'], item: ['description', 'content:encoded', 'dc:creator', 'source', 'earshotBadDate'] },
});

/**
 * rss-parser crashes on an Atom `<published>`/`<updated>` it cannot parse as a date (it calls toISOString without a
 * guard); such values are moved to an element it ignores, so one bad date costs one item its date, not the feed.
 */
function quarantineBadAtomDates(xml: string): string {
  return xml.replace(/<(published|updated)(\s[^>]*)?>([^<]*)<\/\1>/g, (whole, _tag: string, _attrs, value: string) =>
    value.trim() && Number.isNaN(new Date(value.trim()).getTime()) ? `<earshotBadDate>${value}</earshotBadDate>` : whole,
  );
}

function externalIdOf(it: FeedItem, link: string | undefined, pageUrl: string): string {
  const raw = (it.guid ?? it.id ?? '').trim() || link;
  if (!raw) return contentHashId(pageUrl, it.title, it.pubDate, it.content);
  return /^https?:\/\//i.test(raw) ? stableUrlId(raw, pageUrl) : raw;
}

function toItem(scope: RunScope, it: FeedItem, feed: Feed, feedUrl: string): { item: RawItem; dated: boolean } {
  const link = it.link ? unwrapRedirect(new URL(it.link, feedUrl).href) : undefined;
  const html = it['content:encoded'] ?? it.content ?? it.summary ?? it.description ?? '';
  const title = htmlToText(it.title);
  const publishedAt = parseDate(it.isoDate ?? it.pubDate);
  const author = (it.creator ?? it['dc:creator'] ?? it.author ?? '').trim();
  const source = typeof it.source === 'string' ? it.source : it.source?._;
  const item: RawItem = {
    ...itemBase(scope),
    externalId: externalIdOf(it, link, feedUrl),
    url: link ?? feedUrl,
    author: author ? { name: author } : {},
    text: htmlToText(html),
    publishedAt: publishedAt ?? scope.collectedAt,
    competitors: [],
    meta: { feed: feed.title ?? null, ...(source ? { publisher: source.trim() } : {}), ...(publishedAt ? {} : { dateMissing: true }) },
  };
  if (title) item.title = title;
  if (feed.language) item.lang = feed.language.split('-')[0]!.toLowerCase();
  return { item, dated: !!publishedAt };
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const url = ctx.source.url;
  if (!url) {
    scope.failures.push({ class: 'content', url: '', reason: 'an rss source needs a feed url' });
    return scope.outcome([]);
  }
  const matcher = brandMatcher(ctx.brand);
  const incremental = new Incremental(ctx, { dateBoundary: false });
  const items: RawItem[] = [];
  let feed: Feed;
  try {
    const res = await scope.fetch(url, { headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' } });
    const problem = statusProblem(res);
    if (problem) throw problem;
    scope.pageDone(res.url, 0);
    const xml = decodeText(res.body, res.headers['content-type']);
    if (!/<(rss|feed|rdf:RDF)[\s>]/i.test(xml.slice(0, 4096))) {
      throw new CrawlError('content', `not an RSS or Atom feed (${mediaType(res.headers['content-type']) || 'no content type'})`, res.url);
    }
    try {
      feed = (await parser.parseString(quarantineBadAtomDates(xml))) as unknown as Feed;
    } catch (err) {
      // A feed that ends early (no closing </rss>, or cut off mid-item) is closed and read again; anything else fails.
      const repaired = closeTruncatedXml(xml);
      const reason = `feed does not parse: ${(err as Error).message.split('\n', 1)[0]}`;
      if (!repaired) throw new CrawlError('parse', reason, res.url);
      try {
        feed = (await parser.parseString(quarantineBadAtomDates(repaired.xml))) as unknown as Feed;
      } catch {
        throw new CrawlError('parse', reason, res.url);
      }
      scope.note(`the feed ended early (its open elements were closed to read it${repaired.droppedPartialItem ? '; a cut-off last item was skipped' : ''})`);
    }
  } catch (err) {
    scope.fail(err, url);
    return scope.outcome([]);
  }

  let undated = 0;
  const seen = new Set<string>();
  for (const it of feed.items ?? []) {
    const { item, dated } = toItem(scope, it, feed, url);
    if (!item.text && !item.title) continue;
    if (!dated) undated += 1;
    if (seen.has(item.externalId!)) continue;
    seen.add(item.externalId!);
    if (!incremental.observe(item.externalId!, item.publishedAt)) continue;
    if (matchMention(matcher, item) && items.length < ctx.source.limits.maxItems) items.push(item);
  }
  if (undated) scope.note(`${undated} feed item(s) had no valid date; their collection time was used`);
  const dropped = queryDroppedNote(matcher);
  if (dropped) scope.note(dropped);
  return scope.outcome(items, incremental.nextCursor(true, scope.collectedAt));
}

/** An `rss` crawler; `deps` are for tests. */
export function createRssCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'rss', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * RSS 2.0 and Atom feeds (news searches, Google Alerts, blogs, Mastodon tag feeds) parsed with rss-parser: Google
 * redirect links unwrapped, HTML descriptions as text, items kept only when they name the brand. Source: `url`.
 */
export const rssCrawler: SourceCrawler = createRssCrawler();
