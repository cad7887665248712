import { durationMs } from '../domain/alert.js';
import { inCooldown } from './cooldown.js';
import { type Evaluation, evaluate, type RuleMath } from './evaluate.js';
import { HOUR_MS, type HourlySeries } from './series.js';

/** One time a rule would have fired in a replay. */
export interface Firing extends Evaluation {
  at: number;
}

export interface BacktestResult {
  firings: Firing[];
  /** Hours evaluated. */
  evaluated: number;
  /** Hours the rule would have fired but the cooldown held it back. */
  suppressed: number;
}

/**
 * Replays a rule over history: evaluates it at the end of every hour in (from, to] (ms) and keeps the firings the
 * cooldown lets through, as detection running hourly would have. `series` must reach back `window + baseline`
 * before `from`.
 */
export function backtest(rule: RuleMath & { cooldown: string }, series: HourlySeries, from: number, to: number): BacktestResult {
  durationMs(rule.cooldown); // fail early on a malformed cooldown
  const firings: Firing[] = [];
  let last: number | undefined;
  let evaluated = 0;
  let suppressed = 0;
  for (let at = Math.ceil(from / HOUR_MS) * HOUR_MS; at <= to; at += HOUR_MS) {
    evaluated++;
    const e = evaluate(rule, series, at);
    if (!e.fires) continue;
    if (inCooldown(last, at, rule.cooldown)) {
      suppressed++;
      continue;
    }
    firings.push({ ...e, at });
    last = at;
  }
  return { firings, evaluated, suppressed };
}
