import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_KINDS, renderCsv, runReport } from '../../reports/index.js';
import { visibleBrand } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import type { ReportCache } from '../report-cache.js';
import type { ReportPool } from '../report-pool.js';
import { ReportAnswer } from '../report-schemas.js';
import { BrandParam, NameParam } from '../schemas.js';

/** The CLI's report flags, as query parameters (validated again by each report's own zod parameters). */
const ReportQuery = z
  .object({
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    interval: z.string().max(10).optional(),
    by: z.string().max(10).optional(),
    source: NameParam.optional(),
    theme: NameParam.optional(),
    sentiment: z.string().max(10).optional(),
    limit: z.string().max(6).optional(),
    baselineDays: z.string().max(6).optional(),
    minCount: z.string().max(6).optional(),
    /** advocacy: `nps` for the score alone, without the lists. */
    only: z.string().max(10).optional(),
    format: z.enum(['json', 'csv']).optional(),
    /** With CSV: only this section. */
    section: NameParam.optional(),
  })
  .strict();

/**
 * `GET /api/v1/brands/{id}/reports/{kind}`: the same reports as `earshot report`, JSON by default, CSV with
 * `?format=csv` or `Accept: text/csv` (every section with a `section` column, or one with `?section=`).
 */
export function reportRoutes(app: FastifyInstance, deps: ApiDeps, { cache, pool }: { cache?: ReportCache; pool?: ReportPool } = {}): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/brands/:id/reports/:kind',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['reports'],
        params: z.object({ id: BrandParam, kind: z.enum(REPORT_KINDS as [string, ...string[]]) }),
        querystring: ReportQuery,
        response: { 200: ReportAnswer.describe('The report (JSON); with format=csv, text/csv instead') },
      },
    },
    async (req, reply) => {
      const brand = visibleBrand(req, deps.config.brands, req.params.id);
      const { format, section, ...params } = req.query;
      const now = deps.now?.();
      const compute = () => (pool ? pool.run(req.params.kind, brand, params, now) : runReport(req.params.kind, { store: deps.store, brand, ...(now ? { now } : {}) }, params));
      // The key holds every input of the answer but the data itself, which the cache checks by the store's token.
      const key = JSON.stringify([req.params.kind, brand.id, now ? now.getTime() : null, Object.entries(params).sort()]);
      const out = cache ? await cache.get(deps.store, brand, key, compute) : await compute();
      const csv = format === 'csv' || (!format && /\btext\/csv\b/.test(req.headers.accept ?? ''));
      if (!csv) return reply.type('application/json; charset=utf-8').send({ report: req.params.kind, brand: brand.id, ...(out.result as object) } as z.infer<typeof ReportAnswer>);
      const sections = section ? out.sections.filter((s) => s.name === section) : out.sections;
      if (section && sections.length === 0) {
        throw new ApiError(400, 'bad_request', `query.section: no section "${section}" (one of: ${out.sections.map((s) => s.name).join(', ')})`, 'query.section');
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${brand.id}-${req.params.kind}${section ? `-${section}` : ''}.csv"`)
        .send(renderCsv(sections) as never); // a string is sent as is: the JSON schema is not applied to CSV
    },
  );
}
