import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Intent } from '../../domain/analysis.js';
import type { Mention } from '../../domain/mention.js';
import type { Filter } from '../../store/store.js';
import { canSee } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError, notFound } from '../errors.js';
import { BrandParam, CursorParam, csvList, DateParam, dateBound, encodeCursor, escapeRegex, Limit, NameParam } from '../schemas.js';

const Label = z.enum(['positive', 'neutral', 'negative']);

const MentionsQuery = z
  .object({
    brand: BrandParam.optional(),
    from: DateParam.optional(),
    to: DateParam.optional(),
    source: NameParam.optional(),
    theme: NameParam.optional(),
    label: csvList(Label).optional(),
    intent: csvList(Intent).optional(),
    starsMin: z.coerce.number().min(1).max(5).optional(),
    starsMax: z.coerce.number().min(1).max(5).optional(),
    /** Case-insensitive literal substring of the title or text. */
    q: z.string().min(1).max(200).optional(),
    /** Include copies of other mentions (`duplicateOf` set). Default false: each text once, as reports count it. */
    duplicates: z.enum(['true', 'false']).default('false'),
    limit: Limit,
    cursor: CursorParam.optional(),
  })
  .strict();

const MentionSummary = z.object({
  id: z.string(),
  brand: z.string(),
  source: z.object({ kind: z.string(), name: z.string() }),
  url: z.string(),
  author: z.object({ name: z.string().optional(), handle: z.string().optional(), url: z.string().optional() }),
  title: z.string().optional(),
  text: z.string(),
  lang: z.string(),
  stars: z.number().optional(),
  publishedAt: z.string(),
  sentiment: z.object({ score: z.number(), label: z.string() }),
  themes: z.array(z.object({ theme: z.string(), label: z.string(), score: z.number() })),
  intents: z.array(z.string()),
  duplicateOf: z.string().optional(),
});

const MentionDetail = MentionSummary.extend({
  collectedAt: z.string(),
  rating: z.object({ value: z.number(), best: z.number() }).optional(),
  engagement: z.record(z.string(), z.number()).optional(),
  /** Every token and phrase that moved the score, with weights and the rules applied; each theme's evidence span. */
  sentiment: z.object({ score: z.number(), label: z.string(), explain: z.array(z.unknown()) }),
  themes: z.array(z.object({ theme: z.string(), label: z.string(), score: z.number(), evidence: z.unknown() })),
  competitors: z.array(z.string()),
  analyzerVersion: z.string(),
});

function summary(m: Mention): z.input<typeof MentionSummary> {
  return {
    id: m._id,
    brand: m.brand,
    source: { kind: m.source.kind, name: m.source.name },
    url: m.url,
    author: { ...m.author },
    ...(m.title ? { title: m.title } : {}),
    text: m.text,
    lang: m.lang,
    ...(m.stars !== undefined ? { stars: m.stars } : {}),
    publishedAt: new Date(m.publishedAt).toISOString(),
    sentiment: { score: m.sentiment.score, label: m.sentiment.label },
    themes: m.themes.map((t) => ({ theme: t.theme, label: t.label, score: t.score })),
    intents: [...m.intents],
    ...(m.duplicateOf ? { duplicateOf: m.duplicateOf } : {}),
  };
}

/** The brands a listing may read: the one asked for (404 if not visible), else every brand the key sees. */
function brandScope(req: FastifyRequest, deps: ApiDeps, brand: string | undefined): string[] {
  const visible = deps.config.brands.map((b) => b.id).filter((id) => canSee(req, id));
  if (!brand) return visible;
  if (!visible.includes(brand)) throw notFound(`brand "${brand}"`);
  return [brand];
}

/**
 * `GET /api/v1/mentions`: stored mentions, newest first, filtered, in pages (`nextCursor` until the last page).
 * `GET /api/v1/mentions/{id}`: one mention with its full explanation.
 */
export function mentionRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/mentions',
    {
      config: { scope: 'read' },
      schema: { tags: ['mentions'], querystring: MentionsQuery, response: { 200: z.object({ items: z.array(MentionSummary), nextCursor: z.string().nullable() }) } },
    },
    async (req) => {
      const q = req.query;
      if (q.starsMin !== undefined && q.starsMax !== undefined && q.starsMin > q.starsMax) {
        throw new ApiError(400, 'bad_request', 'query.starsMin: is above starsMax', 'query.starsMin');
      }
      const from = q.from ? dateBound(q.from, false) : undefined;
      const to = q.to ? dateBound(q.to, true) : undefined;
      if (from && to && from >= to) throw new ApiError(400, 'bad_request', 'query.from: is after to', 'query.from');
      const and: Filter[] = [{ brand: { $in: brandScope(req, deps, q.brand) } }];
      if (from || to) and.push({ publishedAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } });
      if (q.source) and.push({ 'source.name': q.source });
      if (q.theme) and.push({ 'themes.theme': q.theme });
      if (q.label) and.push({ 'sentiment.label': { $in: q.label } });
      if (q.intent) and.push({ intents: { $in: q.intent } });
      if (q.starsMin !== undefined || q.starsMax !== undefined) {
        and.push({ stars: { ...(q.starsMin !== undefined ? { $gte: q.starsMin } : {}), ...(q.starsMax !== undefined ? { $lte: q.starsMax } : {}) } });
      }
      if (q.duplicates === 'false') and.push({ duplicateOf: { $exists: false } });
      if (q.q) {
        const re = new RegExp(escapeRegex(q.q), 'i');
        and.push({ $or: [{ text: re }, { title: re }] });
      }
      if (q.cursor) {
        const at = new Date(q.cursor.p);
        and.push({ $or: [{ publishedAt: { $lt: at } }, { publishedAt: at, _id: { $lt: q.cursor.id } }] });
      }
      const rows = await deps.store.findMentions({ $and: and }, { sort: { publishedAt: -1, _id: -1 }, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(summary),
        nextCursor: rows.length > q.limit && last ? encodeCursor({ p: new Date(last.publishedAt).getTime(), id: last._id }) : null,
      };
    },
  );

  r.get(
    '/api/v1/mentions/:id',
    { config: { scope: 'read' }, schema: { tags: ['mentions'], params: z.object({ id: z.string().min(1).max(500) }), response: { 200: MentionDetail } } },
    async (req) => {
      const [m] = await deps.store.findMentions({ _id: req.params.id }, { limit: 1 });
      if (!m || !canSee(req, m.brand)) throw notFound(`mention "${req.params.id}"`);
      return {
        ...summary(m),
        collectedAt: new Date(m.collectedAt).toISOString(),
        ...(m.rating ? { rating: { value: m.rating.value, best: m.rating.best } } : {}),
        ...(m.engagement ? { engagement: Object.fromEntries(Object.entries(m.engagement).filter(([, v]) => typeof v === 'number')) as Record<string, number> } : {}),
        sentiment: { score: m.sentiment.score, label: m.sentiment.label, explain: m.sentiment.explain },
        themes: m.themes.map((t) => ({ theme: t.theme, label: t.label, score: t.score, evidence: t.evidence })),
        competitors: m.competitors,
        analyzerVersion: m.analyzerVersion,
      };
    },
  );
}
