import { inCooldown } from '../src/alerts/cooldown.js';
import { loadRuleSeries } from '../src/alerts/load-series.js';
import { type Evaluation, evaluate } from '../src/alerts/evaluate.js';
import { examplesPipeline } from '../src/alerts/query.js';
import { ceilHour } from '../src/alerts/series.js';
import type { Alert, AlertExample, AlertRule, Delivery, Severity } from '../src/domain/alert.js';
import type { Config } from '../src/config/schema.js';
import type { Queue } from '../src/queue/queue.js';
import type { Store } from '../src/store/store.js';
import type { JobCatalog } from './catalog.js';
import type { Log } from './deps.js';
import { alreadyChecked, markChecked } from './detect-dirty.js';

/** What the detect stage needs: the rules (config), the store, and the queue to hand deliveries to. */
export interface DetectDeps {
  config: Pick<Config, 'alerts' | 'channels'>;
  store: Store;
  queue: Pick<Queue<JobCatalog>, 'enqueue'>;
  log?: Log;
}

/** What one rule did in one detect run. */
export interface RuleOutcome {
  rule: string;
  status: 'fired' | 'escalated' | 'quiet' | 'cooldown';
  evaluation: Evaluation;
  alert?: Alert;
}

export const ALERTS = 'alerts';
export const DELIVERIES = 'alertDeliveries';
/** Mentions quoted in an alert. */
const EXAMPLES = 5;

/** `_id` of the delivery of `alertId` to `channel`. */
export function deliveryId(alertId: string, channel: string): string {
  return `${alertId}~${channel}`;
}

/** `_id` of an escalation's delivery: a new delivery (and id) per severity reached. */
export function escalationDeliveryId(alertId: string, channel: string, severity: Severity): string {
  return `${deliveryId(alertId, channel)}~${severity}`;
}

/** The delivery id of an alert's current version: the first, or the escalation to its present severity. */
export function deliveryIdOf(alert: Pick<Alert, '_id' | 'severity' | 'escalatedAt'>, channel: string): string {
  return alert.escalatedAt ? escalationDeliveryId(alert._id, channel, alert.severity) : deliveryId(alert._id, channel);
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/**
 * The detect stage: evaluates every enabled rule of `brand` on the window ending at `at` (default now), stores an
 * alert for each rule that fires outside its cooldown, and enqueues one `notify` job per channel. The alert is in
 * the store before any delivery is attempted, so a failing channel never loses it. Inside the cooldown a rule stays
 * quiet unless its severity rose: then the stored alert is updated with the new numbers and sent once more (a new
 * delivery id per severity reached). Idempotent: running twice for the same hour finds the first alert and stays
 * quiet. A run asked for by an ingest (`afterIngest`) is skipped when another detection of the brand began after
 * the brand's last ingest.
 */
export async function detect(deps: DetectDeps, payload: { brand: string; at?: string; afterIngest?: boolean }): Promise<RuleOutcome[]> {
  if (payload.afterIngest && (await alreadyChecked(deps.store, payload.brand))) return [];
  await markChecked(deps.store, payload.brand);
  const now = payload.at ? new Date(payload.at).getTime() : Date.now();
  const end = ceilHour(now);
  const out: RuleOutcome[] = [];
  for (const rule of deps.config.alerts.filter((r) => r.brand === payload.brand && r.enabled)) {
    const series = await loadRuleSeries(deps.store, rule, end, end);
    const evaluation = evaluate(rule, series, end);
    if (!evaluation.fires) {
      out.push({ rule: rule.name, status: 'quiet', evaluation });
      continue;
    }
    const [last] = await deps.store.findDocs<Alert>(ALERTS, { rule: rule.name }, { sort: { 'window.to': -1 }, limit: 1 });
    if (last && inCooldown(new Date(last.window.to).getTime(), Math.min(now, end), rule.cooldown)) {
      if (RANK[evaluation.severity] <= RANK[last.severity]) {
        // A crash between storing the alert and recording its deliveries must not lose them: record what is missing.
        await sendTo(deps, last, (channel) => deliveryIdOf(last, channel));
        out.push({ rule: rule.name, status: 'cooldown', evaluation });
        continue;
      }
      const fresh = await buildAlert(deps.store, rule, evaluation, now);
      const escalated: Alert = { ...fresh, _id: last._id, createdAt: last.createdAt, escalatedFrom: last.escalatedFrom ?? last.severity, escalatedAt: new Date() };
      await deps.store.putDoc(ALERTS, escalated as unknown as Alert & Record<string, unknown>);
      await sendTo(deps, escalated, (channel) => escalationDeliveryId(escalated._id, channel, escalated.severity));
      deps.log?.info(`alert ${escalated._id} escalated ${last.severity} → ${escalated.severity}: ${escalated.summary}`);
      out.push({ rule: rule.name, status: 'escalated', evaluation, alert: escalated });
      continue;
    }
    const alert = await buildAlert(deps.store, rule, evaluation, now);
    await deps.store.putDoc(ALERTS, alert as unknown as Alert & Record<string, unknown>);
    await sendTo(deps, alert, (channel) => deliveryId(alert._id, channel));
    deps.log?.info(`alert ${alert._id}: ${alert.summary}`);
    out.push({ rule: rule.name, status: 'fired', evaluation, alert });
  }
  return out;
}

/** Records a pending delivery per channel (so it survives a crash) and hands each to the queue. */
async function sendTo(deps: DetectDeps, alert: Alert, idOf: (channel: string) => string): Promise<void> {
  for (const channel of alert.channels) {
    const id = idOf(channel);
    if (await deps.store.getDoc<Delivery>(DELIVERIES, id)) continue; // already recorded by an earlier run
    const pending: Delivery = { _id: id, alertId: alert._id, channel, status: 'pending', attempts: 0, updatedAt: new Date() };
    await deps.store.putDoc(DELIVERIES, pending as unknown as Delivery & Record<string, unknown>);
    await deps.queue.enqueue('notify', { alertId: alert._id, channel, delivery: id }, { jobId: `notify:${id}` });
  }
}

async function buildAlert(store: Store, rule: AlertRule, e: Evaluation, now: number): Promise<Alert> {
  const windowTo = Math.min(e.window.to, now);
  const rows = await store.aggregate<Record<string, unknown>>(
    'mentions',
    examplesPipeline(rule.brand, rule.filters, rule.kind, new Date(e.window.from), new Date(e.window.to), EXAMPLES),
  );
  const examples: AlertExample[] = rows.map((r) => {
    const source = r.source as { name?: string } | undefined;
    return {
      id: String(r._id),
      url: String(r.url ?? ''),
      source: source?.name ?? '',
      ...(typeof r.title === 'string' ? { title: r.title } : {}),
      text: String(r.text ?? '').slice(0, 500),
      ...(typeof r.stars === 'number' ? { stars: r.stars } : {}),
      publishedAt: new Date(r.publishedAt as string | Date),
    };
  });
  return {
    _id: `${rule.name}:${new Date(windowTo).toISOString().slice(0, 16)}`,
    rule: rule.name,
    kind: rule.kind,
    brand: rule.brand,
    filters: rule.filters,
    window: { from: new Date(e.window.from), to: new Date(windowTo) },
    baseline: { from: new Date(e.baseline.from), to: new Date(e.baseline.to) },
    observed: e.observed,
    expected: e.expected,
    unit: e.unit,
    sample: e.sample,
    pValue: e.pValue,
    severity: e.severity,
    summary: `${rule.brand}, last ${rule.window}: ${e.reason}.`,
    examples,
    state: 'open',
    createdAt: new Date(),
    channels: [...rule.channels],
  };
}
