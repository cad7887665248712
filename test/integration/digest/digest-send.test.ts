import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestCommand } from '../../../src/cli/commands/digest.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { httpReceiver, readMail, smtpReceiver } from '../alerts/receivers.js';
import { runCommand } from '../reports/cli-harness.js';
import { m, seed } from '../reports/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-digest-'));
const config = join(dir, 'earshot.yaml');
const env = { EARSHOT_DATA_DIR: join(dir, 'data'), EARSHOT_CONFIG: config };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const theme = (t: string, label: 'positive' | 'negative', score: number) => ({ theme: t, label, score, evidence: t });

let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let slack: Awaited<ReturnType<typeof httpReceiver>>;

beforeAll(async () => {
  smtp = await smtpReceiver();
  slack = await httpReceiver();
  writeFileSync(
    config,
    `timezone: Europe/Berlin
brands:
  - id: acme
    name: Acme
    sources:
      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }
channels:
  mail: { type: email, host: 127.0.0.1, port: ${smtp.port}, from: "earshot <earshot@example.com>", to: [team@example.com] }
  team-slack: { type: slack, webhookUrl: "${slack.url}" }
digests:
  - { brand: acme, channels: [mail, team-slack], schedule: "0 8 * * 1" }
`,
  );
  const store = await SqliteStore.open({ dataDir: env.EARSHOT_DATA_DIR });
  const mentions = [
    // last week: 2 calm mentions; this week: 5, three of them angry about refunds
    m('acme', 'p1', { day: daysAgo(9), label: 'positive', score: 0.6, themes: [theme('food', 'positive', 0.6)] }),
    m('acme', 'p2', { day: daysAgo(8), label: 'positive', score: 0.5, themes: [theme('food', 'positive', 0.5)] }),
    m('acme', 'c1', { day: daysAgo(3), label: 'positive', score: 0.7, themes: [theme('food', 'positive', 0.7)] }),
    m('acme', 'c2', { day: daysAgo(2), label: 'positive', score: 0.4, themes: [theme('food', 'positive', 0.4)] }),
    ...['n1', 'n2', 'n3'].map((id) =>
      m('acme', id, { day: daysAgo(1), label: 'negative', score: -0.8, text: `Charged twice and no refund ${id}`, stars: 1, themes: [theme('billing', 'negative', -0.8)] }),
    ),
  ];
  await seed(store, mentions);
  await store.close();
});
afterAll(async () => {
  await smtp.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('earshot digest', () => {
  it('prints the week: volume with its change, what moved sentiment, mentions to answer with their links', async () => {
    const r = await runCommand(digestCommand, ['--brand', 'acme'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 mentions \(\+150% vs 2 in/);
    expect(r.stdout).toMatch(/▼ billing: 3 mentions/);
    expect(r.stdout).toContain('Charged twice and no refund');
    expect(r.stdout).toContain('https://reviews.example/acme/n1');
    expect(r.stdout).toContain('Sources that failed');
  });

  it('--send: an HTML email with a plain-text part reaches the SMTP server, and a message reaches the Slack webhook', async () => {
    const r = await runCommand(digestCommand, ['--brand', 'acme', '--send'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^digest acme \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2} sent to mail, team-slack/);

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['team@example.com']);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    const { subject } = readMail(mail.raw);
    expect(subject).toMatch(/^earshot digest · Acme · .*: 5 mentions/);
    expect(mail.raw).toContain('https://reviews.example/acme/n1');

    expect(slack.requests).toHaveLength(1);
    const body = JSON.parse(slack.requests[0]!.body) as { text: string; blocks: Array<{ type: string; text: { text: string } }> };
    expect(body.text).toMatch(/Acme/);
    const all = body.blocks.map((b) => b.text.text).join('\n');
    expect(all).toContain('*Mentions to answer*');
    expect(all).toContain('<https://reviews.example/acme/n1|open>');
  });

  it('a digest that was sent starts the next one the day after it ended', async () => {
    const r = await runCommand(digestCommand, ['--brand', 'acme', '--format', 'json'], env);
    const d = JSON.parse(r.stdout) as { from: string; to: string; volume: { mentions: number } };
    expect(d.from).toBe(d.to); // sent today: the next digest covers today alone, not the same week again
    expect(d.volume.mentions).toBe(0);
  });

  it('a retry after one channel failed sends only to the channels still owed', async () => {
    // Slack answers 500 the first time: the digest fails (and is not recorded), the email already went out.
    const flaky = await httpReceiver((n) => (n === 1 ? 500 : 200));
    const cfg = join(dir, 'flaky.yaml');
    writeFileSync(
      cfg,
      `brands:
  - id: acme
    name: Acme
    sources:
      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }
channels:
  mail: { type: email, host: 127.0.0.1, port: ${smtp.port}, from: "earshot <earshot@example.com>", to: [team@example.com] }
  flaky-slack: { type: slack, webhookUrl: "${flaky.url}" }
digests:
  - { brand: acme, channels: [mail, flaky-slack], schedule: "0 8 * * 1" }
`,
    );
    const flakyEnv = { ...env, EARSHOT_DATA_DIR: join(dir, 'flaky-data'), EARSHOT_CONFIG: cfg };
    try {
      const mailsBefore = smtp.mails.length;
      // The command fails with the channel's error (printed as one line by the CLI's entry point).
      await expect(runCommand(digestCommand, ['--brand', 'acme', '--send'], flakyEnv)).rejects.toThrow(/HTTP 500 receiver says no/);
      expect(smtp.mails.length - mailsBefore).toBe(1);
      const again = await runCommand(digestCommand, ['--brand', 'acme', '--send'], flakyEnv);
      expect(again.code).toBe(0);
      expect(smtp.mails.length - mailsBefore).toBe(1); // the team is not mailed twice
      expect(flaky.requests).toHaveLength(2); // Slack, which failed, gets it on the retry
    } finally {
      await flaky.close();
    }
  });

  it('--send for a brand without a digests: entry is one line', async () => {
    writeFileSync(join(dir, 'bare.yaml'), `brands:\n  - id: acme\n    name: Acme\n    sources:\n      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }\n`);
    const r = await runCommand(digestCommand, ['--brand', 'acme', '--send', '--config', join(dir, 'bare.yaml')], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('earshot: digest: brand acme has no digests: entry in the config (brand, channels, schedule, sections)');
  });
});
