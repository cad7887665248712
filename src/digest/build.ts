import { ALERTS } from '../../pipelines/detect.js';
import { numbersLine } from '../alerts/message.js';
import type { Alert } from '../domain/alert.js';
import type { Brand } from '../domain/brand.js';
import type { Digest, DigestConfig } from '../domain/digest.js';
import type { AdvocacyResult } from '../reports/advocacy.js';
import type { EmergingResult } from '../reports/emerging.js';
import { runReport } from '../reports/index.js';
import type { ThemesResult } from '../reports/themes.js';
import type { TrendResult } from '../reports/trend.js';
import type { Store } from '../store/store.js';

const DAY_MS = 86_400_000;
/** The record of the last digest sent for a brand (`_id` = brand id). */
export const DIGESTS = 'digests';
export interface DigestRecord {
  _id: string;
  sentAt: Date;
  to: string;
}

/** `YYYY-MM-DD` of `d` in `tz`. */
export function dayIn(d: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The days a digest covers: from the day after the last digest's period (or the last 7 days for the first one)
 * through today, in the config's time zone.
 */
export async function digestPeriod(store: Store, brand: string, now: Date, tz: string): Promise<{ from: string; to: string }> {
  const to = dayIn(now, tz);
  const [last] = await store.findDocs<DigestRecord>(DIGESTS, { _id: brand });
  // after a digest sent today, the next one today covers today alone (never an empty or reversed period)
  const from = last ? (last.to < to ? addDays(last.to, 1) : to) : addDays(to, -6);
  return { from, to };
}

/** Builds one digest from the store: the brand's reports over the period, its alerts and its failed crawl runs. */
export async function buildDigest(
  store: Store,
  brand: Brand,
  cfg: Pick<DigestConfig, 'sections' | 'top'>,
  period: { from: string; to: string },
  tz: string,
  now = new Date(),
): Promise<Digest> {
  const ctx = { store, brand, now };
  const range = { from: period.from, to: period.to };
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1;
  const [trend, themes, advocacy, emerging] = await Promise.all([
    runReport('trend', ctx, { ...range, interval: 'day' }),
    runReport('themes', ctx, range),
    runReport('advocacy', ctx, { ...range, limit: cfg.top }),
    runReport('emerging', ctx, { ...range, limit: 5 }),
  ]);
  const t = trend.result as TrendResult;
  const th = themes.result as ThemesResult;
  const adv = advocacy.result as AdvocacyResult;
  const em = emerging.result as EmergingResult;
  const fromAt = new Date(`${period.from}T00:00:00Z`);
  const alerts = await store.findDocs<Alert & { _id: string }>(ALERTS, { brand: brand.id, createdAt: { $gte: fromAt } }, { sort: { createdAt: -1 }, limit: 20 });
  const runs = await store.listCrawlRuns({ brand: brand.id, startedAt: { $gte: fromAt } }, { sort: { startedAt: -1 } });
  // a source counts as failed when its latest run in the period did not end ok
  const latest = new Map<string, (typeof runs)[number]>();
  for (const r of runs) if (!latest.has(r.source.name)) latest.set(r.source.name, r);
  const failed = [...latest.values()].filter((r) => r.status !== 'ok' && r.status !== 'running');

  return {
    brand: { id: brand.id, name: brand.name },
    from: period.from,
    to: period.to,
    previous: { from: addDays(period.from, -days), to: addDays(period.from, -1) },
    sections: cfg.sections,
    volume: {
      mentions: t.total.volume,
      previous: t.previousTotal.volume,
      change: t.change.volume,
      netSentiment: t.total.netSentiment,
      previousNet: t.previousTotal.netSentiment,
      netChange: t.change.netSentiment,
    },
    drivers: th.drivers
      .filter((d, i, all) => all.findIndex((x) => x.theme === d.theme) === i)
      .slice(0, 4)
      .map((d) => ({
        theme: d.theme,
        direction: d.direction,
        impact: d.impact,
        mentions: d.volume,
        netSentiment: d.netSentiment,
        ...(d.examples[0] ? { example: { text: d.examples[0].text, url: d.examples[0].url } } : {}),
      })),
    answer: adv.recovery.slice(0, cfg.top).map((m) => ({
      source: m.source,
      author: m.author?.handle ?? m.author?.name ?? '',
      text: m.title ? `${m.title}: ${m.text}` : m.text,
      url: m.url,
      stars: m.stars ?? null,
      publishedAt: dayIn(new Date(m.publishedAt), tz),
    })),
    emerging: em.terms.slice(0, 5).map((x) => ({ term: x.term, recent: x.recent, lift: x.lift, isNew: x.isNew, url: x.example.url })),
    alerts: alerts.map((a) => ({ id: a._id, severity: a.severity, firedAt: new Date(a.createdAt).toISOString(), summary: numbersLine(a) })),
    failedSources: failed.map((r) => ({
      source: r.source.name,
      status: r.status,
      at: new Date(r.startedAt).toISOString(),
      reason: r.samples[0] ? `${r.samples[0].class}: ${r.samples[0].reason}` : Object.entries(r.failures).map(([k, v]) => `${k} ${v}`).join(', ') || r.status,
    })),
  };
}
