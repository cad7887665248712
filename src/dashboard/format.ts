/** Display only: every number was computed by the API. */

export const dash = '–';

export function num(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return dash;
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function pct(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined ? dash : `${(share * 100).toFixed(digits)}%`;
}

/** A net sentiment (-1..1) as a signed number with 2 decimals. */
export function net(n: number | null | undefined): string {
  return n === null || n === undefined ? dash : `${n > 0 ? '+' : ''}${n.toFixed(2)}`;
}

export function signed(n: number | null | undefined, digits = 0, suffix = ''): string {
  if (n === null || n === undefined || Number.isNaN(n)) return dash;
  const s = n.toFixed(digits);
  return `${n > 0 ? '+' : ''}${s}${suffix}`;
}

let zone = 'UTC';
const formats = new Map<string, Intl.DateTimeFormat>();

/** The time zone dates and times are shown in: the server's configured `timezone` (IANA); UTC if unknown here. */
export function setTimeZone(tz: string | null | undefined): void {
  try {
    if (tz) new Intl.DateTimeFormat('en', { timeZone: tz });
    zone = tz || 'UTC';
  } catch {
    zone = 'UTC';
  }
}

export const timeZone = (): string => zone;

function parts(d: Date, withTime: boolean): Record<string, string> {
  const key = `${zone}|${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } : {}),
    } as Intl.DateTimeFormatOptions);
    formats.set(key, f);
  }
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

/** The calendar day of an instant in the configured zone (`2026-03-29`). */
export function day(iso: string | number | Date | null | undefined): string {
  if (iso === null || iso === undefined) return dash;
  const p = parts(new Date(iso), false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as local time in the configured zone, with the zone's short name (`2026-03-29 14:05 CEST`). */
export function when(iso: string | number | Date | null | undefined): string {
  if (iso === null || iso === undefined) return dash;
  const p = parts(new Date(iso), true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** How far the zone's wall clock is ahead of UTC at `ms` (ms). */
function offsetAt(ms: number): number {
  const p = parts(new Date(ms), true);
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - Math.floor(ms / 1000) * 1000;
}

/**
 * Seconds since the epoch for a period label (`2026-09-07`, `2026-09`: local midnight in the configured zone, as
 * the reports bucket them; an ISO time with its own offset as is).
 */
export function periodSeconds(period: string): number {
  const iso = /^\d{4}-\d{2}$/.test(period) ? `${period}-01` : period;
  if (iso.length !== 10) return Date.parse(iso) / 1000;
  const wall = Date.parse(`${iso}T00:00:00Z`);
  // The offset at the guess, then again at the result: right across a DST change.
  const guess = wall - offsetAt(wall);
  return (wall - offsetAt(guess)) / 1000;
}
