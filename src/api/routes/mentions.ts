import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Mention } from '../../domain/mention.js';
import { recordAudit } from '../audit.js';
import { canSee } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { mentionFilter, mentionFilterShape } from '../mention-query.js';
import { CursorParam, encodeCursor, Limit } from '../schemas.js';
import { WORKFLOW } from '../../domain/workflow.js';
import { refreshBucketsOf } from '../../store/rollups.js';
import { applyPatch, getWorkflow, type WorkflowDoc, WorkflowPatch } from '../workflow.js';

const MentionsQuery = z.object({ ...mentionFilterShape, limit: Limit, cursor: CursorParam.optional() }).strict();

const Workflow = z.object({
  status: z.string(),
  assignee: z.string().optional(),
  tags: z.array(z.string()),
  notes: z.array(z.object({ at: z.string(), who: z.string(), text: z.string() })),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  notAboutUs: z.object({ at: z.string(), by: z.string() }).optional(),
});

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
  /** When it was marked "not about us" (it then counts nowhere). */
  notAboutUs: z.string().optional(),
  /** Service recovery, once anyone touched it (absent: `new`, nobody assigned, no tags). */
  workflow: z.object({ status: z.string(), assignee: z.string().optional(), tags: z.array(z.string()) }).optional(),
  /** The developer's or business's public reply, where the source shows one: answered vs unanswered. */
  reply: z.object({ text: z.string(), at: z.string().optional() }).optional(),
  /** True when the source gave no date: `publishedAt` is when it was first collected, and it is in no trend or alert window. */
  dateMissing: z.literal(true).optional(),
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
  workflow: Workflow,
});

export function mentionSummary(m: Mention): z.input<typeof MentionSummary> {
  return {
    id: m._id,
    brand: m.brand,
    source: { kind: m.source.kind, name: m.source.name },
    url: m.url,
    author: { ...(m.author.name ? { name: m.author.name } : {}), ...(m.author.handle ? { handle: m.author.handle } : {}), ...(m.author.url ? { url: m.author.url } : {}) },
    ...(m.title ? { title: m.title } : {}),
    text: m.text,
    lang: m.lang,
    ...(m.stars !== undefined ? { stars: m.stars } : {}),
    publishedAt: new Date(m.publishedAt).toISOString(),
    sentiment: { score: m.sentiment.score, label: m.sentiment.label },
    themes: m.themes.map((t) => ({ theme: t.theme, label: t.label, score: t.score })),
    intents: [...m.intents],
    ...(m.duplicateOf ? { duplicateOf: m.duplicateOf } : {}),
    ...(m.notAboutUs ? { notAboutUs: new Date(m.notAboutUs).toISOString() } : {}),
    ...(m.reply ? { reply: { text: m.reply.text, ...(m.reply.at ? { at: new Date(m.reply.at).toISOString() } : {}) } } : {}),
    ...(m.meta?.dateMissing === true ? { dateMissing: true as const } : {}),
  };
}

function workflowView(w: WorkflowDoc): z.input<typeof Workflow> {
  const touched = w.updatedBy !== '';
  return {
    status: w.status,
    ...(w.assignee ? { assignee: w.assignee } : {}),
    tags: w.tags,
    notes: w.notes.map((n) => ({ at: new Date(n.at).toISOString(), who: n.who, text: n.text })),
    updatedAt: touched ? new Date(w.updatedAt).toISOString() : null,
    updatedBy: touched ? w.updatedBy : null,
    ...(w.notAboutUs ? { notAboutUs: { at: new Date(w.notAboutUs.at).toISOString(), by: w.notAboutUs.by } } : {}),
  };
}

/**
 * `GET /api/v1/mentions`: stored mentions, newest first, filtered, in pages (`nextCursor` until the last page).
 * `GET /api/v1/mentions/{id}`: one mention with its full explanation and workflow.
 * `PATCH /api/v1/mentions/{id}`: the service-recovery workflow (status, assignee, tags, a note), audited.
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
      const { limit, cursor, ...filters } = req.query;
      const filter = await mentionFilter(req, deps, filters);
      if (cursor) {
        const at = new Date(cursor.p);
        (filter.$and as unknown[]).push({ $or: [{ publishedAt: { $lt: at } }, { publishedAt: at, _id: { $lt: cursor.id } }] });
      }
      const rows = await deps.store.findMentions(filter, { sort: { publishedAt: -1, _id: -1 }, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const touched = new Map(
        (await deps.store.findDocs<WorkflowDoc>(WORKFLOW, { _id: { $in: page.map((m) => m._id) } }, { projection: { _id: 1, status: 1, assignee: 1, tags: 1 } })).map((w) => [w._id, w]),
      );
      return {
        items: page.map((m) => {
          const w = touched.get(m._id);
          return { ...mentionSummary(m), ...(w ? { workflow: { status: w.status, ...(w.assignee ? { assignee: w.assignee } : {}), tags: w.tags ?? [] } } : {}) };
        }),
        nextCursor: rows.length > limit && last ? encodeCursor({ p: new Date(last.publishedAt).getTime(), id: last._id }) : null,
      };
    },
  );

  const IdParams = z.object({ id: z.string().min(1).max(500) });
  const load = async (id: string, visible: (brand: string) => boolean): Promise<Mention> => {
    const [m] = await deps.store.findMentions({ _id: id }, { limit: 1 });
    if (!m || !visible(m.brand)) throw notFound(`mention "${id}"`);
    return m;
  };

  r.get('/api/v1/mentions/:id', { config: { scope: 'read' }, schema: { tags: ['mentions'], params: IdParams, response: { 200: MentionDetail } } }, async (req) => {
    const m = await load(req.params.id, (b) => canSee(req, b));
    return {
      ...mentionSummary(m),
      collectedAt: new Date(m.collectedAt).toISOString(),
      ...(m.rating ? { rating: { value: m.rating.value, best: m.rating.best } } : {}),
      ...(m.engagement ? { engagement: Object.fromEntries(Object.entries(m.engagement).filter(([, v]) => typeof v === 'number')) as Record<string, number> } : {}),
      sentiment: { score: m.sentiment.score, label: m.sentiment.label, explain: m.sentiment.explain },
      themes: m.themes.map((t) => ({ theme: t.theme, label: t.label, score: t.score, evidence: t.evidence })),
      competitors: m.competitors,
      analyzerVersion: m.analyzerVersion,
      workflow: workflowView(await getWorkflow(deps.store, m._id, m.brand)),
    };
  });

  r.patch(
    '/api/v1/mentions/:id',
    { config: { scope: 'write' }, schema: { tags: ['mentions'], params: IdParams, body: WorkflowPatch, response: { 200: z.object({ id: z.string(), workflow: Workflow }) } } },
    async (req) => {
      const m = await load(req.params.id, (b) => canSee(req, b));
      const who = req.principal!;
      const { next, changed } = applyPatch(await getWorkflow(deps.store, m._id, m.brand), req.body, who.name);
      await deps.store.putDoc(WORKFLOW, next as unknown as WorkflowDoc & Record<string, unknown>);
      if ('notAboutUs' in changed) {
        // Out of (or back into) every count: the mention carries the mark, its rollup bucket is recomputed.
        const { notAboutUs: _was, ...rest } = m;
        await deps.store.upsertMentions([next.notAboutUs ? { ...rest, notAboutUs: next.notAboutUs.at } : rest]);
        await refreshBucketsOf(deps.store, [m], deps.config.timezone);
      }
      if (Object.keys(changed).length) await recordAudit(deps.store, who, 'mention.update', m._id, changed);
      return { id: m._id, workflow: workflowView(next) };
    },
  );
}
