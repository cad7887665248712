import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CrawlRun } from '../../domain/crawl-run.js';
import { planSchedules } from '../../schedule/plan.js';
import { inProcessSchedules, liveSchedulerState } from '../../schedule/state.js';
import { scheduleStatus } from '../../schedule/status.js';
import { visibleBrand } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { SourcesAnswer } from '../report-schemas.js';
import { BrandParam } from '../schemas.js';

/** Failure classes a source's owner fixes differently: the site keeps us out, or our extraction is broken. */
const BLOCKED = ['blocked', 'policy'];

/**
 * `GET /api/v1/brands/{id}/sources`: collection health per source — last run, last success, failures split into
 * blocked (bot walls, robots, policy) and broken (parse, network, size, content), next run.
 */
export function sourceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/brands/:id/sources',
    { config: { scope: 'read' }, schema: { tags: ['collection'], params: z.object({ id: BrandParam }), response: { 200: SourcesAnswer } } },
    async (req) => {
      const brand = visibleBrand(req, deps.config.brands, req.params.id);
      const plan = planSchedules({ ...deps.config, brands: [brand] }).filter((p) => p.job === 'crawl');
      const live = await liveSchedulerState(deps.store);
      const registered = live ? inProcessSchedules(live) : null;
      const rows = await scheduleStatus(deps.store, plan, registered);
      const sources = [];
      for (const row of rows) {
        const source = brand.sources.find((s) => s.name === row.source)!;
        const [lastOk] = await deps.store.listCrawlRuns(
          { brand: brand.id, 'source.name': source.name, status: { $in: ['ok', 'partial'] } },
          { sort: { startedAt: -1 }, limit: 1 },
        );
        const failures = row.lastRun?.failures ?? {};
        const count = (classes: string[]) => Object.entries(failures).reduce((n, [k, v]) => n + (classes.includes(k) ? (v ?? 0) : 0), 0);
        sources.push({
          name: source.name,
          kind: source.kind,
          schedule: row.cron,
          next: row.next,
          lastRun: row.lastRun ?? null,
          lastSuccess: lastOk ? pick(lastOk) : null,
          failures: { blocked: count(BLOCKED), broken: count(Object.keys(failures).filter((k) => !BLOCKED.includes(k))), byClass: failures },
        });
      }
      return { brand: brand.id, schedulerRunning: Boolean(live), sources };
    },
  );
}

const pick = (r: CrawlRun) => ({ startedAt: r.startedAt, finishedAt: r.finishedAt, status: r.status, itemsNew: r.itemsNew, pages: r.pages });
