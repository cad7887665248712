import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../../src/api/keys.js';
import { buildApiServer } from '../../../src/api/server.js';
import { parseConfig } from '../../../src/config/load.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';

/** Two API processes behind one balancer share each key's rate limit through Redis (real Redis at 127.0.0.1:6379). */
const config = parseConfig(`brands:\n  - { id: acme, name: Acme, sources: [{ kind: reddit, name: reddit }] }\n`, 'rl.yaml', { env: {} });
let store: Store;
let key: string;
const clients: Redis[] = [];
const apps: FastifyInstance[] = [];
const bases: string[] = [];
const nameSpace = `earshot-rl-test-${process.pid}-${Date.now()}-`;

beforeAll(async () => {
  store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'earshot-rl-')) });
  key = (await createKey(store, { name: 'analyst', scope: 'read' })).key;
  for (let i = 0; i < 2; i++) {
    const client = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    clients.push(client);
    const app = await buildApiServer({ config, store }, { logger: false, rateLimitPerMinute: 4, rateLimitRedis: { client, nameSpace } });
    apps.push(app);
    bases.push(await app.listen({ port: 0, host: '127.0.0.1' }));
  }
});
afterAll(async () => {
  for (const app of apps) await app.close();
  const keys = await clients[0]?.keys(`${nameSpace}*`);
  if (keys?.length) await clients[0]!.del(...keys);
  for (const c of clients) await c.quit();
  await store?.close();
});

const brands = async (base: string) => (await fetch(`${base}/api/v1/brands`, { headers: { authorization: `Bearer ${key}` } })).status;

describe('the rate limit counted in Redis', () => {
  it('is shared by every server: 4 a minute in all, whichever server answers', async () => {
    expect([await brands(bases[0]!), await brands(bases[1]!), await brands(bases[0]!), await brands(bases[1]!)]).toEqual([200, 200, 200, 200]);
    const fifth = await fetch(`${bases[1]}/api/v1/brands`, { headers: { authorization: `Bearer ${key}` } });
    expect(fifth.status).toBe(429);
    expect(((await fifth.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});
