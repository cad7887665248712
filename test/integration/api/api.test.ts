import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog } from '../../../pipelines/deps.js';
import { ingestBatch } from '../../../pipelines/ingest.js';
import { hourlyPipeline } from '../../../src/alerts/query.js';
import { createKey, revokeKey } from '../../../src/api/keys.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { buildApiServer } from '../../../src/api/server.js';
import { parseConfig } from '../../../src/config/load.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';
import { acmeFixture, m, NOW, seed } from '../reports/fixtures.js';
import { storeRatingSnapshots } from '../../../pipelines/rating-snapshots.js';

/** The API over real HTTP (a listening Fastify, called with fetch), on the embedded store with the reports' fixture. */
let store: Store;
let app: FastifyInstance;
let base: string;
const keys: Record<string, string> = {};
const crawlsStarted: Array<{ brand: string; source: string; full: boolean }> = [];

const config = parseConfig(
  `brands:
  - id: acme
    name: Acme
    competitors: [{ id: bluebird, name: Bluebird }]
    sources: [{ kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }]
  - id: bluebird
    name: Bluebird
    sources: [{ kind: reddit, name: reddit }]
  - id: zeta
    name: Zeta
    sources: [{ kind: reddit, name: reddit }]
alerts:
  - { name: zeta-negative, kind: negative_spike, brand: zeta, window: 24h, baseline: 14d, minCount: 3, cooldown: 6h }
`,
  'api-test.yaml',
  { env: {} },
);

beforeAll(async () => {
  store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'earshot-api-')) });
  await seed(store, acmeFixture());
  keys.read = (await createKey(store, { name: 'analyst', scope: 'read' })).key;
  keys.write = (await createKey(store, { name: 'on-call', scope: 'write' })).key;
  keys.acmeOnly = (await createKey(store, { name: 'acme-agency', scope: 'read', brands: ['acme'] })).key;
  keys.revoked = (await createKey(store, { name: 'old', scope: 'admin' })).key;
  await revokeKey(store, 'old');
  const startCrawl = async (t: { brand: string; source: string; full: boolean }) => void crawlsStarted.push(t);
  app = await buildApiServer({ config, store, now: () => NOW, startCrawl }, { logger: false, rateLimitPerMinute: 10_000 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

async function get(path: string, key: string | null = keys.read!, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* CSV or HTML */
  }
  return { status: res.status, body, headers: res.headers };
}

describe('auth: Bearer keys with scopes, never in the URL', () => {
  it('answers 401 without a key, with a wrong key and with a revoked key, in the one error shape', async () => {
    for (const key of [null, 'esk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', keys.revoked!, 'not-a-key']) {
      const r = await get('/api/v1/brands', key);
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
      expect(typeof r.body.error.message).toBe('string');
    }
  });

  it('refuses a key in the query string even with a valid header', async () => {
    const r = await get(`/api/v1/brands?api_key=${keys.read}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'key_in_url', path: 'query.api_key' });
  });

  it('a read key cannot acknowledge alerts (403); a write key can reach the route', async () => {
    const denied = await fetch(`${base}/api/v1/alerts/nosuch/ack`, { method: 'POST', headers: { authorization: `Bearer ${keys.read}`, 'content-type': 'application/json' }, body: '{}' });
    expect(denied.status).toBe(403);
    const allowed = await fetch(`${base}/api/v1/alerts/nosuch/ack`, { method: 'POST', headers: { authorization: `Bearer ${keys.write}`, 'content-type': 'application/json' }, body: '{}' });
    expect(allowed.status).toBe(404);
  });

  it('a key limited to a brand sees nothing of the others: 404, not 403', async () => {
    expect((await get('/api/v1/brands', keys.acmeOnly)).body.brands.map((b: { id: string }) => b.id)).toEqual(['acme']);
    const other = await get('/api/v1/brands/bluebird/reports/trend', keys.acmeOnly);
    expect(other.status).toBe(404);
    const listed = await get('/api/v1/mentions?brand=bluebird', keys.acmeOnly);
    expect(listed.status).toBe(404);
    const all = await get('/api/v1/mentions?duplicates=true&limit=200', keys.acmeOnly);
    expect(all.body.items.every((m: { brand: string }) => m.brand === 'acme')).toBe(true);
    const one = await get('/api/v1/mentions/bluebird:reviews-jsonld:c1', keys.acmeOnly);
    expect(one.status).toBe(404);
  });

  it('public routes need no key: health, readiness, the OpenAPI document and the docs page', async () => {
    expect((await get('/healthz', null)).body).toEqual({ status: 'ok' });
    expect((await get('/readyz', null)).body).toMatchObject({ status: 'ready' });
    const doc = await get('/openapi.json', null);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/brands', '/api/v1/brands/{id}/reports/{kind}', '/api/v1/mentions', '/api/v1/mentions/{id}', '/api/v1/alerts']),
    );
    // The mentions query is documented from the same zod schema that validates it.
    const params = doc.body.paths['/api/v1/mentions'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['brand', 'from', 'to', 'label', 'q', 'cursor', 'limit']));
    expect((await get('/docs/', null)).status).toBe(200);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const r = await get('/api/v1/brands');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('reports over HTTP', () => {
  it('returns the same numbers as the report itself, as JSON', async () => {
    const r = await get('/api/v1/brands/acme/reports/trend?from=2024-03-04&to=2024-03-17&interval=week');
    expect(r.status).toBe(200);
    expect(r.body.report).toBe('trend');
    // m6 is a duplicate of m5 and counts once: 5 mentions in range, 2 positive, 2 negative.
    const volume = r.body.rows.reduce((n: number, row: { volume: number }) => n + row.volume, 0);
    expect(volume).toBe(5);
  });

  it('returns CSV with ?format=csv or Accept: text/csv, and one section with ?section=', async () => {
    const a = await get('/api/v1/brands/acme/reports/themes?from=2024-03-04&to=2024-03-17&format=csv');
    expect(a.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(a.body.split('\r\n')[0]).toMatch(/^section,theme,volume/);
    expect(a.body).toMatch(/\r\nthemes,delivery,3,/);
    const b = await get('/api/v1/brands/acme/reports/themes?from=2024-03-04&to=2024-03-17', keys.read, { accept: 'text/csv' });
    expect(b.body).toBe(a.body);
    const bad = await get('/api/v1/brands/acme/reports/themes?format=csv&section=nosuch');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('query.section');
  });

  it('names the bad parameter: an unknown report, a bad interval, from after to, an unknown parameter', async () => {
    expect((await get('/api/v1/brands/acme/reports/nosuch')).body.error.path).toBe('params.kind');
    const interval = await get('/api/v1/brands/acme/reports/trend?interval=year');
    expect(interval.status).toBe(400);
    expect(interval.body.error.path).toBe('query.interval');
    const order = await get('/api/v1/brands/acme/reports/trend?from=2024-03-10&to=2024-03-01');
    expect(order.body.error.path).toBe('query.from');
    const unknown = await get('/api/v1/brands/acme/reports/trend?brnad=acme');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ path: 'query.brnad', message: 'query.brnad: unknown parameter' });
    expect((await get('/api/v1/brands/nosuch/reports/trend')).status).toBe(404);
  });
});

describe('mentions over HTTP', () => {
  it('filters by label, source, theme, stars and text, newest first, without duplicates by default', async () => {
    const neg = await get('/api/v1/mentions?brand=acme&label=negative');
    expect(neg.body.items.map((m: { id: string }) => m.id)).toEqual(['acme:reviews-jsonld:m5', 'acme:reviews-jsonld:m2', 'acme:reviews-jsonld:o1']);
    const withDups = await get('/api/v1/mentions?brand=acme&label=negative&duplicates=true');
    expect(withDups.body.items).toHaveLength(4);
    expect((await get('/api/v1/mentions?brand=acme&theme=delivery&from=2024-03-01&to=2024-03-31')).body.items).toHaveLength(3);
    expect((await get('/api/v1/mentions?brand=acme&source=reddit')).body.items.map((m: { id: string }) => m.id)).toEqual(['acme:reddit:m3']);
    expect((await get('/api/v1/mentions?brand=acme&starsMin=4&starsMax=5')).body.items).toHaveLength(4);
    expect((await get('/api/v1/mentions?brand=acme&intent=churn')).body.items.map((m: { id: string }) => m.id)).toEqual(['acme:reviews-jsonld:m2']);
  });

  it('a text search is a literal, case-insensitive substring: regex syntax matches nothing and cannot hang', async () => {
    expect((await get('/api/v1/mentions?brand=acme&q=BLUEBIRD')).body.items.map((m: { id: string }) => m.id)).toEqual(['acme:reviews-jsonld:m2']);
    const evil = encodeURIComponent('(a+)+$');
    const r = await get(`/api/v1/mentions?brand=acme&q=${evil}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect((await get('/api/v1/mentions?brand=acme&q=.*')).body.items).toEqual([]);
  });

  it('pages with a cursor through every mention exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await get(
        `/api/v1/mentions?brand=acme&duplicates=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...r.body.items.map((m) => m.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(pages).toBe(5);
  });

  it('returns one mention with its explanation, and 404 for an unknown id', async () => {
    const r = await get(`/api/v1/mentions/${encodeURIComponent('acme:reviews-jsonld:m1')}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'acme:reviews-jsonld:m1', sentiment: { label: 'positive', explain: [] }, themes: [{ theme: 'delivery', evidence: 'delivery' }] });
    expect((await get('/api/v1/mentions/nosuch')).status).toBe(404);
  });

  it('rejects hostile and malformed parameters with the parameter named', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/mentions?limit=abc', 'query.limit'],
      ['/api/v1/mentions?limit=100000', 'query.limit'],
      ['/api/v1/mentions?label=angry', 'query.label'],
      ['/api/v1/mentions?from=yesterday', 'query.from'],
      ['/api/v1/mentions?cursor=eyJ4IjoxfQ', 'query.cursor'],
      ['/api/v1/mentions?brand[$ne]=x', 'query.brand[$ne]'], // not parsed as an operator: an unknown parameter
      ['/api/v1/mentions?brand=acme&brand=bluebird', 'query.brand'],
      ['/api/v1/mentions?starsMin=4&starsMax=2', 'query.starsMin'],
      [`/api/v1/mentions?q=${'x'.repeat(300)}`, 'query.q'],
      ['/api/v1/mentions?%24where=1', 'query.$where'],
    ];
    for (const [path, param] of cases) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.path, path).toBe(param);
    }
  });
});

async function send(method: string, path: string, body: unknown, key = keys.write!) {
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('the service-recovery workflow over HTTP', () => {
  const id = 'acme:reviews-jsonld:m2';
  const path = `/api/v1/mentions/${encodeURIComponent(id)}`;

  it('assigns, notes, tags and resolves a mention; each change is audited with the key name', async () => {
    expect((await get(path)).body.workflow).toEqual({ status: 'new', tags: [], notes: [], updatedAt: null, updatedBy: null });
    const assigned = await send('PATCH', path, { assignee: 'maria', note: 'calling the customer back' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.workflow).toMatchObject({ status: 'assigned', assignee: 'maria', notes: [{ who: 'on-call', text: 'calling the customer back' }] });
    await send('PATCH', path, { status: 'replied', tags: ['refund', 'vip'] });
    const resolved = await send('PATCH', path, { status: 'resolved' });
    expect(resolved.body.workflow).toMatchObject({ status: 'resolved', assignee: 'maria', tags: ['refund', 'vip'], updatedBy: 'on-call' });
    // Stored apart from the mention: a re-crawl that replaces the mention keeps the workflow.
    const [mention] = await store.findMentions({ _id: id });
    await store.upsertMentions([{ ...mention!, text: `${mention!.text} (edited)` }]);
    expect((await get(path)).body.workflow.status).toBe('resolved');
    const audit = await store.findDocs<{ _id: string; who: string; action: string; detail: Record<string, unknown> }>('audit', { target: id }, { sort: { at: 1 } });
    expect(audit.map((a) => [a.who, a.action])).toEqual([
      ['on-call', 'mention.update'],
      ['on-call', 'mention.update'],
      ['on-call', 'mention.update'],
    ]);
    expect(audit[2]!.detail).toEqual({ status: { from: 'replied', to: 'resolved' } });
  });

  it('filters the list by status, assignee and tag; untouched mentions are new', async () => {
    const ids = async (q: string) => (await get(`/api/v1/mentions?brand=acme&${q}`)).body.items.map((m: { id: string }) => m.id);
    expect(await ids('status=resolved')).toEqual([id]);
    expect(await ids('assignee=maria')).toEqual([id]);
    expect(await ids('tag=vip')).toEqual([id]);
    const open = await ids('status=new,assigned');
    expect(open).not.toContain(id);
    expect(open).toHaveLength(7);
    // Each listed mention carries its workflow once touched (the inbox shows who has it), none when untouched.
    const items = (await get('/api/v1/mentions?brand=acme&status=resolved,new')).body.items as Array<{ id: string; workflow?: unknown }>;
    expect(items.find((m) => m.id === id)?.workflow).toEqual({ status: 'resolved', assignee: 'maria', tags: ['refund', 'vip'] });
    expect(items.filter((m) => m.id !== id).every((m) => m.workflow === undefined)).toBe(true);
  });

  it('refuses a read key (403), an unknown status, an empty change and unknown fields, naming the field', async () => {
    expect((await send('PATCH', path, { status: 'resolved' }, keys.read)).status).toBe(403);
    const bad = await send('PATCH', path, { status: 'done' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('body.status');
    expect((await send('PATCH', path, {})).status).toBe(400);
    expect((await send('PATCH', path, { $set: { status: 'resolved' } })).body.error.path).toBe('body.$set');
    expect((await send('PATCH', '/api/v1/mentions/nosuch', { status: 'resolved' })).status).toBe(404);
  });
});

describe('"not about us" over HTTP', () => {
  const id = 'acme:reviews-jsonld:m5';
  const path = `/api/v1/mentions/${encodeURIComponent(id)}`;
  const range = 'from=2024-03-04&to=2024-03-17';
  const volume = async () =>
    ((await get(`/api/v1/brands/acme/reports/trend?${range}&interval=week`)).body.rows as Array<{ volume: number }>).reduce((n, r) => n + r.volume, 0);
  const recovery = async () => ((await get(`/api/v1/brands/acme/reports/advocacy?${range}`)).body.recovery as Array<{ _id: string }>).map((r) => r._id);

  it('the recovery queue hides what is resolved', async () => {
    const queue = await recovery();
    expect(queue).toContain(id);
    expect(queue).not.toContain('acme:reviews-jsonld:m2'); // resolved in the workflow test above
  });

  it('takes a mention out of every count, lists it for review, keeps the mark through a re-crawl, and can be undone', async () => {
    expect(await volume()).toBe(5);
    const marked = await send('PATCH', path, { notAboutUs: true, note: 'a namesake shop in Leeds' });
    expect(marked.status).toBe(200);
    expect(marked.body.workflow.notAboutUs).toMatchObject({ by: 'on-call' });
    // Reports (from rollups and from mentions), the recovery queue and the alert series no longer count it.
    expect(await volume()).toBe(4);
    const delivery = (await get(`/api/v1/brands/acme/reports/themes?${range}`)).body.themes.find((t: { theme: string }) => t.theme === 'delivery');
    expect(delivery.volume).toBe(2);
    expect(await recovery()).not.toContain(id);
    const hourly = await store.aggregate('mentions', hourlyPipeline('acme', {}, new Date('2024-03-13T00:00:00Z'), new Date('2024-03-14T00:00:00Z')));
    expect(hourly).toEqual([]);
    // The listing leaves it out unless asked; the review list shows it with when it was marked.
    const ids = async (q: string) => (await get(`/api/v1/mentions?brand=acme&${q}`)).body.items.map((m: { id: string }) => m.id);
    expect(await ids('label=negative')).not.toContain(id);
    const review = (await get('/api/v1/mentions?brand=acme&notAboutUs=only')).body.items;
    expect(review.map((m: { id: string }) => m.id)).toEqual([id]);
    expect(review[0].notAboutUs).toMatch(/^\d{4}-/);
    // A re-crawl rebuilds the mention from the source, without the mark: ingest keeps it.
    const [stored] = await store.findMentions({ _id: id });
    const { notAboutUs: _mark, ...fresh } = stored!;
    const queue = new InlineQueue(catalog);
    await ingestBatch({ config, store, queue, log: silentLog, detectAfterIngest: false }, [fresh]);
    await queue.close(1000);
    expect(await ids('notAboutUs=only')).toEqual([id]);
    expect(await volume()).toBe(4);
    // Undo: it counts again.
    expect((await send('PATCH', path, { notAboutUs: false })).body.workflow.notAboutUs).toBeUndefined();
    expect(await volume()).toBe(5);
    expect(await ids('notAboutUs=only')).toEqual([]);
    const audit = await store.findDocs<{ _id: string; detail: Record<string, unknown> }>('audit', { target: id }, { sort: { at: 1 } });
    expect(audit.map((a) => a.detail.notAboutUs)).toEqual([true, false]);
  });
});

describe('exports over HTTP', () => {
  it('streams every matching mention as JSONL and as CSV, the same set the listing pages through', async () => {
    const listed = (await get('/api/v1/mentions?brand=acme&duplicates=true&limit=200')).body.items.map((m: { id: string }) => m.id);
    const jsonl = await get('/api/v1/mentions/export?brand=acme&duplicates=true&format=jsonl');
    expect(jsonl.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (jsonl.body as string).trim().split('\n').map((l) => JSON.parse(l) as { _id: string });
    expect(lines.map((l) => l._id)).toEqual(listed);
    const csv = await get('/api/v1/mentions/export?brand=acme&duplicates=true&format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="mentions-acme-.*\.csv"/);
    const rows = (csv.body as string).trim().split('\r\n');
    expect(rows[0]).toBe('id,brand,source,publishedAt,url,author,title,text,stars,sentiment,score,themes,intents,duplicateOf');
    expect(rows).toHaveLength(listed.length + 1);
  });

  it('defuses spreadsheet formulas in text cells (CSV injection)', async () => {
    await store.upsertMentions([{ ...(await store.findMentions({ _id: 'acme:reviews-jsonld:o1' }))[0]!, text: '=HYPERLINK("http://evil.example","click")' }]);
    const csv = await get('/api/v1/mentions/export?brand=acme&format=csv&from=2024-01-01&to=2024-01-31');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });
});

describe('alerts over HTTP', () => {
  it('lists alerts and acknowledges one with a note, recorded with the key name in the audit log', async () => {
    const alert = {
      _id: 'acme-negative:2024-03-13T12:00',
      rule: 'acme-negative',
      kind: 'negative_spike',
      brand: 'acme',
      filters: {},
      window: { from: new Date('2024-03-12T12:00:00Z'), to: new Date('2024-03-13T12:00:00Z') },
      baseline: { from: new Date('2024-02-12T12:00:00Z'), to: new Date('2024-03-12T12:00:00Z') },
      observed: 9,
      expected: 1,
      unit: 'mentions',
      sample: 9,
      pValue: 0.0001,
      severity: 'high',
      summary: 'acme, last 24h: 9 negative vs 1 expected.',
      examples: [],
      state: 'open',
      createdAt: new Date('2024-03-13T12:00:00Z'),
      channels: [],
    };
    await store.putDoc('alerts', alert);
    const listed = await get('/api/v1/alerts?brand=acme');
    expect(listed.body.alerts.map((a: { _id: string }) => a._id)).toEqual([alert._id]);
    const res = await fetch(`${base}/api/v1/alerts/${encodeURIComponent(alert._id)}/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.write}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'courier issue, handled with ops' }),
    });
    expect(res.status).toBe(200);
    expect((await get('/api/v1/alerts?brand=acme&state=open')).body.alerts).toEqual([]);
    const [entry] = await store.findDocs<{ _id: string; who: string; action: string; target: string }>('audit', { target: alert._id });
    expect(entry).toMatchObject({ who: 'on-call', action: 'alert.ack' });
    const bad = await fetch(`${base}/api/v1/alerts/${encodeURIComponent(alert._id)}/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.write}`, 'content-type': 'application/json' },
      body: '{"note": 5}',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('body.note');
  });
});

describe('collection health over HTTP', () => {
  it('lists each source with its schedule and next run, and no last run before any crawl', async () => {
    const r = await get('/api/v1/brands/acme/sources');
    expect(r.status).toBe(200);
    expect(r.body.sources).toEqual([
      expect.objectContaining({ name: 'trustsite', kind: 'reviews-jsonld', lastRun: null, lastSuccess: null, failures: { blocked: 0, broken: 0, byClass: {} } }),
    ]);
    expect(Date.parse(r.body.sources[0].next)).toBeGreaterThan(Date.now());
  });
});

describe('operations over HTTP', () => {
  it('backtests a rule over stored history: a burst of negatives fires, the quiet weeks before do not', async () => {
    const calm = Array.from({ length: 14 }, (_, i) => m('zeta', `calm${i}`, { day: `2024-03-${String(i + 1).padStart(2, '0')}`, label: 'positive', score: 0.5 }));
    const burst = Array.from({ length: 8 }, (_, i) => m('zeta', `burst${i}`, { day: '2024-03-15', label: 'negative', score: -0.7 }));
    await seed(store, [...calm, ...burst]);
    const r = await get('/api/v1/alerts/rules/zeta-negative/backtest?from=2024-03-01&to=2024-03-17');
    expect(r.status).toBe(200);
    expect(r.body.rule.name).toBe('zeta-negative');
    expect(r.body.evaluated).toBe(17 * 24 + 1); // every hour end from 03-01 00:00 through 03-18 00:00
    expect(r.body.firings.length).toBeGreaterThanOrEqual(1);
    for (const f of r.body.firings) expect(f.at >= '2024-03-15T12:00:00.000Z' && f.at <= '2024-03-16T12:00:00.000Z', f.at).toBe(true);
    expect((await get('/api/v1/alerts/rules/nosuch/backtest')).status).toBe(404);
    expect((await get('/api/v1/alerts/rules/zeta-negative/backtest', keys.acmeOnly)).status).toBe(404); // not its brand
    expect((await get('/api/v1/alerts/rules/zeta-negative/backtest?from=2024-03-10&to=2024-03-01')).body.error.path).toBe('query.from');
  });

  it('starts a crawl of a brand or one source (write scope, audited), naming a bad source', async () => {
    const one = await send('POST', '/api/v1/crawls', { brand: 'acme', source: 'trustsite' });
    expect(one.status).toBe(202);
    expect(one.body.enqueued).toEqual([{ brand: 'acme', source: 'trustsite' }]);
    expect(crawlsStarted).toEqual([{ brand: 'acme', source: 'trustsite', full: false }]);
    expect((await send('POST', '/api/v1/crawls', { brand: 'acme', source: 'nosuch' })).body.error.path).toBe('body.source');
    expect((await send('POST', '/api/v1/crawls', { brand: 'acme' }, keys.read)).status).toBe(403);
    expect((await send('POST', '/api/v1/crawls', { brand: 'bluebird' }, keys.acmeOnly)).status).toBe(403);
    const [entry] = await store.findDocs<{ _id: string; action: string; who: string }>('audit', { action: 'crawl.start' });
    expect(entry).toMatchObject({ who: 'on-call' });
  });

  it('exposes Prometheus metrics (read scope): request latency by route, mentions stored, alerts', async () => {
    expect((await get('/metrics', null)).status).toBe(401);
    const r = await get('/metrics');
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/earshot_http_request_duration_seconds_bucket\{.*route="\/api\/v1\/mentions".*\}/);
    expect(r.body).toMatch(/earshot_mentions_stored\{brand="acme"\} 9/);
    expect(r.body).toMatch(/earshot_alerts\{brand="acme",state="acknowledged"\} 1/);
    expect(r.body).not.toMatch(/route="\/api\/v1\/mentions\/acme/); // routes, never raw URLs (no ids in labels)
  });
});

// Last: it adds a mention and a rating snapshot the counts above do not expect.
describe('ratings and replies over HTTP', () => {
  it('the trend answer carries the ratings series; a mention shows its reply and that its date is missing', async () => {
    await storeRatingSnapshots(store, { id: 'acme' }, { kind: 'trustpilot', name: 'trustpilot' }, new Date('2024-03-05T08:00:00Z'), [
      { item: 'trustpilot:acme.example', ratingValue: 4.2, bestRating: 5, reviewCount: 310 },
    ]);
    const r = await get('/api/v1/brands/acme/reports/trend?from=2024-03-04&to=2024-03-17&interval=week');
    expect(r.status).toBe(200);
    expect(r.body.ratings).toEqual([
      { period: '2024-03-04', source: 'trustpilot', item: 'trustpilot:acme.example', ratingValue: 4.2, bestRating: 5, stars: 4.2, reviewCount: 310, at: '2024-03-05T08:00:00.000Z' },
    ]);
    const [mention] = await store.findMentions({ _id: 'acme:reviews-jsonld:o1' });
    const replied = { ...mention!, _id: 'acme:reviews-jsonld:replied', externalId: 'replied', reply: { text: 'Sorry, refunded today.', at: new Date('2024-03-06T10:00:00Z') }, meta: { dateMissing: true } };
    await store.upsertMentions([replied]);
    const got = await get(`/api/v1/mentions/${encodeURIComponent(replied._id)}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ reply: { text: 'Sorry, refunded today.', at: '2024-03-06T10:00:00.000Z' }, dateMissing: true });
    expect((await get(`/api/v1/mentions/${encodeURIComponent('acme:reviews-jsonld:o1')}`)).body.reply).toBeUndefined();
  });
});
