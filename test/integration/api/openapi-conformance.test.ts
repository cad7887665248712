import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../../src/api/keys.js';
import { buildApiServer } from '../../../src/api/server.js';
import { parseConfig } from '../../../src/config/load.js';
import { prng } from '../../../src/demo/lib/prng.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';
import { acmeFixture, NOW, seed } from '../reports/fixtures.js';

/**
 * Every endpoint against the OpenAPI document the server publishes: each operation is called over real HTTP and
 * its answer validated (JSON Schema 2020-12, as OpenAPI 3.1 uses) against the document's own response schema. Then
 * seeded random parameters: never a 5xx, always the one error shape naming the parameter.
 */
let store: Store;
let app: FastifyInstance;
let base: string;
let key: string;

const config = parseConfig(
  `brands:
  - id: acme
    name: Acme
    competitors: [{ id: bluebird, name: Bluebird }]
    goals: [{ metric: net_sentiment, min: 0.4 }]
    sources: [{ kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme", schedule: "0 * * * *" }]
  - id: bluebird
    name: Bluebird
    sources: [{ kind: reddit, name: reddit }]
alerts:
  - { name: acme-negative, kind: negative_spike, brand: acme, window: 24h, baseline: 14d, minCount: 1, cooldown: 6h }
`,
  'conformance.yaml',
  { env: {} },
);

beforeAll(async () => {
  store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'earshot-openapi-')) });
  await seed(store, acmeFixture());
  await store.putDoc('alerts', {
    _id: 'acme-negative:2024-03-13T12',
    rule: 'acme-negative',
    kind: 'negative_spike',
    brand: 'acme',
    filters: {},
    window: { from: new Date('2024-03-12T12:00:00Z'), to: new Date('2024-03-13T12:00:00Z') },
    baseline: { from: new Date('2024-02-27T12:00:00Z'), to: new Date('2024-03-12T12:00:00Z') },
    observed: 3,
    expected: 0.4,
    unit: 'mentions',
    sample: 3,
    pValue: 0.001,
    severity: 'high',
    summary: 'acme: 3 negative mentions vs 0.4 expected',
    examples: [],
    state: 'open',
    createdAt: new Date('2024-03-13T12:00:00Z'),
    channels: [],
  });
  key = (await createKey(store, { name: 'conformance', scope: 'admin' })).key;
  app = await buildApiServer({ config, store, now: () => NOW, startCrawl: async () => {} }, { logger: false, rateLimitPerMinute: 100_000, dashboard: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

interface Operation {
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

/** Concrete URLs for a templated path: every report kind, the stored alert, the configured rule, a stored mention. */
function concrete(path: string, op: Operation, mentionId: string): string[] {
  let urls = [path.replace(/\{(\w+)\}/g, ':$1')];
  const fill = (param: string, values: string[]) => (urls = urls.flatMap((u) => values.map((v) => u.replace(`:${param}`, encodeURIComponent(v)))));
  for (const p of op.parameters ?? []) {
    if (p.in !== 'path') continue;
    if (p.schema?.enum) fill(p.name, p.schema.enum);
    else if (path.includes('/alerts/rules/')) fill(p.name, ['acme-negative']);
    else if (path.includes('/alerts/')) fill(p.name, ['acme-negative:2024-03-13T12']);
    else if (path.includes('/mentions/')) fill(p.name, [mentionId]);
    else fill(p.name, ['acme']);
  }
  return urls;
}

const call = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
};

const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/mentions/{id}': { status: 'assigned', assignee: 'sam', note: 'on it' },
  'POST /api/v1/alerts/{id}/ack': { note: 'seen' },
  'POST /api/v1/crawls': { brand: 'acme', source: 'trustsite' },
};

describe('OpenAPI conformance', () => {
  it('every operation in /openapi.json answers what its response schema says', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toBe('3.1.0');
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const [mention] = (await call('GET', '/api/v1/mentions?brand=acme&limit=1')).body.items;
    const checked: string[] = [];
    const skipped: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        const ok = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
        const schema = ok?.[1].content?.['application/json']?.schema;
        if (!schema) {
          skipped.push(name);
          continue;
        }
        if (op.requestBody && !(name in BODIES)) {
          skipped.push(name);
          continue;
        }
        const validate = ajv.compile(schema);
        for (const url of concrete(path, op, mention.id)) {
          const r = await call(method.toUpperCase(), url, BODIES[name]);
          expect(r.status, `${name} → ${url}: ${JSON.stringify(r.body)}`).toBe(Number(ok![0]));
          expect(validate(r.body), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          checked.push(url);
        }
      }
    }
    // Every report kind, the alerts, the backtest, sources, mentions and the workflow went through the check.
    for (const must of ['/reports/trend', '/reports/themes', '/reports/advocacy', '/reports/sov', '/reports/gaps', '/reports/emerging', '/alerts/rules/acme-negative/backtest', '/sources', '/api/v1/mentions?']) {
      expect(checked.some((u) => u.includes(must) || `${u}?`.includes(must)), must).toBe(true);
    }
    expect(skipped.filter((s) => s.includes('/reports/') || s.includes('/alerts'))).toEqual([]);
  });
});

describe('unknown names', () => {
  it('alerts and rules for a brand that is not configured: 404 naming it, not an empty list', async () => {
    for (const url of ['/api/v1/alerts?brand=nosuch', '/api/v1/alerts/rules?brand=nosuch']) {
      const r = await call('GET', url);
      expect(r.status, url).toBe(404);
      expect(r.body.error.message).toBe('brand "nosuch" not found');
    }
  });
});

describe('fuzzed parameters', () => {
  const PATHS = ['/api/v1/brands/acme/reports/trend', '/api/v1/brands/acme/reports/themes', '/api/v1/brands/acme/reports/advocacy', '/api/v1/mentions', '/api/v1/alerts', '/api/v1/alerts/rules/acme-negative/backtest'];
  const PARAMS = ['from', 'to', 'interval', 'by', 'source', 'theme', 'limit', 'brand', 'label', 'q', 'cursor', 'starsMin', 'status', 'state', 'sentiment', 'format', '$where', 'minCount'];
  const NASTY = ['', ' ', '-1', '0', '1e309', 'NaN', '2024-02-30', '9999-99-99', '2024-03-01T00:00:00Z', '{"$gt":""}', '[object Object]', '../../etc/passwd', '%00', '\u0000', "' OR 1=1 --", '(a+)+$', '.*'.repeat(40), 'x'.repeat(5000), '🙂', 'week', 'source', 'negative', 'csv', 'acme', 'true'];

  it('500 random requests: never a 5xx, every error in the one shape with the offending parameter', async () => {
    const rand = prng('api-fuzz');
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    for (let i = 0; i < 500; i++) {
      const q = new URLSearchParams();
      const n = 1 + Math.floor(rand() * 3);
      for (let j = 0; j < n; j++) q.append(pick(PARAMS), pick(NASTY));
      const url = `${pick(PATHS)}?${q}`;
      const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${key}` } });
      const text = await res.text();
      expect(res.status, `${url} → ${text.slice(0, 300)}`).toBeLessThan(500);
      if (res.status >= 400) {
        const body = JSON.parse(text) as { error: { code: string; message: string; path?: string } };
        expect(typeof body.error.message, url).toBe('string');
        expect(body.error.message, url).not.toMatch(/\n\s+at /); // no stack trace
        if (res.status === 400 && body.error.code !== 'key_in_url') expect(body.error.path ?? body.error.message, url).toMatch(/query|params|body/);
      }
    }
  });
});
