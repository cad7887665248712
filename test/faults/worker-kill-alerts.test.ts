import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS, DELIVERIES } from '../../pipelines/detect.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import type { Alert, Delivery } from '../../src/domain/alert.js';
import { openStore } from '../../src/store/index.js';
import { REDIS_SERVER, startRedis, type OwnRedis } from '../integration/queue/redis-server.js';
import { cleanCrawl, drainWithWorker, enqueueCrawls, HTTP_SOURCES, killHard, outcome, queueOf, scenario, startWorker, waitForStage, type Outcome, type Scenario } from './worker-helpers.js';

/**
 * A real webhook receiver on loopback. With `hold`, the first request is received (and counted) but never answered,
 * so a test can kill the worker while it waits on the receiver.
 */
async function receiver(opts: { hold?: boolean } = {}) {
  const requests: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      if (opts.hold && held.length === 0) held.push(res);
      else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    ids: () => requests.map((r) => String(r.headers['x-earshot-delivery'])),
    close: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

interface AlertOutcome extends Outcome {
  alerts: Alert[];
  deliveries: Delivery[];
}

async function alertOutcome(s: Scenario): Promise<AlertOutcome> {
  const base = await outcome(s);
  const store = await openStore({ dataDir: s.env.EARSHOT_DATA_DIR! });
  try {
    return { ...base, alerts: await store.findDocs<Alert>(ALERTS, {}), deliveries: await store.findDocs<Delivery>(DELIVERIES, {}, { sort: { _id: 1 } }) };
  } finally {
    await store.close();
  }
}

/**
 * kill -9 of a BullMQ worker while it detects alerts and while it delivers one, then a new worker: the alert exists
 * once (the same rule, the same final severity as a clean run), every delivery is `sent`, and the receiver got every
 * delivery id — at least once (the documented contract: a delivery cut short is sent again with the same
 * `X-Earshot-Delivery` id, so the receiver can dedupe).
 */
describe.skipIf(!REDIS_SERVER)('a worker killed with SIGKILL while detecting or delivering alerts, then restarted', () => {
  let redis: OwnRedis;
  let site: DemoSite;
  let clean: AlertOutcome;
  const scenarios: Scenario[] = [];
  const fresh = (alertUrl: string) => {
    const s = scenario(redis.url, site.url, HTTP_SOURCES, { ALERT_URL: alertUrl }, undefined, { alerts: true });
    scenarios.push(s);
    return s;
  };

  beforeAll(async () => {
    redis = await startRedis(['--appendonly', 'yes', '--save', '']);
    site = await startDemoSite();
    const r = await receiver();
    try {
      const s = fresh(r.url);
      await cleanCrawl(s);
      clean = await alertOutcome(s);
      expect(r.ids().sort()).toEqual(clean.deliveries.map((d) => d._id));
    } finally {
      await r.close();
    }
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    await redis?.stop();
    for (const s of scenarios) s.cleanup();
  });

  it('the clean run fires the Northwind rule once and delivers it', () => {
    expect(clean.alerts.map((a) => a.rule)).toEqual(['northwind-negative']);
    expect(clean.deliveries.length).toBeGreaterThan(0);
    expect(clean.deliveries.every((d) => d.status === 'sent')).toBe(true);
  });

  for (const stage of ['detect', 'notify'] as const) {
    it(`killed during ${stage}: one alert, no delivery missed, each delivery id sent until it went through`, async () => {
      const r = await receiver({ hold: stage === 'notify' });
      try {
        const s = fresh(r.url);
        const q = queueOf(redis.url, s);
        await enqueueCrawls(q, s);
        await q.close(1_000);
        const w = startWorker(s);
        let when: string;
        if (stage === 'notify') {
          // The receiver has the request; the worker waits for its answer.
          const deadline = Date.now() + 90_000;
          while (r.requests.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
          // One delivery, or two when the escalation's went out beside it (notify runs 2 at once): both are held.
          expect(r.requests.length, w.stderr()).toBeGreaterThanOrEqual(1);
          when = 'waiting on the receiver';
        } else when = await waitForStage(redis.url, s, 'detect');
        await killHard(w);
        const beforeRestart = r.ids();

        await drainWithWorker(redis.url, s);
        const after = await alertOutcome(s);
        // The data is the clean run's.
        expect(after.mentions, `killed while ${stage} was ${when}`).toBe(clean.mentions);
        expect(after.duplicates).toEqual(clean.duplicates);
        // One alert row for the rule, at the clean run's final severity.
        expect(after.alerts.map((a) => [a.rule, a.severity])).toEqual(clean.alerts.map((a) => [a.rule, a.severity]));
        // Every delivery recorded is sent, and the receiver got each of them; nothing else arrived.
        expect(after.deliveries.length).toBeGreaterThan(0);
        expect(after.deliveries.filter((d) => d.status !== 'sent')).toEqual([]);
        expect([...new Set(r.ids())].sort()).toEqual(after.deliveries.map((d) => d._id));
        if (stage === 'notify') {
          // The delivery cut short came again, with the same id: at least once, never a new id for the same message.
          expect(r.ids().filter((id) => id === beforeRestart[0]).length).toBeGreaterThanOrEqual(2);
        }
      } finally {
        await r.close();
      }
    }, 180_000);
  }
});
