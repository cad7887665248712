import { afterEach, describe, expect, it } from 'vitest';
import { day, periodSeconds, setTimeZone, timeZone, when } from '../../../src/dashboard/format.js';

/** The dashboard shows times in the configured `timezone`, not in UTC or in the browser's zone. */
afterEach(() => setTimeZone('UTC'));

describe('times shown in the configured zone', () => {
  it('shows an instant as local time with the zone, and its local calendar day', () => {
    const late = '2026-03-07T23:30:00Z';
    setTimeZone('UTC');
    expect(when(late)).toBe('2026-03-07 23:30 UTC');
    expect(day(late)).toBe('2026-03-07');
    setTimeZone('Europe/Berlin');
    expect(when(late)).toBe('2026-03-08 00:30 GMT+1');
    expect(day(late)).toBe('2026-03-08'); // already the next day in Berlin
    setTimeZone('America/New_York');
    expect(when(late)).toBe('2026-03-07 18:30 EST');
  });

  it('places a period label at local midnight, also on the day the clocks change', () => {
    setTimeZone('Europe/Berlin');
    expect(new Date(periodSeconds('2026-03-07') * 1000).toISOString()).toBe('2026-03-06T23:00:00.000Z');
    expect(new Date(periodSeconds('2026-03-30') * 1000).toISOString()).toBe('2026-03-29T22:00:00.000Z'); // summer time
    expect(new Date(periodSeconds('2026-03') * 1000).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    setTimeZone('UTC');
    expect(periodSeconds('2026-03-07')).toBe(Date.UTC(2026, 2, 7) / 1000);
  });

  it('falls back to UTC for a zone this browser does not know, instead of failing every page', () => {
    setTimeZone('Mars/Olympus_Mons');
    expect(timeZone()).toBe('UTC');
    expect(when('2026-03-07T23:30:00Z')).toBe('2026-03-07 23:30 UTC');
  });
});
