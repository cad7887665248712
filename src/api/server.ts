import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installAuth } from './auth.js';
import { dashboardAssets, dashboardRoutes } from './dashboard.js';
import type { ApiDeps } from './deps.js';
import { ApiError, installErrorHandlers } from './errors.js';
import { alertRoutes } from './routes/alerts.js';
import { createMetrics, installMetrics, type Metrics } from './metrics.js';
import { brandRoutes } from './routes/brands.js';
import { crawlRoutes } from './routes/crawls.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { mentionRoutes } from './routes/mentions.js';
import { ReportCache } from './report-cache.js';
import type { ReportPool } from './report-pool.js';
import { reportRoutes } from './routes/reports.js';
import { sourceRoutes } from './routes/sources.js';
import { Sessions, sessionRoutes } from './session.js';

export interface ApiServerOptions {
  /** pino options, or false for none. Default: JSON logs at `info`. */
  logger?: FastifyServerOptions['logger'];
  /** Metrics to expose at `/metrics` (the caller may have instrumented its queue with them). Default: new ones. */
  metrics?: Metrics;
  /** Requests per key (or per address, without a key) per minute. Default 600. */
  rateLimitPerMinute?: number;
  /**
   * Count the rate limit in Redis (an ioredis client), so every `earshot serve` behind one balancer shares it and a
   * restart does not reset it. Default: in this process's memory. If Redis does not answer, requests are let through.
   */
  rateLimitRedis?: { client: unknown; nameSpace?: string };
  /** Compute reports on these threads (`earshot serve --report-threads`). Default: on the server's own thread. */
  reportPool?: ReportPool;
  /** Keep report answers until the store changes (`ReportCache`). Default true. */
  reportCache?: boolean;
  /** Serve the dashboard at `/` (and its sign-in at `/api/session`). Default true. */
  dashboard?: boolean;
}

/** The strict policy for API answers; the docs page gets the one @fastify/swagger-ui computes for its own assets. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The HTTP API (`earshot serve`): Fastify with zod validating every request, the same zod schemas generating the
 * OpenAPI 3.1 document (`/openapi.json`, browsable at `/docs`), Bearer API keys with scopes, one error shape.
 * Returns the server ready but not listening.
 */
export async function buildApiServer(deps: ApiDeps, opts: ApiServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: 'info' },
    bodyLimit: 64 * 1024,
    requestTimeout: 60_000,
    connectionTimeout: 60_000,
    // Query strings like `?brand=a&brand=b` must not become arrays that slip past a string schema.
    routerOptions: { maxParamLength: 500 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'earshot API', version: '1', description: 'Reports, mentions, alerts and collection health of a self-hosted earshot.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key from `earshot keys create`.' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute ?? 600,
    timeWindow: 60_000,
    hook: 'preHandler', // after auth, so the limit is per key
    keyGenerator: (req) => req.principal?.keyId ?? req.ip,
    ...(opts.rateLimitRedis ? { redis: opts.rateLimitRedis.client, nameSpace: opts.rateLimitRedis.nameSpace ?? 'earshot-rate-limit-', skipOnError: true } : {}),
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new ApiError(429, 'rate_limited', `more than ${ctx.max} requests a minute; retry in ${ctx.after}`), { statusCode: 429 }),
  });

  const dashboard = opts.dashboard ?? true;
  const sessions = dashboard ? new Sessions(deps.store) : undefined;
  if (dashboard) await app.register(cookie);
  installAuth(app, deps.store, sessions);
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
    if (!req.url.startsWith('/docs') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', API_CSP);
      reply.header('x-frame-options', 'DENY');
    }
    return payload;
  });

  const metrics = opts.metrics ?? createMetrics(deps);
  installMetrics(app, metrics);
  const reportCache = opts.reportCache === false ? undefined : new ReportCache({ counter: metrics.reportCache });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app, deps);
  brandRoutes(app, deps);
  reportRoutes(app, deps, { ...(reportCache ? { cache: reportCache } : {}), ...(opts.reportPool ? { pool: opts.reportPool } : {}) });
  exportRoutes(app, deps);
  mentionRoutes(app, deps);
  alertRoutes(app, deps);
  sourceRoutes(app, deps);
  crawlRoutes(app, deps);
  if (sessions) {
    sessionRoutes(app, deps.store, sessions);
    dashboardRoutes(app, deps, sessions);
    await dashboardAssets(); // bundle now, so the first page view is fast and a broken bundle fails the start
  }
  await app.ready();
  return app;
}
