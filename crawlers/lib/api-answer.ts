import type { z } from 'zod';
import { CrawlError } from './errors.js';

/**
 * The boundary for JSON APIs: an answer that is not the shape the API documents (`null`, an error object served
 * with 200, a changed format) is a `parse` failure naming the URL and what was wrong, never an empty success and
 * never a TypeError further in. Item-level shapes are checked one by one with `validItems`, so one odd item does
 * not cost the page.
 * @param what the answer's name for the message, e.g. `HN search page`.
 */
export function parseAnswer<S extends z.ZodType>(schema: S, data: unknown, url: string, what: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const got = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data === 'object' ? 'an object' : typeof data;
  throw new CrawlError('parse', `unexpected answer: not a ${what} (${path ? `${path}: ` : ''}${issue.message}; got ${got})`, url);
}

/** The items of a list that have the expected shape, and how many did not. */
export function validItems<S extends z.ZodType>(schema: S, items: readonly unknown[]): { items: Array<z.infer<S>>; skipped: number } {
  const out: Array<z.infer<S>> = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return { items: out, skipped: items.length - out.length };
}
