import { z } from 'zod';
import { AlertRule, Channel, ChannelName } from '../domain/alert.js';
import { Brand } from '../domain/brand.js';
import { Cron } from '../domain/source.js';

/** Settings every source inherits unless it sets its own. */
export const Defaults = z.object({
  /** Crawl schedule for sources and brands without one. Default: every 6 hours. */
  schedule: Cron.default('0 */6 * * *'),
  /** User-Agent for every request; names earshot so site owners can tell who is calling. */
  userAgent: z.string().min(1).default('earshot/0.1 (+https://github.com/earshot/earshot; social listening bot)'),
  /** How often alert rules are checked besides after each ingest (`earshot schedule sync`). Default: every 15 minutes. */
  detectSchedule: Cron.default('*/15 * * * *'),
});

/** The whole config file. Brand-level and source-level details live in src/domain. */
export const ConfigSchema = z
  .object({
    defaults: Defaults.default(Defaults.parse({})),
    brands: z.array(Brand).min(1, 'at least one brand is needed'),
    /** Alert rules (src/domain/alert.ts). */
    alerts: z.array(AlertRule).default([]),
    /** Where alerts are sent, by name: webhook, slack or email. */
    channels: z.record(ChannelName, Channel).default({}),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.brands.forEach((b, i) => {
      if (ids.has(b.id)) ctx.addIssue({ code: 'custom', path: ['brands', i, 'id'], message: `duplicate brand id "${b.id}"` });
      ids.add(b.id);
    });
    checkAlertRules(c, ctx);
  });

/** Rules must name a configured brand, source and channels, and have unique names. */
function checkAlertRules(
  c: { brands: Array<{ id: string; sources: Array<{ name: string }> }>; alerts: AlertRule[]; channels: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  const names = new Set<string>();
  c.alerts.forEach((r, i) => {
    if (names.has(r.name)) ctx.addIssue({ code: 'custom', path: ['alerts', i, 'name'], message: `duplicate rule name "${r.name}"` });
    names.add(r.name);
    const brand = c.brands.find((b) => b.id === r.brand);
    if (!brand) {
      ctx.addIssue({ code: 'custom', path: ['alerts', i, 'brand'], message: `unknown brand "${r.brand}" (configured: ${c.brands.map((b) => b.id).join(', ')})` });
    } else if (r.filters.source && !brand.sources.some((s) => s.name === r.filters.source)) {
      ctx.addIssue({ code: 'custom', path: ['alerts', i, 'filters', 'source'], message: `brand "${r.brand}" has no source "${r.filters.source}"` });
    }
    r.channels.forEach((ch, j) => {
      if (!Object.hasOwn(c.channels, ch)) {
        const known = Object.keys(c.channels);
        ctx.addIssue({
          code: 'custom',
          path: ['alerts', i, 'channels', j],
          message: `unknown channel "${ch}" (${known.length ? `configured: ${known.join(', ')}` : 'no channels configured'})`,
        });
      }
    });
  });
}

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
