import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../../src/api/keys.js';
import { buildApiServer } from '../../../src/api/server.js';
import { parseConfig } from '../../../src/config/load.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';
import { acmeFixture, m, seed } from '../reports/fixtures.js';

/**
 * Report answers are kept until the data moves: ten users opening one dashboard view cost one report, and a mention
 * written by any process (a worker, a crawl) is in the very next answer.
 */
let dataDir: string;
let store: Store;
let app: FastifyInstance;
let base: string;
let key: string;

const config = parseConfig(
  `brands:
  - id: acme
    name: Acme
    sources: [{ kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }]
`,
  'cache-test.yaml',
  { env: {} },
);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'earshot-cache-'));
  store = await openStore({ dataDir });
  await seed(store, acmeFixture());
  key = (await createKey(store, { name: 'analyst', scope: 'write' })).key;
  app = await buildApiServer({ config, store }, { logger: false, rateLimitPerMinute: 10_000 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const TREND = '/api/v1/brands/acme/reports/trend?from=2024-03-04&to=2024-03-17&interval=week';
const auth = () => ({ authorization: `Bearer ${key}` });

async function volume(path = TREND): Promise<number> {
  const res = await fetch(`${base}${path}`, { headers: auth() });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: Array<{ volume: number }> };
  return body.rows.reduce((n, r) => n + r.volume, 0);
}

async function outcomes(): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`, { headers: auth() })).text();
  const out: Record<string, number> = { miss: 0, shared: 0, hit: 0 };
  for (const [, outcome, n] of text.matchAll(/^earshot_report_cache_requests_total\{outcome="(\w+)"\} (\d+)/gm)) out[outcome!] = Number(n);
  return out;
}

describe('report answers kept until the data changes', () => {
  it('computes one report for identical requests that arrive together, and answers each the same', async () => {
    const before = await outcomes();
    const answers = await Promise.all(Array.from({ length: 6 }, () => volume()));
    expect(answers).toEqual([5, 5, 5, 5, 5, 5]);
    const after = await outcomes();
    expect(after.miss! - before.miss!).toBe(1);
    expect(after.shared! + after.hit! - before.shared! - before.hit!).toBe(5);
  });

  it('a different view is its own answer', async () => {
    const before = await outcomes();
    expect(await volume(`${TREND}&source=trustsite`)).toBe(4);
    expect((await outcomes()).miss! - before.miss!).toBe(1);
  });

  it('a mention stored by another process is in the next answer', async () => {
    expect(await volume()).toBe(5);
    // Another connection to the same data dir, as a worker or a crawl would hold.
    const other = await openStore({ dataDir });
    try {
      await seed(other, [m('acme', 'late1', { day: '2024-03-15', label: 'negative', score: -0.7 })]);
    } finally {
      await other.close();
    }
    expect(await volume()).toBe(6);
  });

  it('a workflow change made through the API ("not about us") is in the next answer', async () => {
    expect(await volume()).toBe(6);
    const res = await fetch(`${base}/api/v1/mentions/${encodeURIComponent('acme:reviews-jsonld:late1')}`, {
      method: 'PATCH',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ notAboutUs: true }),
    });
    expect(res.status).toBe(200);
    expect(await volume()).toBe(5);
  });
});
