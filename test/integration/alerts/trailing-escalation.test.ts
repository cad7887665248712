import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { catalog, type JobCatalog } from '../../../pipelines/catalog.js';
import { silentLog } from '../../../pipelines/deps.js';
import { ALERTS, DELIVERIES } from '../../../pipelines/detect.js';
import { registerStages } from '../../../pipelines/register.js';
import type { Config } from '../../../src/config/schema.js';
import { type Alert, AlertRule, Channel, type Delivery } from '../../../src/domain/alert.js';
import type { Mention } from '../../../src/domain/mention.js';
import { BullmqQueue } from '../../../src/queue/bullmq.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import type { Queue } from '../../../src/queue/queue.js';
import { openStore } from '../../../src/store/index.js';
import { AT, history } from './fixtures.js';
import { httpReceiver } from './receivers.js';

const redisUrl = inject('redisUrl');

/** The alert fixture's history moved so that its spike ends now (detection after ingest judges "now"). */
function recentHistory(): { quiet: Mention[]; spike: Mention[] } {
  const shift = Date.now() - new Date(AT).getTime();
  const all = history().map((m) => ({ ...m, publishedAt: new Date(m.publishedAt.getTime() + shift) }));
  return { quiet: all.filter((m) => !m.externalId.startsWith('s')), spike: all.filter((m) => m.externalId.startsWith('s')) };
}

/**
 * A burst arrives in several ingests within one minute: first a few complaints (the rule fires, low), then the rest
 * of the spike (high). Detection must see the last ingest (a trailing run), and the risen severity must update the
 * stored alert and be sent once more; a further detection at the same severity stays quiet.
 */
async function burst(makeQueue: () => Queue<JobCatalog>, deliveries: 'retry' | 'once') {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-trailing-'));
  const store = await openStore({ dataDir });
  const receiver = await httpReceiver(() => 200);
  const config = {
    brands: [],
    alerts: [AlertRule.parse({ name: 'acme-negative', kind: 'negative_spike', brand: 'acme', cooldown: '6h', channels: ['hook'] })],
    channels: { hook: Channel.parse({ type: 'webhook', url: receiver.url, secret: 'trailing-test-secret-123' }) },
  } as unknown as Config;
  const queue = makeQueue();
  try {
    registerStages({ config, store, queue, log: silentLog }, { deliveries });
    const { quiet, spike } = recentHistory();
    const early = spike.slice(0, 8);
    const late = spike.slice(8);
    for (let i = 0; i < quiet.length; i += 100) await queue.enqueue('ingest', { mentions: quiet.slice(i, i + 100) });
    await queue.enqueue('ingest', { mentions: early });
    await queue.idle();
    const first = await store.findDocs<Alert>(ALERTS, {});
    const sentFirst = receiver.requests.length;
    // The rest of the burst, in two ingests within the same minute.
    await queue.enqueue('ingest', { mentions: late.slice(0, 5) });
    await queue.enqueue('ingest', { mentions: late.slice(5) });
    await queue.idle();
    const second = await store.findDocs<Alert>(ALERTS, {});
    // A detection began after the last ingest of the burst was stored (the trailing run).
    const dirty = await store.getDoc<{ _id: string; at: Date }>('detectDirty', 'acme');
    const checked = await store.getDoc<{ _id: string; at: Date }>('detectChecked', 'acme');
    const trailing = new Date(checked!.at).getTime() >= new Date(dirty!.at).getTime();
    const sentSecond = receiver.requests.length;
    // The same data once more: same severity, inside the cooldown, nothing sent.
    await queue.enqueue('ingest', { mentions: late });
    await queue.idle();
    const deliveriesStored = await store.findDocs<Delivery>(DELIVERIES, {}, { sort: { _id: 1 } });
    return { first, second, sentFirst, sentSecond, requests: receiver.requests, deliveriesStored, trailing };
  } finally {
    await queue.close(2_000);
    await receiver.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function expectEscalation(r: Awaited<ReturnType<typeof burst>>) {
  expect(r.first).toHaveLength(1);
  expect(r.first[0]!.severity).not.toBe('high');
  expect(r.sentFirst).toBe(1);
  // One alert still, now high with the whole burst's numbers; sent a second time.
  expect(r.second).toHaveLength(1);
  // The escalation happens on the first detection that sees enough of the rest (13 of 18 complaints when it ran
  // between the two ingests, 18 after both); the trailing one then finds the same severity and stays quiet.
  expect(r.second[0]).toMatchObject({ _id: r.first[0]!._id, severity: 'high', escalatedFrom: r.first[0]!.severity });
  expect([13, 18]).toContain(r.second[0]!.observed);
  expect(r.trailing).toBe(true);
  expect(r.sentSecond).toBe(2);
  expect(r.requests).toHaveLength(2);
  const ids = r.requests.map((q) => q.headers['x-earshot-delivery']);
  expect(new Set(ids).size).toBe(2);
  expect(JSON.parse(r.requests[1]!.body).alert.severity).toBe('high');
  expect(r.deliveriesStored.map((d) => d.status)).toEqual(['sent', 'sent']);
}

describe('detection after ingest is a trailing run, and alerts escalate', () => {
  it('inline queue: every ingest of a burst is judged, the risen severity is sent once more, the same one is not', async () => {
    expectEscalation(await burst(() => new InlineQueue(catalog), 'once'));
  });

  describe.skipIf(!redisUrl)('BullMQ on real Redis', () => {
    const prefix = `earshot-test-${randomBytes(4).toString('hex')}`;
    afterAll(async () => {
      const r = new Redis(redisUrl!);
      const keys = await r.keys(`${prefix}:*`);
      if (keys.length) await r.del(...keys);
      await r.quit();
    });
    it('every ingest of a burst is judged, the risen severity is sent once more, the same one is not', async () => {
      expectEscalation(await burst(() => new BullmqQueue(catalog, { url: redisUrl!, prefix }), 'retry'));
    });
  });
});
