import type { CheerioAPI } from 'cheerio';
import type { Author, Rating } from '../../../src/domain/index.js';
import { parseDate } from '../dates.js';
import { htmlToText } from '../html-text.js';
import { flattenNodes, readJsonLd } from './jsonld.js';
import { readMicrodata } from './microdata.js';
import { isNode, num, objectProp, resolveRef, text, typesOf, values, type SchemaNode } from './node.js';

const REVIEW_TYPES = new Set(['Review', 'UserReview', 'CriticReview', 'EmployerReview', 'Recommendation']);
const REVIEW_PROPS = ['review', 'reviews'];

/** One review as the page states it, before it becomes a RawItem. */
export interface ExtractedReview {
  /** `@id`, microdata `itemid`, absent when the page gives none. */
  id?: string;
  url?: string;
  title?: string;
  text: string;
  author: Author;
  /** The rating as given (e.g. 8 of 10); absent when unrated ("0") or missing. */
  rating?: Rating;
  /** True when the page gave a rating of 0 or below the worst rating: the reviewer did not rate. */
  unrated: boolean;
  publishedAt?: Date;
  lang?: string;
  /** Name of the product, place or app reviewed. */
  itemReviewed?: string;
  upvotes?: number;
  /** `json-ld` or `microdata`. */
  markup: 'json-ld' | 'microdata';
}

/** An AggregateRating on the page (kept for notes: a page can carry one without any individual review). */
export interface ExtractedAggregate {
  value: number;
  best: number;
  count?: number;
  itemReviewed?: string;
}

export interface ReviewPage {
  reviews: ExtractedReview[];
  aggregates: ExtractedAggregate[];
  /** One line per malformed block; the valid blocks were still read. */
  errors: string[];
}

function authorOf(review: SchemaNode, byId: Map<string, SchemaNode>): Author {
  // `consumer` is Trustpilot's key for the reviewer ({displayName, …}), often beside or instead of `author`.
  for (const v of values(review, 'author').concat(values(review, 'creator'), values(review, 'consumer'))) {
    if (typeof v === 'string' && v.trim()) return { name: v.trim() };
    if (!isNode(v)) continue;
    const a = resolveRef(v, byId);
    const name = text(a, 'name', 'alternateName', 'displayName') ?? [text(a, 'givenName'), text(a, 'familyName')].filter(Boolean).join(' ');
    const url = text(a, 'url', 'sameAs');
    const out: Author = {};
    if (name) out.name = name;
    if (url && /^https?:/i.test(url)) out.url = url;
    if (out.name || out.url) return out;
  }
  return {};
}

/** The rating as given; "0" (or anything below worstRating) means unrated. Strings and numbers both accepted. */
function ratingOf(review: SchemaNode, byId: Map<string, SchemaNode>): { rating?: Rating; unrated: boolean } {
  const r = objectProp(review, 'reviewRating', byId) ?? objectProp(review, 'rating', byId);
  // A bare `"reviewRating": "4"` (or Trustpilot's `"rating": 4`) is the value itself, on the default 1–5 scale.
  const bare = (prop: string) => values(review, prop).map(num).find((n) => n !== undefined);
  const value = r ? num(r.ratingValue) : (bare('reviewRating') ?? bare('rating') ?? num(review.ratingValue));
  if (value === undefined) return { unrated: false };
  let best = num(r?.bestRating) ?? 5;
  let worst = num(r?.worstRating) ?? 1;
  if (!(best > worst)) [best, worst] = [5, 1];
  if (value <= 0 && worst > 0) return { unrated: true };
  if (value < worst || value > best) return { unrated: true };
  return { rating: { value, best, worst }, unrated: false };
}

function itemName(node: SchemaNode | undefined, byId: Map<string, SchemaNode>): string | undefined {
  if (!node) return undefined;
  return text(resolveRef(node, byId), 'name', 'headline');
}

function toReview(node: SchemaNode, parent: SchemaNode | undefined, byId: Map<string, SchemaNode>, markup: ExtractedReview['markup']): ExtractedReview | null {
  const body = text(node, 'reviewBody', 'description', 'text', 'articleBody');
  const title = text(node, 'name', 'headline', 'title');
  const { rating, unrated } = ratingOf(node, byId);
  if (!body && !title && !rating) return null;
  const id = typeof node['@id'] === 'string' && !node['@id'].startsWith('_:') ? node['@id'] : undefined;
  const review: ExtractedReview = {
    id,
    url: text(node, 'url', 'mainEntityOfPage'),
    title: title ? htmlToText(title) : undefined,
    text: htmlToText(body ?? ''),
    author: authorOf(node, byId),
    rating,
    unrated,
    publishedAt: parseDate(text(node, 'datePublished', 'dateCreated', 'dateModified', 'uploadDate') ?? text(objectProp(node, 'dates', byId), 'publishedDate')),
    lang: text(node, 'inLanguage', '@lang'),
    // `itemReviewed` as an object, as plain text ("itemReviewed": "Flat White"), else the node the review sits in.
    itemReviewed: itemName(objectProp(node, 'itemReviewed', byId), byId) ?? text(node, 'itemReviewed') ?? itemName(parent, byId),
    markup,
  };
  const upvotes = num(node.upvoteCount);
  if (upvotes !== undefined && upvotes >= 0) review.upvotes = upvotes;
  return review;
}

function aggregateOf(node: SchemaNode, parent: SchemaNode | undefined, byId: Map<string, SchemaNode>): ExtractedAggregate | null {
  const value = num(node.ratingValue);
  if (value === undefined) return null;
  const count = num(node.reviewCount) ?? num(node.ratingCount);
  return { value, best: num(node.bestRating) ?? 5, ...(count !== undefined ? { count } : {}), itemReviewed: itemName(parent, byId) };
}

/** Walks the nodes depth-first remembering the parent of each `review` value (the thing reviewed). */
function collect(roots: SchemaNode[], byId: Map<string, SchemaNode>, markup: ExtractedReview['markup'], out: ReviewPage) {
  const seen = new Set<SchemaNode>();
  const visit = (raw: SchemaNode, parent: SchemaNode | undefined, depth: number) => {
    const node = resolveRef(raw, byId);
    if (depth > 40 || seen.has(node)) return;
    seen.add(node);
    const types = typesOf(node);
    if (types.some((t) => REVIEW_TYPES.has(t))) {
      const r = toReview(node, parent, byId, markup);
      if (r) out.reviews.push(r);
    } else if (types.includes('AggregateRating')) {
      const a = aggregateOf(node, parent, byId);
      if (a) out.aggregates.push(a);
    }
    for (const [key, v] of Object.entries(node)) {
      if (key === '@context') continue;
      for (const child of Array.isArray(v) ? v.flat() : [v]) {
        if (isNode(child)) visit(child, REVIEW_PROPS.includes(key) || key === 'aggregateRating' ? node : parent, depth + 1);
      }
    }
  };
  for (const r of roots) visit(r, undefined, 0);
}

/** Every schema.org Review and AggregateRating on a page, from JSON-LD (any nesting, `@graph`) and microdata. */
export function extractReviews($: CheerioAPI, pageUrl: string): ReviewPage {
  const out: ReviewPage = { reviews: [], aggregates: [], errors: [] };
  const { blocks, errors } = readJsonLd($);
  out.errors.push(...errors);
  const flat = flattenNodes(blocks);
  const roots = blocks.flatMap((b) => (Array.isArray(b) ? b : [b])).filter(isNode);
  collect(roots, flat.byId, 'json-ld', out);
  const micro = readMicrodata($, pageUrl);
  if (micro.length) collect(micro, flattenNodes(micro).byId, 'microdata', out);
  const pageLang = $('html').attr('lang');
  if (pageLang) for (const r of out.reviews) r.lang ??= pageLang;
  return out;
}
