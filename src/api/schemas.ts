import { z } from 'zod';
import { Slug } from '../domain/brand.js';

/** Reusable request pieces (STYLE §7): every value that reaches a store filter is parsed here first. */

/** `2024-03-01` (a whole UTC day) or an ISO date-time. */
export const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date like 2024-03-01 or an ISO date-time')
  .refine((s) => !Number.isNaN(new Date(s.length === 10 ? `${s}T00:00:00Z` : s).getTime()), 'not a real date');

/** A plain name used as a filter value (source, theme, assignee): never an object, never an operator. */
export const NameParam = z.string().min(1).max(200);

export const BrandParam = Slug;

/** `limit` of a page: 1–200, default 50. */
export const Limit = z.coerce.number().int().min(1).max(200).default(50);

/** A comma-separated list in one query parameter (`label=negative,neutral`). */
export const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(1000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(50));

/** An opaque page cursor: the sort key of the last item of the previous page. */
const CursorValue = z.object({ p: z.number().int(), id: z.string().min(1).max(500) });
export type CursorValue = z.infer<typeof CursorValue>;

export const CursorParam = z
  .string()
  .max(1000)
  .transform((s, ctx) => {
    try {
      return CursorValue.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a cursor this API returned' });
      return z.NEVER;
    }
  });

export const encodeCursor = (c: CursorValue) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** A day-only `to` includes that whole day, as in the CLI. */
export function dateBound(s: string, end: boolean): Date {
  if (s.length === 10) return new Date(Date.parse(`${s}T00:00:00Z`) + (end ? 86_400_000 : 0));
  return new Date(s);
}

/** Regex metacharacters escaped, so a text search is a literal substring match and cannot be a ReDoS. */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
