/**
 * Documents are stored as JSON text in SQLite. JSON has no dates, so a `Date` is written as
 * `{"$date": <ms since epoch>}` and turned back into a `Date` on read. Stored field names never start
 * with `$` (`storable` refuses them), so the marker cannot clash with real data.
 */

export function encodeDoc(doc: unknown): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : value;
  });
}

export function decodeDoc<T = Record<string, unknown>>(text: string): T {
  return revive(JSON.parse(text)) as T;
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const obj = value as Record<string, unknown>;
  const ms = obj.$date;
  if (typeof ms === 'number') return new Date(ms);
  for (const key in obj) {
    const v = obj[key];
    if (v !== null && typeof v === 'object') obj[key] = revive(v);
  }
  return obj;
}
