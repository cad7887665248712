import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Intent } from '../domain/analysis.js';
import type { Filter } from '../store/store.js';
import { canSee } from './auth.js';
import type { ApiDeps } from './deps.js';
import { ApiError, notFound } from './errors.js';
import { BrandParam, csvList, DateParam, dateBound, escapeRegex, NameParam } from './schemas.js';
import { WORKFLOW, WorkflowStatus } from '../domain/workflow.js';
import type { WorkflowDoc } from './workflow.js';

const Label = z.enum(['positive', 'neutral', 'negative']);

/** The filters of `GET /api/v1/mentions` and its export, as query parameters. */
export const mentionFilterShape = {
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
  /** Mentions marked "not about us": left out (default, as reports count), `only` them (to review), or `include`d. */
  notAboutUs: z.enum(['exclude', 'only', 'include']).default('exclude'),
  /** Service-recovery status (a mention nobody touched is `new`). */
  status: csvList(WorkflowStatus).optional(),
  assignee: NameParam.optional(),
  tag: NameParam.optional(),
};
export const MentionFilters = z.object(mentionFilterShape);
export type MentionFilters = z.output<typeof MentionFilters>;

/** The brands a listing may read: the one asked for (404 if not visible), else every brand the key sees. */
export function brandScope(req: FastifyRequest, deps: ApiDeps, brand: string | undefined): string[] {
  const visible = deps.config.brands.map((b) => b.id).filter((id) => canSee(req, id));
  if (!brand) return visible;
  if (!visible.includes(brand)) throw notFound(`brand "${brand}"`);
  return [brand];
}

/** The store filter for parsed query filters, on the brands the caller may see. */
export function mentionFilter(req: FastifyRequest, deps: ApiDeps, q: MentionFilters): Promise<Filter> {
  return buildMentionFilter(deps, brandScope(req, deps, q.brand), q);
}

/**
 * The store filter for parsed filters over `brands` (the API's listing and export, `earshot export mentions`):
 * every value came through zod, operators are added here only.
 */
export async function buildMentionFilter(deps: Pick<ApiDeps, 'store'>, brands: string[], q: MentionFilters): Promise<Filter> {
  if (q.starsMin !== undefined && q.starsMax !== undefined && q.starsMin > q.starsMax) {
    throw new ApiError(400, 'bad_request', 'query.starsMin: is above starsMax', 'query.starsMin');
  }
  const from = q.from ? dateBound(q.from, false) : undefined;
  const to = q.to ? dateBound(q.to, true) : undefined;
  if (from && to && from >= to) throw new ApiError(400, 'bad_request', 'query.from: is after to', 'query.from');
  const and: Filter[] = [{ brand: { $in: brands } }];
  if (from || to) and.push({ publishedAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } });
  if (q.source) and.push({ 'source.name': q.source });
  if (q.theme) and.push({ 'themes.theme': q.theme });
  if (q.label) and.push({ 'sentiment.label': { $in: q.label } });
  if (q.intent) and.push({ intents: { $in: q.intent } });
  if (q.starsMin !== undefined || q.starsMax !== undefined) {
    and.push({ stars: { ...(q.starsMin !== undefined ? { $gte: q.starsMin } : {}), ...(q.starsMax !== undefined ? { $lte: q.starsMax } : {}) } });
  }
  // `null` (missing or null) rather than `$exists: false`: the same for stored mentions, and SQL can run it on the
  // indexed column, so the sort and the page limit run in SQL too.
  if (q.duplicates === 'false') and.push({ duplicateOf: null });
  if (q.notAboutUs === 'exclude') and.push({ notAboutUs: null });
  if (q.notAboutUs === 'only') and.push({ notAboutUs: { $ne: null } });
  if (q.q) {
    const re = new RegExp(escapeRegex(q.q), 'i');
    and.push({ $or: [{ text: re }, { title: re }] });
  }
  if (q.status || q.assignee || q.tag) and.push(await workflowFilter(deps, brands, q));
  return { $and: and };
}

/**
 * Workflow state lives in its own collection (a re-crawl replaces the mention); a status filter becomes an `_id`
 * list. `new` means no workflow record, or one saying `new`.
 */
async function workflowFilter(deps: Pick<ApiDeps, 'store'>, brands: string[], q: MentionFilters): Promise<Filter> {
  const touched = await deps.store.findDocs<WorkflowDoc>(WORKFLOW, { brand: { $in: brands } }, { projection: { _id: 1, status: 1, assignee: 1, tags: 1 } });
  const statuses = new Set(q.status ?? []);
  const matches = (w: WorkflowDoc) =>
    (!q.status || statuses.has(w.status)) && (!q.assignee || w.assignee === q.assignee) && (!q.tag || w.tags.includes(q.tag));
  if (statuses.has('new') && !q.assignee && !q.tag) {
    // Untouched mentions are new too: exclude the touched ones that do not match.
    return { _id: { $nin: touched.filter((w) => !matches(w)).map((w) => w._id) } };
  }
  return { _id: { $in: touched.filter(matches).map((w) => w._id) } };
}
