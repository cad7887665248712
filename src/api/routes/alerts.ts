import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backtest } from '../../alerts/backtest.js';
import { loadRuleSeries } from '../../alerts/load-series.js';
import type { Alert } from '../../domain/alert.js';
import { checkFromBeforeTo, DateInput, parseParams, resolveRange } from '../../reports/params.js';
import { recordAudit } from '../audit.js';
import { canSee } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { BrandParam, Limit } from '../schemas.js';

const BacktestRange = z.object({ from: DateInput.optional(), to: DateInput.optional() }).superRefine(checkFromBeforeTo);

/** The collection the detect stage stores fired alerts in. */
const ALERTS = 'alerts';

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
      schema: { tags: ['alerts'], querystring: z.object({ brand: BrandParam.optional(), state: z.enum(['open', 'acknowledged']).optional(), limit: Limit }).strict() },
    },
    async (req) => {
      const q = req.query;
      if (q.brand && !canSee(req, q.brand)) throw notFound(`brand "${q.brand}"`);
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
      schema: { tags: ['alerts'], params: z.object({ id: z.string().min(1).max(300) }), body: z.object({ note: z.string().max(2000).optional() }).strict().default({}) },
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
    '/api/v1/alerts/rules/:name/backtest',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['alerts'],
        params: z.object({ name: z.string().min(1).max(200) }),
        querystring: z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() }).strict(),
      },
    },
    async (req) => {
      const rule = deps.config.alerts.find((a) => a.name === req.params.name);
      if (!rule || !canSee(req, rule.brand)) throw notFound(`alert rule "${req.params.name}"`);
      const p = parseParams(BacktestRange, req.query);
      const range = resolveRange(p.from, p.to, 30, deps.now?.());
      const to = Math.min(range.to.getTime(), (deps.now?.() ?? new Date()).getTime() + 3_600_000);
      const result = backtest(rule, await loadRuleSeries(deps.store, rule, range.from.getTime(), to), range.from.getTime(), to);
      return {
        rule: { name: rule.name, kind: rule.kind, brand: rule.brand, window: rule.window, baseline: rule.baseline, sensitivity: rule.sensitivity, cooldown: rule.cooldown },
        from: range.from,
        to: new Date(to),
        evaluated: result.evaluated,
        suppressed: result.suppressed,
        firings: result.firings.map((f) => ({ ...f, at: new Date(f.at) })),
      };
    },
  );
}
