import { ParamError } from '../domain/errors.js';
import type { ReportContext } from './report.js';

/**
 * A `--source` or `--theme` that matches nothing would print a report of zeros, which reads like
 * "no mentions" rather than "typo". A source counts as known when the brand's config lists it or a
 * stored mention of the brand comes from it; a theme when a stored mention of the brand carries it.
 * Both checks are single indexed lookups; the list of known names is only read to explain a miss.
 */
export async function assertKnownNames(ctx: ReportContext, p: { source?: unknown; theme?: unknown }): Promise<void> {
  const { store, brand } = ctx;
  if (typeof p.source === 'string') {
    const configured = brand.sources.map((s) => s.name);
    const stored = configured.includes(p.source) || (await store.countMentions({ brand: brand.id, 'source.name': p.source })) > 0;
    if (!stored) {
      const seen = await distinct(ctx, [{ $group: { _id: '$source' } }]);
      const names = [...new Set([...configured, ...seen])].sort();
      throw new ParamError('source', `no source "${p.source}" for brand ${brand.id} (${names.length ? `known: ${names.join(', ')}` : 'none configured or stored'})`, 'not_found');
    }
  }
  if (typeof p.theme === 'string') {
    // No sort: any one mention will do, so SQLite may start from the theme's index entries.
    const found = await store.findMentions({ brand: brand.id, 'themes.theme': p.theme }, { limit: 1, sort: {}, projection: { _id: 1 } });
    if (found.length === 0) {
      const seen = await distinct(ctx, [{ $project: { t: { $objectToArray: '$themes' } } }, { $unwind: '$t' }, { $group: { _id: '$t.k' } }]);
      throw new ParamError('theme', `no mention of brand ${brand.id} has the theme "${p.theme}" (${seen.length ? `themes seen: ${seen.sort().join(', ')}` : 'no themes stored yet'})`, 'not_found');
    }
  }
}

/** Distinct names from the brand's rollups (small: one document per day and source). */
async function distinct(ctx: ReportContext, stages: Record<string, unknown>[]): Promise<string[]> {
  const rows = await ctx.store.aggregate<{ _id: unknown }>('rollups', [{ $match: { brand: ctx.brand.id } }, ...stages]);
  return rows.map((r) => r._id).filter((v): v is string => typeof v === 'string');
}
