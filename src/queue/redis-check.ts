import { Redis } from 'ioredis';
import { UserError } from '../domain/errors.js';

/** `redis://user:***@host:port/db`: never print a password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Fail fast with one readable line when Redis cannot be reached, instead of BullMQ retrying forever.
 * @param timeoutMs connect timeout, default 3000 ms
 */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new UserError(`cannot reach Redis at ${redactUrl(url)} (${(err as Error).message})`, 'redis_unreachable');
  } finally {
    client.disconnect();
  }
}
