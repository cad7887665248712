import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkConfig } from '../../../src/config/load.js';
import { BullmqQueue } from '../../../src/queue/bullmq.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { formatTime } from '../../../src/cli/time.js';
import { planSchedules } from '../../../src/schedule/plan.js';
import { testCatalog } from '../../helpers/catalog.js';

const redisUrl = inject('redisUrl');
const config = (tz: string) => `timezone: ${tz}
brands:
  - id: acme
    name: Acme
    sources:
      - { kind: rss, name: news, url: "https://news.example/feed", schedule: "0 8 * * *" }
`;


describe('when the config sets a time zone', () => {
  it('config check names the field of a zone that does not exist', () => {
    const r = checkConfig(config('Mars/Olympus'), 'earshot.yaml');
    expect(r.config).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^timezone: unknown time zone "Mars\/Olympus" \(an IANA name/);
  });

  it('a crawl at 08:00 runs at 08:00 there, not at 08:00 UTC (in-process queue)', async () => {
    const parsed = checkConfig(config('America/New_York'), 'earshot.yaml').config!;
    const [plan] = planSchedules(parsed);
    expect(plan!.tz).toBe('America/New_York');
    const q = new InlineQueue(testCatalog);
    await q.schedule('s', plan!.cron, 'echo', { n: 1 }, { tz: plan!.tz });
    const [info] = await q.listSchedules();
    await q.unschedule('s');
    expect(formatTime(info!.next!, 'America/New_York').slice(11)).toBe('08:00');
    expect([12, 13]).toContain(info!.next!.getUTCHours()); // 08:00 EDT or EST
    expect(info!.tz).toBe('America/New_York');
  });

  const prefix = `earshot-test-tz-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    if (!redisUrl) return;
    const r = new Redis(redisUrl);
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
  });

  it.skipIf(!redisUrl)('a BullMQ job scheduler gets the zone too (real Redis)', async () => {
    const q = new BullmqQueue(testCatalog, { url: redisUrl!, prefix });
    try {
      await q.schedule('s', '0 8 * * *', 'echo', { n: 1 }, { tz: 'Asia/Tokyo' });
      const [info] = await q.listSchedules();
      expect(info!.tz).toBe('Asia/Tokyo');
      expect(info!.next!.getUTCHours()).toBe(23); // 08:00 JST, no daylight saving
    } finally {
      await q.close(1_000);
    }
  });
});

describe('when a brand has a digest', () => {
  it('schedule sync plans it on its cron in the config time zone', () => {
    const parsed = checkConfig(
      `${config('Europe/Berlin')}channels:\n  team: { type: slack, webhookUrl: "https://hooks.example/x" }\ndigests:\n  - { brand: acme, channels: [team], schedule: "0 8 * * 1" }\n`,
      'earshot.yaml',
    ).config!;
    expect(planSchedules(parsed).find((p) => p.job === 'digest')).toEqual({
      id: 'digest/acme',
      job: 'digest',
      cron: '0 8 * * 1',
      tz: 'Europe/Berlin',
      brand: 'acme',
      payload: { brand: 'acme' },
    });
  });
});
