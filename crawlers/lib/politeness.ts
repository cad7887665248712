import { sleep } from './sleep.js';

/**
 * Spaces requests to one host (`host:port`) evenly: at most `perMinute` a minute, shared by every run in the process
 * that uses the same limiter. A host can also be paused (HTTP 429 `Retry-After`, exhausted `X-Ratelimit-Remaining`).
 */
export class HostRateLimiter {
  private readonly nextSlot = new Map<string, number>();

  /** Waits for the next free slot for `host`. `perMinute` is the caller's limit (requests a minute). */
  async acquire(host: string, perMinute: number, signal?: AbortSignal): Promise<void> {
    const interval = 60_000 / Math.max(perMinute, 1e-6);
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + interval);
    await sleep(slot - now, signal);
  }

  /** No request to `host` before `until` (epoch ms). */
  pauseUntil(host: string, until: number): void {
    if (until > (this.nextSlot.get(host) ?? 0)) this.nextSlot.set(host, until);
  }
}

/** The process-wide limiter the crawlers use unless a test injects its own. */
export const sharedHostLimiter = new HostRateLimiter();

/** Default User-Agent: names earshot and where to read about it, as polite bots do. */
export const DEFAULT_USER_AGENT = 'earshot/0.1 (+https://github.com/earshot/earshot; social listening bot)';

/** The product token robots.txt groups are matched against (`earshot` for the default User-Agent). */
export function robotsToken(userAgent: string): string {
  return (userAgent.trim().split(/[\s/]/, 1)[0] || 'earshot').toLowerCase();
}
