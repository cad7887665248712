import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.js';
import { visibleBrand } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { BrandParam, NameParam } from '../schemas.js';

const CrawlRequest = z.object({ brand: BrandParam, source: NameParam.optional(), full: z.boolean().default(false) }).strict();

/** `POST /api/v1/crawls`: crawl a brand's sources (or one) now; answered 202 once queued, the crawl runs behind. */
export function crawlRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/crawls',
    {
      config: { scope: 'write' },
      schema: { tags: ['collection'], body: CrawlRequest, response: { 202: z.object({ enqueued: z.array(z.object({ brand: z.string(), source: z.string() })) }) } },
    },
    async (req, reply) => {
      const brand = visibleBrand(req, deps.config.brands, req.body.brand);
      const sources = req.body.source ? brand.sources.filter((s) => s.name === req.body.source) : brand.sources;
      if (req.body.source && sources.length === 0) {
        throw new ApiError(400, 'bad_request', `body.source: brand ${brand.id} has no source "${req.body.source}" (one of: ${brand.sources.map((s) => s.name).join(', ')})`, 'body.source');
      }
      if (!deps.startCrawl) throw new ApiError(503, 'unavailable', 'this server cannot start crawls');
      const enqueued = [];
      for (const s of sources) {
        await deps.startCrawl({ brand: brand.id, source: s.name, full: req.body.full });
        enqueued.push({ brand: brand.id, source: s.name });
      }
      await recordAudit(deps.store, req.principal!, 'crawl.start', brand.id, { sources: enqueued.map((e) => e.source), full: req.body.full });
      return reply.code(202).send({ enqueued });
    },
  );
}
