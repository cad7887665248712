import type { AlertRule } from '../domain/alert.js';
import type { Store } from '../store/store.js';
import { lookbackMs } from './evaluate.js';
import { hourlyPipeline, toBucket } from './query.js';
import { HourlySeries } from './series.js';

/** Loads the hourly series a rule needs to be evaluated at every hour in [from, to] (ms). */
export async function loadRuleSeries(store: Store, rule: AlertRule, from: number, to: number): Promise<HourlySeries> {
  const start = from - lookbackMs(rule);
  const rows = await store.aggregate('mentions', hourlyPipeline(rule.brand, rule.filters, new Date(start), new Date(to)));
  // Rows with a null hour are the undated mentions' (see `hourlyPipeline`): in no window.
  return new HourlySeries(rows.filter((r) => r._id !== null && r._id !== undefined).map(toBucket), start, to);
}
