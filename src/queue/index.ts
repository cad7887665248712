import { BullmqQueue } from './bullmq.js';
import { InlineQueue } from './inline.js';
import type { Catalog, Queue } from './queue.js';
import { assertRedisReachable } from './redis-check.js';

export * from './queue.js';
export { BullmqQueue } from './bullmq.js';
export { InlineQueue } from './inline.js';
export { assertRedisReachable, redactUrl } from './redis-check.js';
export { onShutdown } from './shutdown.js';

/** BullMQ when `redisUrl` is set (checked reachable first, with a bounded timeout), else the inline queue. */
export async function openQueue<C extends Catalog>(catalog: C, opts: { redisUrl?: string; prefix?: string }): Promise<Queue<C>> {
  if (!opts.redisUrl) return new InlineQueue(catalog);
  await assertRedisReachable(opts.redisUrl);
  return new BullmqQueue(catalog, { url: opts.redisUrl, ...(opts.prefix ? { prefix: opts.prefix } : {}) });
}
