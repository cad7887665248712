import type { Config } from '../config/schema.js';

/** One cron schedule earshot should have registered, derived from config. */
export interface PlannedSchedule {
  /** `crawl/<brand>/<source>` or `detect/<brand>`: stable, so re-syncing replaces rather than duplicates. */
  id: string;
  job: 'crawl' | 'detect' | 'digest';
  cron: string;
  /** IANA time zone the cron is read in (config `timezone`); absent means UTC. */
  tz?: string;
  brand: string;
  source?: string;
  payload: { brand: string; source?: string };
}

/** Ids of schedules earshot owns (anything else on the queue is left alone by `sync`). */
export const OWNED_PREFIXES = ['crawl/', 'detect/', 'digest/'] as const;

export function isOwned(id: string): boolean {
  return OWNED_PREFIXES.some((p) => id.startsWith(p));
}

/**
 * Every schedule the config asks for: each source's crawl on its own `schedule`, else its brand's, else
 * `defaults.schedule`; alert detection per brand with enabled rules on `defaults.detectSchedule`; each digest on its
 * `schedule`. Crons are read in the config's `timezone`.
 */
export function planSchedules(config: Pick<Config, 'brands' | 'defaults' | 'alerts'> & Partial<Pick<Config, 'timezone' | 'digests'>>): PlannedSchedule[] {
  const out: PlannedSchedule[] = [];
  const tz = config.timezone ?? 'UTC';
  for (const b of config.brands) {
    for (const s of b.sources) {
      out.push({
        id: `crawl/${b.id}/${s.name}`,
        job: 'crawl',
        cron: s.schedule ?? b.schedule ?? config.defaults.schedule,
        tz,
        brand: b.id,
        source: s.name,
        payload: { brand: b.id, source: s.name },
      });
    }
    if (config.alerts.some((r) => r.brand === b.id && r.enabled)) {
      out.push({ id: `detect/${b.id}`, job: 'detect', cron: config.defaults.detectSchedule, tz, brand: b.id, payload: { brand: b.id } });
    }
  }
  for (const d of config.digests ?? []) {
    out.push({ id: `digest/${d.brand}`, job: 'digest', cron: d.schedule, tz, brand: d.brand, payload: { brand: d.brand } });
  }
  return out;
}
