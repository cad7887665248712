import type { DemoHnItem } from '../data/types.js';
import { esc } from '../lib/html.js';
import { sendJson } from '../lib/http.js';
import { compileQuery, intParam } from '../lib/query.js';
import type { Route } from './env.js';

type NumericTest = (item: DemoHnItem) => boolean;

const ATTRS: Record<string, (i: DemoHnItem) => number | null> = {
  created_at_i: (i) => Math.floor(i.createdAt.getTime() / 1000),
  points: (i) => i.points,
  num_comments: (i) => i.numComments,
};

/** `created_at_i>1700000000,points>=5` → one test; throws with a one-line message on bad input. */
export function parseNumericFilters(raw: string | null): NumericTest {
  const tests: NumericTest[] = [];
  for (const part of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)\s*(<=|>=|!=|<|>|=)\s*(-?\d+(?:\.\d+)?)$/.exec(part);
    const get = m ? ATTRS[m[1]!] : undefined;
    if (!m || !get) throw new Error(`invalid numericFilters "${part}"`);
    const op = m[2]!;
    const v = Number(m[3]);
    tests.push((item) => {
      const x = get(item);
      if (x === null) return false;
      return op === '<' ? x < v : op === '<=' ? x <= v : op === '>' ? x > v : op === '>=' ? x >= v : op === '=' ? x === v : x !== v;
    });
  }
  return (item) => tests.every((t) => t(item));
}

/** Algolia `tags`: comma = AND, `(a,b)` = OR. */
export function parseTags(raw: string | null): (item: DemoHnItem) => boolean {
  const groups: string[][] = [];
  for (const m of (raw ?? '').matchAll(/\(([^)]*)\)|([^,()]+)/g)) {
    const group = (m[1] ?? m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (group.length) groups.push(group);
  }
  return (item) => groups.every((g) => g.some((t) => item.tags.includes(t)));
}

function html(text: string | null): string | null {
  return text === null ? null : text.split(/\n{2,}/).map(esc).join('<p>');
}

function hit(origin: string, i: DemoHnItem): Record<string, unknown> {
  const abs = (u: string | null) => (u?.startsWith('/') ? `${origin}${u}` : u);
  return {
    _tags: i.tags,
    author: i.author,
    comment_text: i.type === 'comment' ? html(i.text) : null,
    created_at: i.createdAt.toISOString(),
    created_at_i: Math.floor(i.createdAt.getTime() / 1000),
    num_comments: i.numComments,
    objectID: String(i.id),
    parent_id: i.parentId,
    points: i.points,
    story_id: i.storyId,
    story_text: i.type === 'story' ? html(i.text) : null,
    story_title: i.storyTitle,
    story_url: abs(i.storyUrl),
    title: i.title,
    updated_at: i.createdAt.toISOString(),
    url: abs(i.url),
  };
}

/**
 * `/api/v1/search_by_date` (newest first) and `/api/v1/search` (most points first): HN Algolia search with
 * `query`, `tags`, `numericFilters`, `hitsPerPage` (default 20, max 1000) and 0-based `page`.
 */
export const hnSearchRoute: Route = {
  pattern: /^\/api\/v1\/(search_by_date|search)\/?$/,
  handle(ctx, env) {
    const sp = ctx.url.searchParams;
    let numeric: NumericTest;
    try {
      numeric = parseNumericFilters(sp.get('numericFilters'));
    } catch (e) {
      return sendJson(ctx, { message: (e as Error).message, status: 400 }, {}, 400);
    }
    const tags = parseTags(sp.get('tags'));
    const match = compileQuery(sp.get('query'));
    const hitsPerPage = intParam(sp.get('hitsPerPage'), 20, 0, 1000);
    const page = intParam(sp.get('page'), 0, 0, 10_000);
    let items = env.data.hnItems.filter((i) =>
      tags(i) && numeric(i) && match([i.title, i.url, i.text, i.author].filter(Boolean).join('\n')));
    if (ctx.params[0] === 'search') items = [...items].sort((a, b) => (b.points ?? 0) - (a.points ?? 0) || b.id - a.id);
    const reachable = Math.min(items.length, 1000);
    const nbPages = hitsPerPage ? Math.ceil(reachable / hitsPerPage) : 0;
    const start = page * hitsPerPage;
    const hits = start < reachable ? items.slice(start, Math.min(reachable, start + hitsPerPage)).map((i) => hit(ctx.origin, i)) : [];
    sendJson(ctx, {
      hits,
      nbHits: items.length,
      page,
      nbPages,
      hitsPerPage,
      exhaustiveNbHits: true,
      exhaustiveTypo: true,
      exhaustive: { nbHits: true, typo: true },
      query: sp.get('query') ?? '',
      params: ctx.url.search.replace(/^\?/, ''),
      processingTimeMS: 1,
    });
  },
};
