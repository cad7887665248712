import { z } from 'zod';

/** True when `name` is an IANA time zone this Node knows (`Europe/Berlin`, `America/New_York`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name; config check names the field when it is not one. */
export const TimeZone = z
  .string()
  .min(1)
  .superRefine((v, ctx) => {
    if (!isTimeZone(v)) ctx.addIssue({ code: 'custom', message: `unknown time zone "${v}" (an IANA name such as UTC, Europe/Berlin or America/New_York)` });
  });

const DAY_MS = 86_400_000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (`YYYY-MM-DD`) of the instant `at` in time zone `tz`: `2026-12-06T23:30Z` is `2026-12-07` in
 * Europe/Berlin and `2026-12-06` in UTC. Rollups are kept per such day.
 */
export function localDay(at: Date | number, tz = 'UTC'): string {
  const d = new Date(at);
  if (tz === 'UTC') return d.toISOString().slice(0, 10);
  let f = dayFormats.get(tz);
  if (!f) dayFormats.set(tz, (f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** How far `tz`'s wall clock is ahead of UTC at the instant `ms`, in ms (Berlin in winter: 3,600,000). */
function offsetAt(ms: number, tz: string): number {
  const wall = localDay(ms, tz);
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const [h, m, s] = f.format(ms).split(':').map(Number) as [number, number, number];
  return Date.parse(`${wall}T00:00:00Z`) + ((h * 60 + m) * 60 + s) * 1000 - (ms - (ms % 1000));
}

/**
 * The instant local midnight starts the calendar day `day` in `tz` (`day` as `YYYY-MM-DD`, or a Date at UTC midnight
 * of that calendar day): `2026-12-07` in Europe/Berlin is `2026-12-06T23:00Z`. Where midnight is skipped by a
 * daylight-saving change, the first instant of the day.
 */
export function zonedMidnight(day: string | Date, tz = 'UTC'): Date {
  const floating = typeof day === 'string' ? Date.parse(`${day}T00:00:00Z`) : Math.floor(day.getTime() / DAY_MS) * DAY_MS;
  if (tz === 'UTC') return new Date(floating);
  let at = floating - offsetAt(floating, tz);
  at = floating - offsetAt(at, tz);
  // A skipped midnight leaves `at` on the day before; the day starts where its first hour does.
  if (localDay(at, tz) < localDay(floating, 'UTC')) at += 3_600_000;
  return new Date(at);
}
