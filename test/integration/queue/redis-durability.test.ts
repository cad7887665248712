import { afterEach, describe, expect, it } from 'vitest';
import { checkRedisDurability } from '../../../src/queue/redis-check.js';
import { REDIS_SERVER, startRedis, type OwnRedis } from './redis-server.js';

const running: OwnRedis[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function redis(args: string[]): Promise<OwnRedis> {
  const r = await startRedis(args);
  running.push(r);
  return r;
}

describe.skipIf(!REDIS_SERVER)('the worker says when Redis can lose jobs (real redis-server)', () => {
  it('warns about a Redis without AOF or RDB: a restart would lose every queued job', async () => {
    const r = await redis(['--appendonly', 'no', '--save', '']);
    const d = await checkRedisDurability(r.url);
    expect(d).toMatchObject({ aof: false, rdb: false, maxmemoryPolicy: 'noeviction' });
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/no persistence .*restart loses every queued job; set appendonly yes/);
  });

  it('warns about an eviction policy that can drop queued jobs under memory pressure', async () => {
    const r = await redis(['--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'allkeys-lru']);
    const d = await checkRedisDurability(r.url);
    expect(d.warnings).toEqual([expect.stringMatching(/maxmemory-policy allkeys-lru: .*set maxmemory-policy noeviction/)]);
  });

  it('is quiet for AOF with noeviction, and for RDB snapshots alone', async () => {
    const aof = await redis(['--appendonly', 'yes', '--save', '']);
    expect((await checkRedisDurability(aof.url)).warnings).toEqual([]);
    const rdb = await redis(['--appendonly', 'no', '--save', '60 1']);
    expect(await checkRedisDurability(rdb.url)).toMatchObject({ aof: false, rdb: true, warnings: [] });
  });

  it('falls back to INFO where CONFIG is forbidden (managed Redis), and says what it cannot tell', async () => {
    const r = await redis(['--appendonly', 'no', '--save', '', '--maxmemory-policy', 'volatile-lru', '--rename-command', 'CONFIG', '']);
    const d = await checkRedisDurability(r.url);
    expect(d).toMatchObject({ aof: false, rdb: null, maxmemoryPolicy: 'volatile-lru' });
    expect(d.warnings.join('\n')).toMatch(/appendonly off and CONFIG is not allowed/);
    expect(d.warnings.join('\n')).toMatch(/maxmemory-policy volatile-lru/);
  });
});
