import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alertsCommand } from '../../../src/cli/commands/alerts.js';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { scheduleCommand } from '../../../src/cli/commands/schedule.js';
import type { Mention } from '../../../src/domain/mention.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { makeComplaint } from '../store/fixtures.js';
import { runCommand } from '../reports/cli-harness.js';
import { history } from './fixtures.js';
import { httpReceiver } from './receivers.js';

const redisUrl = inject('redisUrl');
const dir = mkdtempSync(join(tmpdir(), 'earshot-alerts-cli-'));
const env = { EARSHOT_DATA_DIR: join(dir, 'data'), EARSHOT_CONFIG: join(dir, 'earshot.yaml') };

function writeConfig(opts: { hookUrl: string; sources?: string[]; extra?: string }) {
  const sources = (opts.sources ?? ['trustsite', 'reddit'])
    .map((s) => (s === 'reddit' ? '      - { kind: reddit, name: reddit, schedule: "*/30 * * * *" }' : `      - { kind: reviews-jsonld, name: ${s}, url: "https://reviews.example/acme" }`))
    .join('\n');
  writeFileSync(
    env.EARSHOT_CONFIG,
    `brands:
  - id: acme
    name: Acme
    schedule: "0 */4 * * *"
    sources:
${sources}
alerts:
  - { name: acme-negative, kind: negative_spike, brand: acme, window: 24h, baseline: 28d, cooldown: 1d, channels: [hook] }
channels:
  hook: { type: webhook, url: "${opts.hookUrl}", secret: "cli-test-secret-0123456789" }
${opts.extra ?? ''}`,
  );
}

let receiver: Awaited<ReturnType<typeof httpReceiver>>;
beforeAll(async () => {
  receiver = await httpReceiver();
  writeConfig({ hookUrl: receiver.url });
  const store = await SqliteStore.open({ dataDir: env.EARSHOT_DATA_DIR });
  // The March 2024 history (a spike on the 29th) and a fresh burst of complaints in the last hours.
  const now = Date.now();
  const fresh: Mention[] = Array.from({ length: 12 }, (_, i) => makeComplaint({ externalId: `now${i}`, publishedAt: new Date(now - (i + 1) * 600_000) }));
  await store.upsertMentions([...history(), ...fresh]);
  await store.close();
});
afterAll(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

const alerts = (...args: string[]) => runCommand(alertsCommand, args, env);

describe('earshot alerts', () => {
  it('backtest replays stored history and shows when the rule would have fired', async () => {
    const r = await alerts('backtest', '--rule', 'acme-negative', '--from', '2024-03-10', '--to', '2024-03-31');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^backtest acme-negative \(negative_spike, acme, window 24h, baseline 28d, sensitivity medium, minCount 5, cooldown 1d\)/);
    // Quiet for weeks; the burst on the 29th fires, and again a day later while it is still in the 24 h window.
    expect(r.stdout).toMatch(/2 alert\(s\) in 22 day\(s\) replayed hourly/);
    expect(r.stdout).toMatch(/2024-03-29 09:00 +10 +2 +4\.6e-5 +medium +10 negative mentions vs 2\.0 expected/);
    const json = JSON.parse((await alerts('backtest', '--rule', 'acme-negative', '--from', '2024-03-10', '--to', '2024-03-31', '--json')).stdout);
    expect(json.firings.map((f: { at: string }) => f.at)).toEqual(['2024-03-29T09:00:00.000Z', '2024-03-30T09:00:00.000Z']);
  });

  it('detect runs the rules now: the alert is stored, delivered, listed, and can be acknowledged', async () => {
    const r = await alerts('detect', '--brand', 'acme');
    expect(r.stdout).toMatch(/^acme-negative: fired → acme-negative:\S+ \((low|medium|high)\)/);
    expect(receiver.requests).toHaveLength(1);
    const list = await alerts('list');
    expect(list.stdout).toMatch(/12 mentions vs \d+\.\d expected/);
    expect(list.stdout).toContain('hook:sent');
    const id = JSON.parse((await alerts('list', '--json')).stdout).alerts[0]._id as string;
    expect((await alerts('ack', id)).stdout).toBe(`acknowledged ${id}\n`);
    expect((await alerts('list', '--state', 'open')).stdout).toBe('no alerts stored\n');
  });

  it('bad input is one line: unknown rule, --from after --to, unknown action', async () => {
    expect((await alerts('backtest', '--rule', 'nope')).stderr).toBe('earshot: unknown rule "nope" (configured: acme-negative)\n');
    expect((await alerts('backtest', '--rule', 'acme-negative', '--from', '2024-03-10', '--to', '2024-03-01')).stderr).toBe(
      'earshot: --from 2024-03-10 is after --to 2024-03-01\n',
    );
    expect((await alerts('silence')).stderr).toBe('earshot: alerts: unknown action "silence" (one of: list, backtest, ack, detect, deliver)\n');
  });
});

describe('config mistakes around alerts and schedules are one line', () => {
  const withConfig = async (extra: string, body?: string) => {
    const file = join(dir, `bad-${randomBytes(3).toString('hex')}.yaml`);
    writeFileSync(file, body ?? `brands:\n  - id: acme\n    name: Acme\n${extra}`);
    return runCommand(reportCommand, ['trend', '--brand', 'acme', '--config', file], env);
  };

  it('a rule naming an unknown channel', async () => {
    const r = await withConfig('alerts:\n  - { name: r1, kind: negative_spike, brand: acme, channels: [pager] }\n');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/alerts\[0\]\.channels\[0\]: unknown channel "pager" \(no channels configured\)/);
  });

  it('an invalid cron on a source', async () => {
    const r = await withConfig('    sources:\n      - { kind: reddit, schedule: "every tuesday" }\n');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/brands\[0\]\.sources\[0\]\.schedule: Invalid cron expression/);
  });

  it('a rule for a brand that is not configured', async () => {
    const r = await withConfig('alerts:\n  - { name: r1, kind: rating_drop, brand: acne }\n');
    expect(r.stderr).toMatch(/alerts\[0\]\.brand: unknown brand "acne" \(configured: acme\)/);
  });
});

describe.skipIf(!redisUrl)('earshot schedule on BullMQ (real Redis)', () => {
  const prefix = `earshot-test-${randomBytes(4).toString('hex')}`;
  const bullEnv = { ...env, REDIS_URL: redisUrl!, EARSHOT_QUEUE_PREFIX: prefix };
  const schedule = (...args: string[]) => runCommand(scheduleCommand, args, bullEnv);
  afterAll(async () => {
    const r = new Redis(redisUrl!);
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
  });

  it('sync registers each source and the alerting brand; list shows next run; removing a source removes its schedule', async () => {
    writeConfig({ hookUrl: receiver.url });
    expect((await schedule('sync')).stdout).toBe('schedules synced: 3 added, 0 updated, 0 unchanged, 0 removed\n');
    expect((await schedule('sync')).stdout).toBe('schedules synced: 0 added, 0 updated, 3 unchanged, 0 removed\n');

    const listed = JSON.parse((await schedule('list', '--json')).stdout);
    expect(listed.queue).toBe('bullmq');
    const byId = Object.fromEntries(listed.schedules.map((s: { id: string }) => [s.id, s]));
    expect(byId['crawl/acme/trustsite']).toMatchObject({ cron: '0 */4 * * *', registered: true });
    expect(byId['crawl/acme/reddit']).toMatchObject({ cron: '*/30 * * * *', registered: true });
    expect(byId['detect/acme']).toMatchObject({ cron: '*/15 * * * *', registered: true });
    expect(new Date(byId['crawl/acme/reddit'].next).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(byId['crawl/acme/reddit'].next).getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 1000);

    writeConfig({ hookUrl: receiver.url, sources: ['trustsite'] });
    expect((await schedule('sync')).stdout).toBe('schedules synced: 0 added, 0 updated, 2 unchanged, 1 removed (crawl/acme/reddit)\n');
    const table = (await schedule('list')).stdout;
    expect(table).toContain('crawl/acme/trustsite');
    expect(table).not.toContain('crawl/acme/reddit');
  });
});
