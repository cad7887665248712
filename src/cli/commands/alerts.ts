import { z } from 'zod';
import { ALERTS, DELIVERIES, detect } from '../../../pipelines/detect.js';
import { loadRuleSeries } from '../../alerts/load-series.js';
import { deliverOnce, pendingDeliveries, pendingLine } from '../../../pipelines/notify.js';
import { backtest } from '../../alerts/backtest.js';
import { numbersLine } from '../../alerts/message.js';
import type { Alert, Delivery } from '../../domain/alert.js';
import { UserError } from '../../domain/errors.js';
import { checkFromBeforeTo, DateInput, parseParams, resolveRange } from '../../reports/params.js';
import { renderTable } from '../../reports/render.js';
import { type Command, intFlag, str, write } from '../command.js';
import { tableOptions } from '../terminal.js';
import { formatTime } from '../time.js';
import { openRuntime, type Runtime } from '../runtime.js';

const ACTIONS = ['list', 'backtest', 'ack', 'detect', 'deliver'] as const;
const BacktestRange = z.object({ from: DateInput.optional(), to: DateInput.optional() }).superRefine(checkFromBeforeTo);

/**
 * `earshot alerts list|backtest|ack|detect|deliver`: stored alerts, replaying a rule over history, acknowledging,
 * running detection now, sending the deliveries a one-shot command left pending.
 */
export const alertsCommand: Command = {
  name: 'alerts',
  summary: 'list stored alerts, backtest a rule on history, acknowledge an alert, run detection now, or send pending deliveries',
  usage: [
    'earshot alerts list [--brand ID] [--state open|acknowledged] [--limit N] [--json]',
    '       earshot alerts backtest --rule NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]   (default: the last 30 days)',
    '       earshot alerts ack ALERT_ID',
    '       earshot alerts detect --brand ID      (evaluate the brand\'s rules now and deliver what fires)',
    '       earshot alerts deliver [--all] [--json]   (send the deliveries still pending; --all: the failed ones too)',
  ].join('\n'),
  positionals: true,
  options: {
    brand: { type: 'string', valueName: 'ID', description: 'list: only this brand\'s alerts; detect: the brand whose rules run (required)' },
    rule: { type: 'string', valueName: 'NAME', description: 'backtest: the alert rule to replay (its name in config)' },
    from: { type: 'string', valueName: 'YYYY-MM-DD', description: 'backtest: first day replayed (default: 30 days before --to)' },
    to: { type: 'string', valueName: 'YYYY-MM-DD', description: 'backtest: last day replayed, included (default: today)' },
    state: { type: 'string', valueName: 'STATE', description: 'list: open or acknowledged (default: both)' },
    limit: { type: 'string', valueName: 'N', description: 'list: at most N alerts, newest first (default: 50)' },
    json: { type: 'boolean', default: false, description: 'print JSON instead of a table' },
    all: { type: 'boolean', default: false, description: 'deliver: also retry deliveries that failed for good' },
  },
  details: [
    'Actions: list (stored alerts with their deliveries), backtest (when a rule would have fired over history, nothing sent), ack ALERT_ID (stops escalation), detect (evaluate a brand\'s rules now and deliver what fires), deliver (send what a one-shot command left pending). With no action: one line naming them.',
  ],
  examples: [
    'earshot alerts list --brand northwind --config config/demo.yaml',
    'earshot alerts backtest --rule northwind-negative --from 2026-10-01 --config config/demo.yaml',
    'earshot alerts ack northwind-negative:2026-12-06T14:26 --config config/demo.yaml',
  ],
  async run({ values, positionals }, io) {
    const [action, arg] = positionals;
    if (!action) throw new UserError(`alerts: which action? one of ${ACTIONS.join(', ')} (e.g. earshot alerts list)`);
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new UserError(`alerts: unknown action "${action}" (one of: ${ACTIONS.join(', ')})`);
    }
    const rt = await openRuntime(io, { values, forceInline: true });
    try {
      if (action === 'list') return await list(rt, values, io);
      if (action === 'backtest') return await runBacktest(rt, values, io);
      if (action === 'ack') return await ack(rt, arg, io);
      if (action === 'deliver') return await deliverPending(rt, values, io);
      return await detectNow(rt, values, io);
    } finally {
      await rt.close();
    }
  },
};

type Io = Parameters<Command['run']>[1];
type Values = Parameters<Command['run']>[0]['values'];

function checkBrand(rt: Runtime, brand: string | undefined): void {
  if (brand && !rt.config.brands.some((b) => b.id === brand)) {
    throw new UserError(`unknown brand "${brand}" (configured: ${rt.config.brands.map((b) => b.id).join(', ')})`);
  }
}

async function list(rt: Runtime, values: Values, io: Io): Promise<number> {
  const day = (d: Date | string) => formatTime(d, rt.config.timezone);
  const brand = str(values, 'brand');
  checkBrand(rt, brand);
  const state = str(values, 'state');
  if (state && state !== 'open' && state !== 'acknowledged') throw new UserError(`--state: expected open or acknowledged, got "${state}"`);
  const alerts = await rt.store.findDocs<Alert>(ALERTS, { ...(brand ? { brand } : {}), ...(state ? { state } : {}) }, { sort: { createdAt: -1 }, limit: intFlag(values, 'limit') ?? 50 });
  const deliveries = alerts.length ? await rt.store.findDocs<Delivery>(DELIVERIES, { alertId: { $in: alerts.map((a) => a._id) } }) : [];
  if (values.json) {
    write(io.stdout, JSON.stringify({ alerts: alerts.map((a) => ({ ...a, deliveries: deliveries.filter((d) => d.alertId === a._id) })) }, null, 2));
    return 0;
  }
  if (alerts.length === 0) {
    write(io.stdout, 'no alerts stored');
    return 0;
  }
  const rows = alerts.map((a) => ({
    id: a._id,
    fired: day(a.window.to),
    severity: a.severity,
    state: a.state,
    numbers: numbersLine(a),
    delivered: deliveries
      .filter((d) => d.alertId === a._id)
      .map((d) => `${d.channel}:${d.status}${d.status !== 'sent' && d.lastError ? ` (${d.lastError})` : ''}`)
      .join(' ') || '–',
  }));
  write(io.stdout, renderTable(`alerts (times ${rt.config.timezone})`, [{ name: 'alerts', title: `${alerts.length} alert(s), newest first`, columns: ['id', 'fired', 'severity', 'state', 'numbers', 'delivered'], rows }], { ...tableOptions(io), maxCell: 90 }));
  return 0;
}

async function runBacktest(rt: Runtime, values: Values, io: Io): Promise<number> {
  const day = (d: Date | string) => formatTime(d, rt.config.timezone);
  const name = str(values, 'rule');
  if (!name) throw new UserError('alerts backtest: --rule NAME is required');
  const rule = rt.config.alerts.find((r) => r.name === name);
  if (!rule) {
    const known = rt.config.alerts.map((r) => r.name);
    throw new UserError(`unknown rule "${name}" (${known.length ? `configured: ${known.join(', ')}` : 'no alert rules configured'})`);
  }
  const p = parseParams(BacktestRange, { from: str(values, 'from'), to: str(values, 'to') });
  const range = resolveRange(p.from, p.to, 30);
  const to = Math.min(range.to.getTime(), Date.now() + 3_600_000);
  const series = await loadRuleSeries(rt.store, rule, range.from.getTime(), to);
  const result = backtest(rule, series, range.from.getTime(), to);
  if (values.json) {
    write(io.stdout, JSON.stringify({ rule, from: range.from, to: new Date(to), ...result, firings: result.firings.map((f) => ({ ...f, at: new Date(f.at) })) }, null, 2));
    return 0;
  }
  const title = `backtest ${rule.name} (${rule.kind}, ${rule.brand}, window ${rule.window}, baseline ${rule.baseline}, sensitivity ${rule.sensitivity}, minCount ${rule.minCount}, cooldown ${rule.cooldown})`;
  const summary = `${result.firings.length} alert(s) in ${Math.round(result.evaluated / 24)} day(s) replayed hourly from ${day(range.from)} to ${day(new Date(to))}; ${result.suppressed} more hour(s) held back by the cooldown`;
  const rows = result.firings.map((f) => ({
    at: day(new Date(f.at)),
    observed: f.unit === 'mentions' ? f.observed : Math.round(f.observed * 100) / 100,
    expected: Math.round(f.expected * 100) / 100,
    pValue: f.pValue.toExponential(1),
    severity: f.severity,
    why: f.reason,
  }));
  write(io.stdout, renderTable(title, [{ name: 'firings', title: summary, columns: ['at', 'observed', 'expected', 'pValue', 'severity', 'why'], rows }], { ...tableOptions(io), maxCell: 100 }));
  return 0;
}

async function ack(rt: Runtime, id: string | undefined, io: Io): Promise<number> {
  if (!id) throw new UserError('alerts ack: which alert? (earshot alerts ack ALERT_ID; ids are in `earshot alerts list`)');
  const alert = await rt.store.getDoc<Alert>(ALERTS, id);
  if (!alert) throw new UserError(`no alert "${id}" (see earshot alerts list)`);
  await rt.store.putDoc(ALERTS, { ...alert, state: 'acknowledged', acknowledgedAt: new Date() } as unknown as Alert & Record<string, unknown>);
  write(io.stdout, `acknowledged ${id}`);
  return 0;
}

/**
 * Sends every pending delivery once, in this process, with each channel's own timeout (one at a time, oldest
 * first). Exit code 1 while any is still not sent, so a cron or an operator sees it.
 */
async function deliverPending(rt: Runtime, values: Values, io: Io): Promise<number> {
  const todo = await pendingDeliveries(rt.store, { includeFailed: values.all === true });
  const results: Delivery[] = [];
  for (const d of todo) {
    const timeout = channelTimeoutMs(rt, d.channel);
    results.push(await deliverOnce(rt, { alertId: d.alertId, channel: d.channel, delivery: d._id }, undefined, timeout));
  }
  const left = results.filter((d) => d.status !== 'sent');
  if (values.json) write(io.stdout, JSON.stringify({ deliveries: results }, null, 2));
  else if (todo.length === 0) write(io.stdout, `no deliveries pending${values.all ? ' or failed' : ''}`);
  else {
    for (const d of results) write(io.stdout, `${d._id}: ${d.status}${d.status !== 'sent' && d.lastError ? ` (${d.lastError})` : ''}`);
    write(io.stdout, `${results.length - left.length} of ${results.length} sent${left.length ? `; ${left.length} still not sent` : ''}`);
  }
  return left.length ? 1 : 0;
}

function channelTimeoutMs(rt: Runtime, channel: string): number {
  const c = rt.config.channels[channel];
  // A little over the channel's own request timeout, so its message (not ours) says what happened.
  return (c?.timeoutMs ?? 10_000) + 1_000;
}

async function detectNow(rt: Runtime, values: Values, io: Io): Promise<number> {
  const brand = str(values, 'brand');
  if (!brand) throw new UserError('alerts detect: --brand ID is required');
  checkBrand(rt, brand);
  rt.queue.work('notify', (p, ctx) => deliverOnce(rt, p, ctx.signal));
  const outcomes = await detect(rt, { brand });
  await rt.queue.idle();
  if (outcomes.length === 0) write(io.stdout, `no enabled alert rules for ${brand}`);
  for (const o of outcomes) {
    write(io.stdout, `${o.rule}: ${o.status}${o.alert ? ` → ${o.alert._id} (${o.alert.severity})` : ''} · ${o.evaluation.reason}`);
  }
  const pending = await pendingDeliveries(rt.store);
  if (pending.length) write(io.stdout, pendingLine(pending));
  return 0;
}
