import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { ALERTS, DELIVERIES, detect } from '../../../pipelines/detect.js';
import { notify } from '../../../pipelines/notify.js';
import { verifySignature } from '../../../src/alerts/signature.js';
import { type Alert, AlertRule, Channel, type Delivery } from '../../../src/domain/alert.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { AT, history } from './fixtures.js';
import { httpReceiver } from './receivers.js';

const SECRET = 'detect-notify-test-secret';
const fastCatalog = { ...catalog, notify: { ...catalog.notify, attempts: 4, backoffMs: 20 } };

let store: SqliteStore;
let dataDir: string;
const closers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-alerts-'));
  store = await SqliteStore.open({ dataDir });
  await store.upsertMentions(history());
});
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function setup(status: (n: number) => number) {
  const receiver = await httpReceiver(status);
  closers.push(receiver.close);
  const config = {
    alerts: [AlertRule.parse({ name: 'acme-negative', kind: 'negative_spike', brand: 'acme', cooldown: '6h', channels: ['hook'] })],
    channels: { hook: Channel.parse({ type: 'webhook', url: receiver.url, secret: SECRET }) },
  };
  const failures: string[] = [];
  const queue = new InlineQueue(fastCatalog, { onFailed: (_job, err) => failures.push(err.message) });
  closers.push(() => queue.close(1000));
  queue.work('notify', (p, ctx) => notify({ config, store }, p, { ...ctx, maxAttempts: fastCatalog.notify.attempts }));
  return { receiver, config, queue, failures };
}

describe('detect → notify', () => {
  it('when negatives spike, one alert is stored with the numbers and examples, and the webhook gets it signed', async () => {
    const { receiver, config, queue } = await setup(() => 200);
    const outcomes = await detect({ config, store, queue }, { brand: 'acme', at: AT });
    await queue.idle();

    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.status).toBe('fired');
    const [alert] = await store.findDocs<Alert>(ALERTS, {});
    expect(alert).toMatchObject({ rule: 'acme-negative', brand: 'acme', observed: 18, unit: 'mentions', state: 'open', channels: ['hook'] });
    expect(alert!.expected).toBeCloseTo(2, 0);
    expect(alert!.examples).toHaveLength(5);
    expect(alert!.examples[0]!.text).toMatch(/Support ignored me/);
    expect(receiver.requests).toHaveLength(1);
    const req = receiver.requests[0]!;
    expect(verifySignature(SECRET, req.body, req.headers['x-earshot-signature'] as string)).toBe(true);
    expect(JSON.parse(req.body).alert._id).toBe(alert!._id);
  });

  it('when detection runs again within the cooldown, nothing new is stored or sent', async () => {
    const { receiver, config, queue } = await setup(() => 200);
    await detect({ config, store, queue }, { brand: 'acme', at: AT });
    const again = await detect({ config, store, queue }, { brand: 'acme', at: '2024-03-29T14:30:00.000Z' });
    await queue.idle();
    expect(again[0]!.status).toBe('cooldown');
    expect(await store.findDocs(ALERTS, {})).toHaveLength(1);
    expect(receiver.requests).toHaveLength(1);
  });

  it('when a smaller rise follows a high alert inside the cooldown, it stays quiet: the alert is not changed or sent again', async () => {
    const { receiver, queue } = await setup(() => 200);
    // A cooldown of two days: 22 hours later the rule is still cooling down.
    const config = {
      alerts: [AlertRule.parse({ name: 'acme-negative', kind: 'negative_spike', brand: 'acme', cooldown: '2d', channels: ['hook'] })],
      channels: { hook: Channel.parse({ type: 'webhook', url: receiver.url, secret: SECRET }) },
    };
    const [first] = await detect({ config, store, queue }, { brand: 'acme', at: AT });
    await queue.idle();
    expect(first!.status).toBe('fired');
    expect(first!.alert!.severity).toBe('high');
    const stored = await store.findDocs<Alert>(ALERTS, {});

    // 22 hours on, the 24 h window holds only the spike's last complaints: still a spike, but a smaller one.
    const later = new Date(new Date(AT).getTime() + 22 * 3_600_000).toISOString();
    const [second] = await detect({ config, store, queue }, { brand: 'acme', at: later });
    await queue.idle();
    expect(second!.evaluation.fires).toBe(true);
    expect(['low', 'medium']).toContain(second!.evaluation.severity);
    expect(second!.status).toBe('cooldown');
    expect(await store.findDocs<Alert>(ALERTS, {})).toEqual(stored);
    expect(receiver.requests).toHaveLength(1);
    expect((await store.findDocs<Delivery>(DELIVERIES, {})).map((d) => d._id)).toEqual([`${first!.alert!._id}~hook`]);
  });

  it('when the receiver fails twice then succeeds, the queue retries and the alert is delivered exactly once', async () => {
    const { receiver, config, queue, failures } = await setup((n) => (n <= 2 ? 503 : 200));
    await detect({ config, store, queue }, { brand: 'acme', at: AT });
    await queue.idle();

    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.headers['x-earshot-delivery'])).size).toBe(1);
    expect(failures).toEqual([]);
    const [delivery] = await store.findDocs<Delivery>(DELIVERIES, {});
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3, channel: 'hook' });
    expect(delivery!.lastError).toMatch(/HTTP 503/);
  });

  it('when the receiver never recovers, the delivery is marked failed and the alert stays stored', async () => {
    const { receiver, config, queue, failures } = await setup(() => 500);
    await detect({ config, store, queue }, { brand: 'acme', at: AT });
    await queue.idle();

    expect(receiver.requests).toHaveLength(4);
    expect(failures).toHaveLength(1);
    expect(await store.findDocs(ALERTS, {})).toHaveLength(1);
    const [delivery] = await store.findDocs<Delivery>(DELIVERIES, {});
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4 });
  });

  it('when nothing unusual happened, no alert is stored', async () => {
    const { config, queue } = await setup(() => 200);
    const outcomes = await detect({ config, store, queue }, { brand: 'acme', at: '2024-03-20T12:00:00.000Z' });
    expect(outcomes[0]!.status).toBe('quiet');
    expect(await store.findDocs(ALERTS, {})).toEqual([]);
  });
});
