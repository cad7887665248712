import { z } from 'zod';
import { Slug } from '../domain/brand.js';
import { UserError } from '../domain/errors.js';
import { localDay } from '../domain/time-zone.js';

/**
 * Reusable parameter pieces for reports (brand, date range, interval, filters, format) and the one helper that parses
 * them into a typed value or a one-line `UserError` naming the flag (`--from: …`).
 */

const DAY_MS = 86_400_000;

export const Interval = z.enum(['day', 'week', 'month']);
export type Interval = z.infer<typeof Interval>;

export const Format = z.enum(['table', 'json', 'csv']);
export type Format = z.infer<typeof Format>;

/** A free-text name used as a filter *value* (source name, theme id): a plain string, never an object. */
export const Name = z.string().min(1).max(200);

/** `2024-03-01` (a whole UTC day) or an ISO date-time; kept as given so `to` can include its whole day. */
export const DateInput = z
  .union([z.date(), z.string()])
  .transform((v, ctx) => {
    if (v instanceof Date) return { at: v, dayOnly: false };
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
    const at = new Date(dayOnly ? `${v}T00:00:00.000Z` : v);
    if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: `expected a date like 2024-03-01, got "${v}"` });
      return z.NEVER;
    }
    return { at, dayOnly };
  });

/**
 * A resolved range: `from` inclusive, `to` exclusive, both Dates; `days` its length. `from` and `to` are calendar days
 * at UTC midnight, as rollups date their days; with `timezone`, they are days in that zone (rollups are kept per day
 * there) and `mentionMatch` turns them into the instants local midnight starts them.
 */
export interface Range {
  from: Date;
  to: Date;
  days: number;
  timezone?: string;
}

/** The period of the same length just before `r` ("change vs the previous period"). */
export function previousOf(r: Range): Range {
  const len = r.to.getTime() - r.from.getTime();
  return { from: new Date(r.from.getTime() - len), to: new Date(r.from), days: r.days, ...(r.timezone ? { timezone: r.timezone } : {}) };
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * `from`/`to` as typed on the command line into a range: a day-only `to` includes that whole day; no `to` means
 * through today (in `timezone`, default UTC); no `from` means `defaultDays` days ending at `to`.
 */
export function resolveRange(
  from: { at: Date; dayOnly: boolean } | undefined,
  to: { at: Date; dayOnly: boolean } | undefined,
  defaultDays: number,
  now: Date = new Date(),
  timezone?: string,
): Range {
  const today = timezone ? Date.parse(`${localDay(now, timezone)}T00:00:00Z`) : startOfDay(now.getTime());
  const end = to ? (to.dayOnly ? to.at.getTime() + DAY_MS : to.at.getTime()) : today + DAY_MS;
  const start = from ? from.at.getTime() : end - defaultDays * DAY_MS;
  const zoned = timezone && timezone !== 'UTC' ? { timezone } : {};
  return { from: new Date(start), to: new Date(end), days: Math.max(1, Math.round((end - start) / DAY_MS)), ...zoned };
}

/** Fields every report takes. */
export const baseShape = {
  brand: Slug,
  from: DateInput.optional(),
  to: DateInput.optional(),
  /** Only this source (its configured name). */
  source: Name.optional(),
  /** Only mentions tagged with this theme. */
  theme: Name.optional(),
};

/** The `--from` after `--to` check, as a zod refinement on any object holding `from`/`to`. */
export function checkFromBeforeTo(
  p: { from?: { at: Date; dayOnly: boolean } | undefined; to?: { at: Date; dayOnly: boolean } | undefined },
  ctx: z.RefinementCtx,
): void {
  if (p.from && p.to) {
    const end = p.to.dayOnly ? p.to.at.getTime() + DAY_MS : p.to.at.getTime();
    if (p.from.at.getTime() >= end) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `--from ${iso(p.from.at)} is after --to ${iso(p.to.at)}` });
    }
  }
}

function iso(d: Date): string {
  const s = d.toISOString();
  return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s;
}

/** Parses report parameters; the first problem becomes a one-line `UserError` (`--interval: …`). */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const flag = issue.path.length ? `--${String(issue.path[0])}` : 'report';
  const msg = issue.message.startsWith('--') ? issue.message : `${flag}: ${issue.message}`;
  throw new UserError(msg, 'bad_report_params');
}

/** Net sentiment (pos − neg) / total; 0 for an empty bucket. */
export function net(s: { total: number; positive: number; negative: number }): number {
  return s.total ? (s.positive - s.negative) / s.total : 0;
}

/** a / b, or null when b is 0 (a missing average is not zero). */
export function ratio(a: number, b: number): number | null {
  return b ? a / b : null;
}

/** Rounds for output: 3 decimals, nulls kept. */
export function r3(n: number | null): number | null {
  return n === null || !Number.isFinite(n) ? null : Math.round(n * 1000) / 1000;
}

/** Relative change (current − previous) / previous, or null without a previous value. */
export function change(current: number, previous: number): number | null {
  return previous ? (current - previous) / previous : null;
}
