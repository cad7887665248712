import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog } from '../../../pipelines/deps.js';
import { startDeliverySweeper, sweepPendingDeliveries } from '../../../pipelines/delivery-sweeper.js';
import { DELIVERIES, detect } from '../../../pipelines/detect.js';
import { deliverOnce } from '../../../pipelines/notify.js';
import { registerStages } from '../../../pipelines/register.js';
import type { Config } from '../../../src/config/schema.js';
import { AlertRule, Channel, type Delivery } from '../../../src/domain/alert.js';
import { BullmqQueue } from '../../../src/queue/bullmq.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { AT, history } from './fixtures.js';
import { httpReceiver } from './receivers.js';

const redisUrl = inject('redisUrl');
const prefix = `earshot-test-${randomBytes(4).toString('hex')}`;

let dataDir: string;
let store: SqliteStore;
let receiver: Awaited<ReturnType<typeof httpReceiver>>;
let up = false;
let config: Config;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-pending-'));
  store = await SqliteStore.open({ dataDir });
  await store.upsertMentions(history());
  up = false;
  receiver = await httpReceiver(() => (up ? 200 : 503));
  config = {
    brands: [],
    alerts: [AlertRule.parse({ name: 'acme-negative', kind: 'negative_spike', brand: 'acme', cooldown: '6h', channels: ['hook'] })],
    channels: { hook: Channel.parse({ type: 'webhook', url: receiver.url, secret: 'pending-test-secret-123' }) },
  } as unknown as Config;
});
afterEach(async () => {
  await receiver.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterAll(async () => {
  if (!redisUrl) return;
  const r = new Redis(redisUrl);
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length) await r.del(...keys);
  await r.quit();
});

const deliveries = () => store.findDocs<Delivery>(DELIVERIES, {});

describe('deliveries left pending by a one-shot command', () => {
  it('one that failed is tried again only after its backoff, so a down receiver is not hammered', async () => {
    // A one-shot command: the alert fires, its one try meets a receiver that is down, the delivery stays pending.
    const sent: Array<{ delivery?: string }> = [];
    await detect({ config, store, queue: { enqueue: async (_n, p) => void sent.push(p as { delivery?: string }) } }, { brand: 'acme', at: AT });
    const [d] = await deliveries();
    await deliverOnce({ config, store }, { alertId: d!.alertId, channel: d!.channel, delivery: d!._id });
    expect(await deliveries()).toMatchObject([{ status: 'pending', attempts: 1 }]);
    const queued: unknown[] = [];
    const queue = { enqueue: async (_n: string, p: unknown) => void queued.push(p) };
    expect(await sweepPendingDeliveries({ store, queue: queue as never })).toBe(0);
    expect(await sweepPendingDeliveries({ store, queue: queue as never }, Date.now() + catalog.notify.backoffMs + 1_000)).toBe(1);
    expect(queued).toEqual([{ alertId: d!.alertId, channel: 'hook', delivery: d!._id }]);
  });

  describe.skipIf(!redisUrl)('a BullMQ worker (real Redis)', () => {
    it('sends one left pending by a command killed before its delivery, once, with its delivery id, at start', async () => {
      // The command stored the alert and its pending delivery, then died before sending it.
      await detect({ config, store, queue: { enqueue: async () => {} } }, { brand: 'acme', at: AT });
      const [pending] = await deliveries();
      expect(pending).toMatchObject({ status: 'pending', attempts: 0 });
      up = true;
      const queue = new BullmqQueue(catalog, { url: redisUrl!, prefix });
      registerStages({ config, store, queue, log: silentLog }, { concurrency: 1 });
      const sweeper = startDeliverySweeper({ store, queue }, 200);
      try {
        const deadline = Date.now() + 20_000;
        while ((await deliveries())[0]!.status !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 1_000)); // later sweeps find nothing to send
      } finally {
        await sweeper.stop();
        await queue.close(2_000);
      }
      expect(await deliveries()).toMatchObject([{ _id: pending!._id, status: 'sent', attempts: 1 }]);
      expect(receiver.requests).toHaveLength(1);
      expect(receiver.requests[0]!.headers['x-earshot-delivery']).toBe(pending!._id);
    });
  });
});
