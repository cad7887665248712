import { createRequire } from 'node:module';
import type * as CronParser from 'cron-parser';

/** Field ranges of a 5-field expression (minute hour day-of-month month day-of-week); 6 fields put seconds first. */
const FIVE: ReadonlyArray<readonly [number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];
const PART = /^(?:\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,3}))?$/;

function plainField(field: string, [lo, hi]: readonly [number, number]): boolean {
  return field.split(',').every((part) => {
    const m = PART.exec(part);
    if (!m || (m[3] !== undefined && Number(m[3]) < 1)) return false;
    if (m[1] === undefined) return true;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    return lo <= a && a <= b && b <= hi;
  });
}

/**
 * True for a cron expression made only of numbers, ranges, lists, `*` and steps, each within its field's range, with
 * day of month or month left `*` — the everyday forms (`0 *\/6 * * *`, `30 8 * * 1-5`), which cron-parser accepts too.
 * False means "ask cron-parser", never "invalid": names, `L`, `W`, `#`, `?` and explicit day-and-month pairs (Feb 30)
 * are its to judge.
 */
export function isPlainCron(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) return false;
  const ranges = fields.length === 6 ? [[0, 59] as const, ...FIVE] : FIVE;
  const [dom, month] = fields.slice(-3, -1);
  if (dom !== '*' && month !== '*') return false;
  return fields.every((f, i) => plainField(f, ranges[i]!));
}

/**
 * Whether cron-parser (what the schedulers run) accepts `expr` with 5 or 6 fields. The everyday forms are answered
 * without it: cron-parser brings luxon, ~20 ms of a command's start-up, and a command that runs no schedule (a
 * report, an export) should not pay that to read a config with schedules in it.
 */
export function isValidCron(expr: string): boolean {
  if (isPlainCron(expr)) return true;
  try {
    const { CronExpressionParser } = createRequire(import.meta.url)('cron-parser') as typeof CronParser;
    CronExpressionParser.parse(expr);
    return expr.trim().split(/\s+/).length >= 5;
  } catch {
    return false;
  }
}
