/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** The corpus spans the ten weeks before `now`. */
export const SPAN_MS = 70 * DAY_MS;

/** `now` minus an age in milliseconds, rounded to whole seconds. */
export function ago(now: Date, ageMs: number): Date {
  return new Date(now.getTime() - Math.round(ageMs / 1000) * 1000);
}

/** Newest first, ties broken by a stable key so the order never depends on build order. */
export function newestFirst<T>(at: (x: T) => Date, key: (x: T) => string | number): (a: T, b: T) => number {
  return (a, b) => {
    const d = at(b).getTime() - at(a).getTime();
    if (d !== 0) return d;
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  };
}

/** Ids that grow with time count from this long before `now`, so they never depend on `now` itself. */
export const ID_HORIZON_MS = 365 * DAY_MS;
