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
