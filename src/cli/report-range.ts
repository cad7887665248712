import { UserError } from '../domain/errors.js';
import { localDay } from '../domain/time-zone.js';
import type { Store } from '../store/store.js';
import { str, type Values } from './command.js';

const INTERVALS = ['day', 'week', 'month'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One line for the flag mistakes a report would otherwise answer with an empty table or a schema message. Dates are
 * checked against `today` (in the config's zone) when it is given.
 */
export function checkReportFlags(values: Values, today?: string): void {
  const interval = str(values, 'interval');
  if (interval !== undefined && !INTERVALS.includes(interval)) {
    throw new UserError(`--interval: "${interval}" is not an interval (use day, week or month)`);
  }
  if (today === undefined) return;
  const from = str(values, 'from');
  if (from !== undefined && DAY.test(from) && from > today) {
    throw new UserError(`--from ${from} is in the future (today is ${today}): nothing can have been published yet`);
  }
  const to = str(values, 'to');
  if (to !== undefined && DAY.test(to) && to > today) {
    throw new UserError(`--to ${to} is in the future (today is ${today}): leave --to out to end the range today`);
  }
}

/** When the whole asked range lies before the brand's first stored mention, one line with the range that has data. */
export async function checkRangeHasData(store: Store, brand: string, values: Values, tz = 'UTC'): Promise<void> {
  const to = str(values, 'to');
  if (to === undefined || !DAY.test(to)) return;
  const [first] = await store.findMentions({ brand }, { sort: { publishedAt: 1 }, limit: 1, projection: { publishedAt: 1 } });
  if (!first) throw new UserError(`no mentions of ${brand} are stored yet: run earshot crawl --brand ${brand} first`);
  const firstDay = localDay(new Date(first.publishedAt), tz);
  if (to < firstDay) {
    throw new UserError(`--to ${to} is before the first stored mention of ${brand} (${firstDay}): try --from ${firstDay}`);
  }
}
