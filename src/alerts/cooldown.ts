import { durationMs } from '../domain/alert.js';

/**
 * True while a rule that last fired at `lastFiredAt` must stay quiet at `at`: an alert is created and sent at most
 * once per `cooldown` (a duration like `6h`). Times are ms since the epoch; no previous firing → false.
 */
export function inCooldown(lastFiredAt: number | undefined, at: number, cooldown: string): boolean {
  if (lastFiredAt === undefined) return false;
  return at - lastFiredAt < durationMs(cooldown);
}
