import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduleCommand } from '../../../src/cli/commands/schedule.js';
import { ROOT, runEarshot } from '../../helpers/cli.js';
import { runCommand } from '../reports/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-config-check-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Every mistake `config check` used to pass silently, in one file: one run must name them all. */
const silentMistakes = file(
  'mistakes.yaml',
  `brands:
  - id: northwind
    name: Northwind Coffee
    exclude: ["Northwind Traders"]
    themePacks: [general, cafes]
    goals:
      - { metric: stars, min: 6 }
    sources:
      - kind: appstore
        ids: ["1234567890"]
        storefronts: [US, uk]
      - kind: rss
        url: \${FEED_URL}
channels:
  hook: { type: webhook, url: "\${HOOK_URL}" }
alert:
  - { name: nw-negative, kind: negative_spike, brand: northwind, channels: [hook] }
`,
);

const untrackedCompetitor = file(
  'competitor.yaml',
  `x-limits: &polite { limits: { maxRequestsPerMinute: 30 } }
brands:
  - id: northwind
    name: Northwind Coffee
    competitors: [{ id: bluebird, name: Bluebird Roasters }]
    sources:
      - { kind: rss, url: "https://news.example.com/feed.xml", <<: *polite }
`,
);

describe('earshot config check tells the truth in one pass', () => {
  it('names every silent mistake of a config in one report, one `path: message` line each, exit 2', async () => {
    const r = await runEarshot(['config', 'check', silentMistakes], { env: { FEED_URL: '', HOOK_URL: '' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${silentMistakes}: 8 problem(s)`);
    expect(lines.slice(1).map((l) => l.trim().replace(/ \(available: .*$/, ''))).toEqual([
      'brands[0].sources[1].url: ${FEED_URL} is not set',
      'channels.hook.url: ${HOOK_URL} is not set',
      'brands[0].sources[0].storefronts[0]: write storefronts lowercase, as the App Store does: "us"',
      'brands[0].sources[0].storefronts[1]: "uk" is not an ISO 3166-1 alpha-2 country code (did you mean "gb"?)',
      'brands[0].goals[0].min: a stars goal is between 1 and 5, got 6',
      'brands[0].exclude: unknown key (did you mean "exclusions"?)',
      'alert: unknown key (did you mean "alerts"?)',
      'brands[0].themePacks[1]: unknown theme pack "cafes"',
    ]);
  });

  it('a brand query that does not parse is one line naming its path and column, exit 2', async () => {
    const bad = file('bad-query.yaml', `brands:
  - id: northwind
    name: Northwind Coffee
    query: '("Northwind" OR @northwindcoffee AND (coffee OR latte) NOT "wind farm"'
    sources:
      - { kind: rss, url: "https://news.example.com/feed.xml" }
`);
    const r = await runEarshot(['config', 'check', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').slice(1).map((l) => l.trim())).toEqual([
      'brands[0].query: not a valid query: "(" is never closed at column 1',
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an untracked competitor is a warning: printed, exit 0; `x-` anchors are fine', async () => {
    const r = await runEarshot(['config', 'check', untrackedCompetitor]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`OK ${untrackedCompetitor}: 1 brand(s), 1 source(s), 1 warning(s)`);
    expect(r.stderr.trim()).toMatch(/^warning: brands\[0\]\.competitors\[0\]\.id: competitor "bluebird" is not tracked as a brand/);
  });

  it('another command loading a config with a warning prints it once on stderr and goes on', async () => {
    const data = mkdtempSync(join(tmpdir(), 'earshot-config-warn-'));
    const r = await runCommand(scheduleCommand, ['list', '--config', untrackedCompetitor], { EARSHOT_DATA_DIR: data });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('config warning'))).toEqual([
      'earshot: config warning: brands[0].competitors[0].id: competitor "bluebird" is not tracked as a brand: share of voice shows no volume for it (add it under brands: to crawl it)',
    ]);
  });

  it('a config file over 1 MB is refused in one line', async () => {
    const big = file('big.yaml', `brands: []\n# ${'x'.repeat(1024 * 1024)}\n`);
    const r = await runEarshot(['config', 'check', big]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`earshot: ${big}: refused: 1.0 MB is over the 1 MB limit for a config file`]);
  });

  it('the shipped example lists all its unset secrets at once, and passes once they are set', async () => {
    const example = join(ROOT, 'config/earshot.example.yaml');
    const unset = await runEarshot(['config', 'check', example], { env: { EARSHOT_WEBHOOK_SECRET: '', SLACK_WEBHOOK_URL: '', SMTP_PASSWORD: '' } });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('channels.oncall-hook.secret: ${EARSHOT_WEBHOOK_SECRET} is not set');
    expect(unset.stderr).toContain('channels.cx-slack.webhookUrl: ${SLACK_WEBHOOK_URL} is not set');
    expect(unset.stderr).toContain('channels.cx-email.pass: ${SMTP_PASSWORD} is not set');
    const set = await runEarshot(['config', 'check', example], {
      env: { EARSHOT_WEBHOOK_SECRET: 'a-long-enough-secret', SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/x', SMTP_PASSWORD: 'pw' },
    });
    expect(set.stderr).not.toMatch(/problem/);
    expect(set.code).toBe(0);
  });

  it('the demo config passes', async () => {
    const r = await runEarshot(['config', 'check', join(ROOT, 'config/demo.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK .*demo\.yaml: 5 brand\(s\), 27 source\(s\)/);
  });
});
