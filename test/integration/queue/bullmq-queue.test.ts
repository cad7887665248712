import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PermanentError } from '../../../src/domain/errors.js';
import { BullmqQueue } from '../../../src/queue/bullmq.js';
import { assertRedisReachable } from '../../../src/queue/redis-check.js';
import { testCatalog } from '../../helpers/catalog.js';

const redisUrl = inject('redisUrl');
const open: Array<{ q: BullmqQueue<typeof testCatalog>; prefix: string }> = [];

function queue(onFailed?: (j: unknown, e: Error) => void) {
  const prefix = `earshot-test-${randomBytes(4).toString('hex')}`;
  const q = new BullmqQueue(testCatalog, { url: redisUrl!, prefix, ...(onFailed ? { onFailed } : {}) });
  open.push({ q, prefix });
  return q;
}

/** Remove every key a test wrote (random prefix per test, as bullmq's own tests do). */
async function cleanup(prefix: string) {
  const r = new Redis(redisUrl!);
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length) await r.del(...keys);
  await r.quit();
}

afterEach(async () => {
  while (open.length) {
    const { q, prefix } = open.pop()!;
    await q.close(1_000);
    await cleanup(prefix);
  }
});

describe.skipIf(!redisUrl)('BullMQ queue on real Redis', () => {
  it('processes enqueued jobs and idle() resolves when the queues are empty', async () => {
    const q = queue();
    const seen: number[] = [];
    q.work('echo', async (p) => void seen.push(p.n), { concurrency: 2 });
    for (let n = 0; n < 5; n++) await q.enqueue('echo', { n });
    await q.idle();
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('when a job fails twice it is retried with exponential backoff and then succeeds', async () => {
    const q = queue();
    let tries = 0;
    q.work('echo', async () => {
      tries++;
      if (tries < 3) throw new Error('flaky');
    });
    await q.enqueue('echo', { n: 1 });
    await q.idle();
    expect(tries).toBe(3);
  });

  it('a permanent error becomes UnrecoverableError: one try, reported as failed', async () => {
    const failed: string[] = [];
    const q = queue((_j, e) => failed.push(`${e.name}: ${e.message}`));
    let tries = 0;
    q.work('echo', async () => {
      tries++;
      throw new PermanentError('no such brand');
    });
    await q.enqueue('echo', { n: 1 });
    await q.idle();
    await new Promise((r) => setTimeout(r, 100));
    expect(tries).toBe(1);
    expect(failed).toEqual(['UnrecoverableError: no such brand']);
  });

  it('a payload that fails validation when processed is not retried', async () => {
    const failed: string[] = [];
    const q = queue((_j, e) => failed.push(e.message));
    let ran = 0;
    q.work('echo', async () => void ran++);
    // Bypass enqueue validation the way a stale producer would: write straight through BullMQ.
    const { Queue } = await import('bullmq');
    const raw = new Queue('echo', { connection: { url: redisUrl!, maxRetriesPerRequest: null }, prefix: open.at(-1)!.prefix });
    await raw.add('echo', { n: 'not a number' }, { attempts: 3 });
    await raw.close();
    await q.idle();
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(0);
    expect(failed[0]).toMatch(/invalid payload: n:/);
  });

  it('cron schedules are job schedulers: upsert replaces, list shows next run, unschedule removes', async () => {
    const q = queue();
    await q.schedule('northwind:reviews', '0 */6 * * *', 'echo', { n: 1 });
    await q.schedule('northwind:reviews', '30 */2 * * *', 'echo', { n: 2 });
    const list = await q.listSchedules();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'northwind:reviews', cron: '30 */2 * * *', payload: { n: 2 } });
    expect(list[0]!.next!.getTime()).toBeGreaterThan(Date.now());
    await q.unschedule('northwind:reviews');
    expect(await q.listSchedules()).toEqual([]);
  });

  it('graceful close lets a running job finish', async () => {
    const q = queue();
    let finished = false;
    q.work('echo', async () => {
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
    });
    await q.enqueue('echo', { n: 1 });
    await new Promise((r) => setTimeout(r, 150));
    await q.close(5_000);
    expect(finished).toBe(true);
  });

  it('a job still running at the shutdown deadline is handed back to the queue, no try used, and the next worker runs it', async () => {
    const q = queue();
    const prefix = open.at(-1)!.prefix;
    const handedBack: string[] = [];
    let sawAbort = '';
    const first = new BullmqQueue(testCatalog, { url: redisUrl!, prefix, onHandedBack: (j) => handedBack.push(j.name) });
    first.work('echo', (_p, ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve((sawAbort = String(ctx.signal.reason)))))); // a long crawl that stops when told
    await first.enqueue('echo', { n: 7 });
    await new Promise((r) => setTimeout(r, 200));
    await first.close(100);
    expect(sawAbort).toMatch(/shutdown deadline passed, job handed back/);
    expect(handedBack).toEqual(['echo']);
    const { Queue } = await import('bullmq');
    const raw = new Queue('echo', { connection: { url: redisUrl!, maxRetriesPerRequest: null }, prefix });
    const [waiting] = await raw.getJobs(['wait']);
    await raw.close();
    expect(waiting?.data).toEqual({ n: 7 });
    expect(waiting?.attemptsMade).toBe(0);
    const done: number[] = [];
    q.work('echo', async (p, ctx) => void done.push(p.n * 10 + ctx.attempt));
    await q.idle();
    expect(done).toEqual([71]);
  });
});

describe('an unreachable REDIS_URL', () => {
  it('fails fast with one readable line, not a hang', async () => {
    const t0 = Date.now();
    await expect(assertRedisReachable('redis://:secret@127.0.0.1:1', 2_000)).rejects.toThrow(
      /^cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/,
    );
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
