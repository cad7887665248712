import type { Catalog, Queue } from './queue.js';

/**
 * BullMQ when `redisUrl` is set (checked reachable first, with a bounded timeout), else the inline queue.
 * Each adapter is imported only when chosen, so the inline path never loads bullmq or ioredis.
 */
export async function openQueue<C extends Catalog>(catalog: C, opts: { redisUrl?: string; prefix?: string }): Promise<Queue<C>> {
  if (!opts.redisUrl) {
    const { InlineQueue } = await import('./inline.js');
    return new InlineQueue(catalog);
  }
  const [{ assertRedisReachable }, { BullmqQueue }] = await Promise.all([import('./redis-check.js'), import('./bullmq.js')]);
  await assertRedisReachable(opts.redisUrl);
  return new BullmqQueue(catalog, { url: opts.redisUrl, ...(opts.prefix ? { prefix: opts.prefix } : {}) });
}
