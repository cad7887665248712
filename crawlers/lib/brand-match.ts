import { compileBrandQuery } from '../../src/domain/brand-query.js';
import type { Brand } from '../../src/domain/index.js';

/** Finds a brand (and its competitors) in text. Built once per run from the brand's config. */
export interface BrandMatcher {
  /**
   * True when the text names the brand by one of its aliases, outside the configured exclusions. `context` (a
   * comment's thread title and post) is not searched for the brand, but exclusions found there make the aliases they
   * contain ambiguous in the text too.
   */
  mentionsBrand(text: string, context?: string): boolean;
  /** Ids of the brand's competitors named in the text. */
  competitorsIn(text: string): string[];
  /** How many texts the brand's Boolean query rejected so far (0 without a query). */
  readonly queryDropped: number;
}

/** The run note saying how many items the brand query dropped, or nothing when it dropped none. */
export function queryDroppedNote(matcher: BrandMatcher): string | undefined {
  return matcher.queryDropped ? `the brand query dropped ${matcher.queryDropped} item(s)` : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One alias as a case-insensitive pattern with Unicode word boundaries: spaces in the alias match any whitespace, and
 * its spaceless form also matches as a hashtag or handle (`Northwind Coffee` → `#NorthwindCoffee`, `@northwindcoffee`).
 */
function aliasPattern(alias: string): string {
  const words = alias.trim().split(/\s+/).map(escape);
  const spaced = words.join('\\s+');
  const compact = words.length > 1 ? `|(?<=[#@])${words.join('')}` : '';
  return `(?<![\\p{L}\\p{N}_])(?:${spaced}${compact})(?![\\p{L}\\p{N}_])`;
}

function anyOf(aliases: string[]): RegExp | null {
  const usable = aliases.map((a) => a.trim()).filter(Boolean);
  return usable.length ? new RegExp(usable.map(aliasPattern).join('|'), 'iu') : null;
}

/**
 * Builds the matcher for `brand`: aliases (default its name), exclusions, competitors (aliases default to names).
 *
 * Exclusions: an exclusion phrase never counts as a mention, and once one appears in a text, the aliases it contains
 * (e.g. "Northwind" inside "Northwind Traders") are ambiguous there, so only the other aliases ("Northwind Coffee")
 * can make that text a mention. "Why the Northwind sample database … Northwind Traders" is therefore not one.
 */
export function brandMatcher(brand: Pick<Brand, 'name' | 'aliases' | 'exclusions' | 'competitors'> & { query?: string }): BrandMatcher {
  const aliases = (brand.aliases.length ? brand.aliases : [brand.name]).map((a) => ({ alias: a, re: anyOf([a])! })).filter((a) => a.re);
  const exclusions = brand.exclusions
    .map((phrase) => ({ re: new RegExp(anyOf([phrase])!.source, 'giu'), shadows: aliases.filter((a) => a.re.test(phrase)).map((a) => a.alias) }))
    .filter((e) => e.re);
  const competitors = brand.competitors.map((c) => ({ id: c.id, re: anyOf(c.aliases.length ? c.aliases : [c.name]) }));
  // A Boolean query, when the brand has one, decides alone (aliases and exclusions are the simple query otherwise).
  const query = brand.query ? compileBrandQuery(brand.query) : undefined;
  let queryDropped = 0;
  return {
    get queryDropped() {
      return queryDropped;
    },
    mentionsBrand(text, context = '') {
      // The text must satisfy the query; a comment's thread must not veto it (its NOT terms apply to text and thread).
      if (query) {
        const ok = query.matches(text) && (!context || query.matches(`${context}\n${text}`));
        if (!ok) queryDropped += 1;
        return ok;
      }
      let cleaned = text;
      const ambiguous = new Set<string>();
      for (const e of exclusions) {
        e.re.lastIndex = 0;
        const inText = e.re.test(cleaned);
        e.re.lastIndex = 0;
        if (!inText && !e.re.test(context)) continue;
        e.shadows.forEach((a) => ambiguous.add(a));
        cleaned = cleaned.replace(e.re, ' ');
      }
      return aliases.some((a) => !ambiguous.has(a.alias) && a.re.test(cleaned));
    },
    competitorsIn(text) {
      return competitors.filter((c) => c.re?.test(text)).map((c) => c.id);
    },
  };
}
