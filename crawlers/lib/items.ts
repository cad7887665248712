import type { RawItem } from '../../src/domain/index.js';
import type { BrandMatcher } from './brand-match.js';
import type { RunScope } from './run-scope.js';

/** The fields every item of a run shares: brand, source reference, collection time. */
export function itemBase(scope: RunScope): Pick<RawItem, 'brand' | 'source' | 'collectedAt'> {
  const { brand, source } = scope.ctx;
  return {
    brand: brand.id,
    source: { kind: source.kind, name: source.name, ...(source.url ? { url: source.url } : {}) },
    collectedAt: scope.collectedAt,
  };
}

/** Competitor ids named in an item's title and text. */
export function competitorsOf(matcher: BrandMatcher, item: Pick<RawItem, 'title' | 'text'>): string[] {
  return matcher.competitorsIn(`${item.title ?? ''}\n${item.text}`);
}

/**
 * Brand matching for mention sources: true when the item names the brand (outside exclusions); also fills
 * `competitors` with the competitor ids it names. `context` is the thread a comment belongs to (see `mentionsBrand`).
 */
export function matchMention(matcher: BrandMatcher, item: RawItem, context = ''): boolean {
  const haystack = `${item.title ?? ''}\n${item.text}`;
  if (!matcher.mentionsBrand(haystack, context)) return false;
  item.competitors = matcher.competitorsIn(haystack);
  return true;
}

/** Engagement with every counter present (the schema's defaults), from the ones the source gives. */
export function engagement(e: Partial<Record<'likes' | 'shares' | 'comments' | 'upvotes' | 'views', number | null | undefined>>): NonNullable<RawItem['engagement']> {
  const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return { likes: n(e.likes), shares: n(e.shares), comments: n(e.comments), upvotes: n(e.upvotes), views: n(e.views) };
}

/** The search terms for a brand: its aliases minus those already covered by a shorter alias ("Northwind" covers "Northwind Coffee"). */
export function searchTerms(aliases: string[]): string[] {
  const lower = aliases.map((a) => a.trim()).filter(Boolean);
  return lower.filter((a) => !lower.some((b) => b !== a && new RegExp(`(^|\\s)${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'i').test(a)));
}
