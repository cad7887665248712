/**
 * A date from a source: ISO 8601 (date-only means UTC midnight), RFC 822/1123 (feeds), or epoch seconds/ms as a
 * number. Invalid or absurd dates (before 1990, more than two days ahead) give undefined, never an Invalid Date.
 */
export function parseDate(value: unknown, now = Date.now()): Date | undefined {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value < 1e11 ? value * 1000 : value;
  else if (typeof value === 'string') {
    const s = value.trim();
    if (!s) return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) ms = Date.parse(`${s}T00:00:00Z`);
    else if (/^\d{9,13}$/.test(s)) ms = Number(s) < 1e11 ? Number(s) * 1000 : Number(s);
    else ms = Date.parse(s);
  } else return undefined;
  if (!Number.isFinite(ms)) return undefined;
  if (ms < Date.UTC(1990, 0, 1) || ms > now + 2 * 86_400_000) return undefined;
  return new Date(ms);
}

const UNITS: Record<string, number> = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5, month: 2592e6, year: 31536e6 };

/**
 * Dates as review sites print them when there is no machine-readable one: absolute dates (see `parseDate`) and
 * relative English ones ("6 hours ago", "a day ago", "yesterday", "today"), measured from `now`.
 */
export function parseLooseDate(value: string | undefined, now = Date.now()): Date | undefined {
  if (!value) return undefined;
  const absolute = parseDate(value, now);
  if (absolute) return absolute;
  const s = value.trim().toLowerCase();
  if (s === 'today' || s === 'just now') return new Date(now);
  if (s === 'yesterday') return new Date(now - UNITS.day!);
  const m = /^(an?|\d+)\s+(second|minute|hour|day|week|month|year)s?\s+ago$/.exec(s);
  if (!m) return undefined;
  const n = m[1] === 'a' || m[1] === 'an' ? 1 : Number(m[1]);
  return new Date(now - n * UNITS[m[2]!]!);
}
