/**
 * A time as the CLI shows it: `2026-12-06 15:26` in the config's time zone (`timezone`, default UTC). Tables say the
 * zone once in their title, so each cell stays short.
 */
export function formatTime(d: Date | string | number, tz = 'UTC'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(d))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The calendar day (`YYYY-MM-DD`) of `d` in time zone `tz`. */
export function dayIn(d: Date | number, tz = 'UTC'): string {
  return formatTime(d, tz).slice(0, 10);
}
