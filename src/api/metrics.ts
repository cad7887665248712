import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Handler, Queue } from '../queue/queue.js';
import type { ApiDeps } from './deps.js';

/** The server's Prometheus metrics: its own registry, so two servers in one process never clash. */
export interface Metrics {
  registry: Registry;
  jobs: Counter<'stage' | 'result'>;
  /** Report requests by how they were answered (see `ReportCache`). */
  reportCache: Counter<'outcome'>;
}

/**
 * HTTP latency per route, jobs done/failed per stage (in this process), and, read from the store at each scrape:
 * mentions stored per brand, pages crawled and crawl runs per source and status, alerts, deliveries.
 */
export function createMetrics(deps: Pick<ApiDeps, 'store' | 'config'>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'earshot_' });
  const jobs = new Counter({ name: 'earshot_jobs_total', help: 'Pipeline jobs run by this process, by stage and result', labelNames: ['stage', 'result'], registers: [registry] });
  const reportCache = new Counter({
    name: 'earshot_report_cache_requests_total',
    help: 'Report requests by outcome: miss (computed), shared (joined an identical computation under way), hit (kept answer, data unchanged)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  new Histogram({
    name: 'earshot_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'earshot_mentions_stored',
    help: 'Mentions in the store, by brand (copies of other mentions included)',
    labelNames: ['brand'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const b of deps.config.brands) this.set({ brand: b.id }, await deps.store.countMentions({ brand: b.id }));
    },
  });
  const crawlStats = () =>
    deps.store.aggregate<{ _id: { brand: string; source: string; status: string }; runs: number; pages: number }>('crawlRuns', [
      { $group: { _id: { brand: '$brand', source: '$source.name', status: '$status' }, runs: { $sum: 1 }, pages: { $sum: '$pages' } } },
    ]);
  new Gauge({
    name: 'earshot_crawl_runs',
    help: 'Crawl runs recorded, by brand, source and status',
    labelNames: ['brand', 'source', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await crawlStats()) this.set({ brand: r._id.brand, source: r._id.source, status: r._id.status }, r.runs);
    },
  });
  new Gauge({
    name: 'earshot_pages_crawled',
    help: 'Pages fetched by all recorded crawl runs, by brand and source',
    labelNames: ['brand', 'source'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await crawlStats()) this.inc({ brand: r._id.brand, source: r._id.source }, r.pages);
    },
  });
  new Gauge({
    name: 'earshot_alerts',
    help: 'Stored alerts, by brand and state',
    labelNames: ['brand', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await deps.store.aggregate<{ _id: { brand: string; state: string }; n: number }>('alerts', [{ $group: { _id: { brand: '$brand', state: '$state' }, n: { $sum: 1 } } }]);
      for (const r of rows) this.set({ brand: r._id.brand, state: r._id.state }, r.n);
    },
  });
  new Gauge({
    name: 'earshot_alert_deliveries',
    help: 'Alert deliveries, by channel and status',
    labelNames: ['channel', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      const docs = await deps.store.findDocs<{ _id: string; channel: string; status: string }>('alertDeliveries', {}, { projection: { _id: 1, channel: 1, status: 1 } });
      for (const d of docs) this.inc({ channel: d.channel, status: d.status });
    },
  });
  return { registry, jobs, reportCache };
}

/** Times every request (by its route pattern, never the raw URL) and serves `/metrics` (read scope). */
export function installMetrics(app: FastifyInstance, metrics: Metrics): void {
  const duration = metrics.registry.getSingleMetric('earshot_http_request_duration_seconds') as Histogram<'method' | 'route' | 'status'>;
  app.addHook('onResponse', async (req, reply) => {
    duration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { scope: 'read' }, schema: { tags: ['operations'] } }, async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}

/** Counts each job a queue's handlers run in this process, by stage and result. */
export function instrumentQueue<Q extends Pick<Queue, 'work'>>(queue: Q, metrics: Metrics): Q {
  const work = queue.work.bind(queue);
  queue.work = ((name: string, handler: Handler<unknown>, opts?: { concurrency?: number }) =>
    work(name as never, (async (payload: unknown, ctx) => {
      try {
        const out = await handler(payload, ctx);
        metrics.jobs.inc({ stage: name, result: 'done' });
        return out;
      } catch (err) {
        metrics.jobs.inc({ stage: name, result: 'failed' });
        throw err;
      }
    }) as Handler<unknown>, opts)) as Q["work"];
  return queue;
}
