import type { CheerioAPI, Cheerio, Element } from 'cheerio';
import type { Author, Rating, SiteProfile } from '../../../src/domain/index.js';
import { parseLooseDate } from '../dates.js';
import { htmlToText } from '../html-text.js';
import { num } from '../schema-org/node.js';

/** One review read with a CSS-selector profile. */
export interface ProfileReview {
  id?: string;
  url?: string;
  title?: string;
  text: string;
  author: Author;
  rating?: Rating;
  publishedAt?: Date;
  lang?: string;
}

export interface ProfilePage {
  reviews: ProfileReview[];
  /** How many elements matched `profile.item` (reviews without text are not counted in `reviews`). */
  matched: number;
}

const ID_ATTRS = ['data-review-id', 'data-id', 'data-reviewid', 'itemid', 'id'];

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The first match of `selector` inside `$item` (or the item itself when it matches). */
function pick($item: Cheerio<Element>, selector: string | undefined): Cheerio<Element> | undefined {
  if (!selector) return undefined;
  const inside = $item.find(selector).first();
  if (inside.length) return inside;
  return $item.is(selector) ? $item : undefined;
}

function valueOf($el: Cheerio<Element> | undefined, attribute?: string): string | undefined {
  if (!$el?.length) return undefined;
  const v = attribute ? $el.attr(attribute) : $el.text();
  return v?.replace(/\s+/g, ' ').trim() || undefined;
}

/** A rating from a number ("4", "4.5 out of 5") or from star glyphs ("★★★☆☆"). */
function ratingOf(raw: string | undefined, best: number): Rating | undefined {
  if (!raw) return undefined;
  let value = num(raw);
  if (value === undefined) {
    const stars = (raw.match(/[★⭐]/g) ?? []).length;
    if (stars) value = stars;
  }
  if (value === undefined || value <= 0 || value > best) return undefined;
  return { value, best, worst: 1 };
}

function idOf($item: Cheerio<Element>, $: CheerioAPI, profile: SiteProfile, base: string): string | undefined {
  if (profile.id) {
    const attr = $item.attr(profile.id);
    if (attr) return attr.trim();
    const $el = pick($item, profile.id);
    if ($el) return ($el.attr('href') ? absolute($el.attr('href'), base) : undefined) ?? valueOf($el);
  }
  for (const a of ID_ATTRS) {
    const v = $item.attr(a)?.trim();
    if (v) return v;
  }
  return undefined;
}

/** Every review on a page according to the profile's selectors (see `SiteProfile` in src/domain/source.ts). */
export function extractWithProfile($: CheerioAPI, pageUrl: string, profile: SiteProfile, now = Date.now()): ProfilePage {
  const reviews: ProfileReview[] = [];
  const items = $(profile.item).toArray() as Element[];
  const pageLang = $('html').attr('lang');
  for (const el of items) {
    const $item = $(el);
    const $text = pick($item, profile.text);
    const text = $text ? htmlToText($text.html() ?? '') : '';
    const title = valueOf(pick($item, profile.title));
    if (!text && !title) continue;
    const $link = pick($item, profile.permalink);
    const url = absolute($link?.attr('href') ?? $link?.find('a[href]').first().attr('href'), pageUrl);
    const authorName = valueOf(pick($item, profile.author));
    const review: ProfileReview = {
      id: idOf($item, $, profile, pageUrl),
      url,
      title,
      text,
      author: authorName ? { name: authorName } : {},
      rating: ratingOf(valueOf(pick($item, profile.rating), profile.ratingAttribute) ?? valueOf(pick($item, profile.rating)), profile.ratingBest),
      publishedAt: parseLooseDate(valueOf(pick($item, profile.date), profile.dateAttribute) ?? valueOf(pick($item, profile.date)), now),
      lang: $item.attr('lang') ?? $item.closest('[lang]').attr('lang') ?? pageLang,
    };
    reviews.push(review);
  }
  return { reviews, matched: items.length };
}

/** The next page per `profile.nextPage` (an anchor, or an element inside/around one); undefined on the last page. */
export function profileNextPage($: CheerioAPI, pageUrl: string, profile: SiteProfile): string | undefined {
  if (!profile.nextPage) return undefined;
  const $el = $(profile.nextPage).first();
  if (!$el.length) return undefined;
  const href = $el.attr('href') ?? $el.find('a[href]').first().attr('href') ?? $el.closest('a[href]').attr('href');
  const next = absolute(href, pageUrl);
  return next && next !== pageUrl ? next : undefined;
}
