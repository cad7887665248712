import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backtest } from '../../alerts/backtest.js';
import { evaluate } from '../../alerts/evaluate.js';
import { HOUR_MS } from '../../alerts/series.js';
import { loadRuleSeries } from '../../alerts/load-series.js';
import type { Alert } from '../../domain/alert.js';
import { checkFromBeforeTo, DateInput, parseParams, resolveRange } from '../../reports/params.js';
import { recordAudit } from '../audit.js';
import { canSee, visibleBrand } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { AlertsAnswer, BacktestAnswer, RuleView } from '../report-schemas.js';
import { BrandParam, Limit } from '../schemas.js';

const BacktestRange = z.object({ from: DateInput.optional(), to: DateInput.optional() }).superRefine(checkFromBeforeTo);

/** The collection the detect stage stores fired alerts in. */
const ALERTS = 'alerts';

/** Points of a backtest's `series`: enough to draw a year without shipping 8,760 hours. */
const SERIES_POINTS = 400;
const round = (n: number) => Math.round(n * 1000) / 1000;

const ruleView = (rule: ApiDeps['config']['alerts'][number]) => ({
  name: rule.name,
  kind: rule.kind,
  brand: rule.brand,
  window: rule.window,
  baseline: rule.baseline,
  sensitivity: rule.sensitivity,
  cooldown: rule.cooldown,
});

type StoredAlert = Alert & { acknowledgedAt?: Date; acknowledgedBy?: string; ackNote?: string };

/**
 * `GET /api/v1/alerts` (newest first), `POST /api/v1/alerts/{id}/ack` with a note (recorded with the key's name),
 * `GET /api/v1/alerts/rules/{name}/backtest?from&to`: when a rule would have fired on stored history.
 */
export function alertRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/alerts',
    {
      config: { scope: 'read' },
      schema: { tags: ['alerts'], querystring: z.object({ brand: BrandParam.optional(), state: z.enum(['open', 'acknowledged']).optional(), limit: Limit }).strict(), response: { 200: AlertsAnswer } },
    },
    async (req) => {
      const q = req.query;
      if (q.brand) visibleBrand(req, deps.config.brands, q.brand);
      const brands = q.brand ? [q.brand] : deps.config.brands.map((b) => b.id).filter((id) => canSee(req, id));
      const alerts = await deps.store.findDocs<StoredAlert>(
        ALERTS,
        { brand: { $in: brands }, ...(q.state ? { state: q.state } : {}) },
        { sort: { createdAt: -1, _id: -1 }, limit: q.limit },
      );
      return { alerts };
    },
  );
  r.post(
    '/api/v1/alerts/:id/ack',
    {
      config: { scope: 'write' },
      schema: { tags: ['alerts'], params: z.object({ id: z.string().min(1).max(300) }), body: z.object({ note: z.string().max(2000).optional() }).strict().default({}), response: { 200: z.object({ alert: AlertsAnswer.shape.alerts.element }) } },
    },
    async (req) => {
      const alert = await deps.store.getDoc<StoredAlert>(ALERTS, req.params.id);
      if (!alert || !canSee(req, alert.brand)) throw notFound(`alert "${req.params.id}"`);
      const who = req.principal!;
      const acked: StoredAlert = {
        ...alert,
        state: 'acknowledged',
        acknowledgedAt: new Date(),
        acknowledgedBy: who.name,
        ...(req.body?.note ? { ackNote: req.body.note } : {}),
      };
      await deps.store.putDoc(ALERTS, acked as unknown as StoredAlert & Record<string, unknown>);
      await recordAudit(deps.store, who, 'alert.ack', alert._id, req.body?.note ? { note: req.body.note } : undefined);
      return { alert: acked };
    },
  );
  r.get(
    '/api/v1/alerts/rules',
    { config: { scope: 'read' }, schema: { tags: ['alerts'], querystring: z.object({ brand: BrandParam.optional() }).strict(), response: { 200: z.object({ rules: z.array(RuleView) }) } } },
    async (req) => {
      if (req.query.brand) visibleBrand(req, deps.config.brands, req.query.brand);
      const rules = deps.config.alerts.filter((a) => canSee(req, a.brand) && (!req.query.brand || a.brand === req.query.brand));
      return { rules: rules.map(ruleView) };
    },
  );
  r.get(
    '/api/v1/alerts/rules/:name/backtest',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['alerts'],
        params: z.object({ name: z.string().min(1).max(200) }),
        querystring: z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() }).strict(),
        response: { 200: BacktestAnswer },
      },
    },
    async (req) => {
      const rule = deps.config.alerts.find((a) => a.name === req.params.name);
      if (!rule || !canSee(req, rule.brand)) throw notFound(`alert rule "${req.params.name}"`);
      const p = parseParams(BacktestRange, req.query);
      const range = resolveRange(p.from, p.to, 30, deps.now?.());
      const to = Math.min(range.to.getTime(), (deps.now?.() ?? new Date()).getTime() + 3_600_000);
      const series = await loadRuleSeries(deps.store, rule, range.from.getTime(), to);
      const result = backtest(rule, series, range.from.getTime(), to);
      // What the rule watched, at most SERIES_POINTS whole hours apart, for drawing the firings on it.
      const from = Math.ceil(range.from.getTime() / HOUR_MS) * HOUR_MS;
      const step = Math.max(1, Math.ceil((to - from) / HOUR_MS / SERIES_POINTS)) * HOUR_MS;
      const points = [];
      for (let at = from; at <= to; at += step) {
        const e = evaluate(rule, series, at);
        points.push({ at: new Date(at), observed: round(e.observed), expected: round(e.expected) });
      }
      return {
        rule: ruleView(rule),
        from: range.from,
        to: new Date(to),
        evaluated: result.evaluated,
        suppressed: result.suppressed,
        firings: result.firings.map((f) => ({ ...f, at: new Date(f.at) })),
        series: points,
      };
    },
  );
}
