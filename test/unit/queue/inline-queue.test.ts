import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/domain/errors.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { testCatalog } from '../../helpers/catalog.js';

const queues: InlineQueue<typeof testCatalog>[] = [];
function open(onFailed = (_j: unknown, _e: Error) => {}) {
  const q = new InlineQueue(testCatalog, { onFailed });
  queues.push(q);
  return q;
}
afterEach(async () => {
  while (queues.length) await queues.pop()!.close(100);
});

describe('inline queue', () => {
  it('runs every job once and resolves idle() when all are done', async () => {
    const q = open();
    const seen: number[] = [];
    q.work('echo', async (p) => void seen.push(p.n), { concurrency: 2 });
    for (let n = 0; n < 10; n++) await q.enqueue('echo', { n });
    await q.idle();
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('holds jobs enqueued before a handler exists until one is registered', async () => {
    const q = open();
    await q.enqueue('echo', { n: 7 });
    const seen: number[] = [];
    q.work('echo', async (p) => void seen.push(p.n));
    await q.idle();
    expect(seen).toEqual([7]);
  });

  it('when a job fails twice it is retried with growing delays and then succeeds', async () => {
    const q = open();
    const times: number[] = [];
    q.work('echo', async () => {
      times.push(Date.now());
      if (times.length < 3) throw new Error('flaky');
    });
    await q.enqueue('echo', { n: 1 });
    await q.idle();
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(18); // backoff 20 ms
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(38); // then 40 ms
    expect(q.failures).toEqual([]);
  });

  it('when a job keeps failing it stops after the catalog attempts and reports the failure', async () => {
    const failed: string[] = [];
    const q = open((_j, e) => failed.push(e.message));
    let tries = 0;
    q.work('echo', async () => {
      tries++;
      throw new Error('always');
    });
    await q.enqueue('echo', { n: 1 });
    await q.idle();
    expect(tries).toBe(3);
    expect(failed).toEqual(['always']);
  });

  it('a permanent error is not retried', async () => {
    const q = open();
    let tries = 0;
    q.work('echo', async () => {
      tries++;
      throw new PermanentError('bad input');
    });
    await q.enqueue('echo', { n: 1 });
    await q.idle();
    expect(tries).toBe(1);
    expect(q.failures[0]?.error).toBe('bad input');
  });

  it('rejects an invalid payload when it is enqueued, naming the field', async () => {
    const q = open();
    await expect(q.enqueue('echo', { n: 'x' } as never)).rejects.toThrow(/job echo: invalid payload: n:/);
  });

  it('a job id enqueued twice while waiting runs once', async () => {
    const q = open();
    await q.enqueue('echo', { n: 1 }, { jobId: 'same' });
    await q.enqueue('echo', { n: 2 }, { jobId: 'same' });
    const seen: number[] = [];
    q.work('echo', async (p) => void seen.push(p.n));
    await q.idle();
    expect(seen).toEqual([1]);
  });

  it('a job that outlives its timeout fails', async () => {
    const q = open();
    q.work('slow', (p, ctx) => new Promise((r) => { const t = setTimeout(r, p.ms); ctx.signal.addEventListener('abort', () => clearTimeout(t)); }));
    await q.enqueue('slow', { ms: 2_000 });
    await q.idle();
    expect(q.failures[0]?.error).toMatch(/timed out after 200 ms/);
  });

  it('a cron schedule enqueues its job when due, and unschedule stops it', async () => {
    const q = open();
    const seen: number[] = [];
    q.work('echo', async (p) => void seen.push(p.n));
    await q.schedule('every-second', '* * * * * *', 'echo', { n: 42 });
    const [info] = await q.listSchedules();
    expect(info).toMatchObject({ id: 'every-second', name: 'echo', cron: '* * * * * *' });
    await new Promise((r) => setTimeout(r, 2_300));
    await q.unschedule('every-second');
    const count = seen.length;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(seen.every((n) => n === 42)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(seen.length).toBe(count);
    expect(await q.listSchedules()).toEqual([]);
  });
});
