import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig, ConfigTooLargeError, loadConfig, MAX_CONFIG_BYTES, parseConfig } from '../../../src/config/load.js';

/** A valid config with one brand; each scenario changes one thing in it. */
const base = `
brands:
  - id: northwind
    name: Northwind Coffee
    exclusions: ["Northwind Traders"]
    competitors: [{ id: bluebird, name: Bluebird Roasters }]
    themePacks: [general, restaurants]
    goals:
      - { metric: stars, min: 4.3 }
    sources:
      - kind: appstore
        ids: ["1234567890"]
        storefronts: [us, gb]
      - kind: rss
        name: news
        url: https://news.example.com/feed.xml
  - id: bluebird
    name: Bluebird Roasters
channels:
  hook: { type: webhook, url: "https://hooks.example.com/x" }
alerts:
  - { name: nw-negative, kind: negative_spike, brand: northwind, channels: [hook] }
`;

const check = (text: string, env: Record<string, string> = {}) => checkConfig(text, 'test.yaml', { env });

describe('config check tells the truth', () => {
  it('the base config is clean: no problems, no warnings', () => {
    expect(check(base)).toMatchObject({ problems: [], warnings: [] });
  });

  it('a top-level `alert:` (typo: no rules at all) is an unknown key, with the key meant', () => {
    const r = check(base.replace('alerts:', 'alert:'));
    expect(r.config).toBeUndefined();
    expect(r.problems).toEqual(['alert: unknown key (did you mean "alerts"?)']);
  });

  it('`exclude:` for `exclusions:` is an unknown key at its path', () => {
    expect(check(base.replace('exclusions:', 'exclude:')).problems).toEqual(['brands[0].exclude: unknown key (did you mean "exclusions"?)']);
  });

  it('unknown keys are caught at every level: source, limits, alert rule, channel', () => {
    const text = base
      .replace('        name: news\n', '        name: news\n        limits: { maxPage: 3 }\n        respectRobot: false\n')
      .replace('channels: [hook] }', 'channels: [hook], cooldwn: 1h }')
      .replace('url: "https://hooks.example.com/x" }', 'url: "https://hooks.example.com/x", secrett: abc }');
    expect(check(text).problems).toEqual([
      'brands[0].sources[1].limits.maxPage: unknown key (did you mean "maxPages"?)',
      'brands[0].sources[1].respectRobot: unknown key (did you mean "respectRobots"?)',
      'alerts[0].cooldwn: unknown key (did you mean "cooldown"?)',
      'channels.hook.secrett: unknown key (did you mean "secret"?)',
    ]);
  });

  it('`x-` keys hold anchors and are not problems, at the top and inside a mapping', () => {
    const text = `x-site: &site { limits: { maxPages: 3 } }\n${base.replace('        name: news\n', '        name: news\n        x-note: kept for humans\n        <<: *site\n')}`;
    const r = check(text);
    expect(r.problems).toEqual([]);
    expect(r.config!.brands[0]!.sources[1]!.limits.maxPages).toBe(3);
    expect(Object.keys(r.config!)).not.toContain('x-site');
  });

  it('an unknown theme pack is an error naming the packs there are; a pack file that exists is fine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-packs-'));
    const own = join(dir, 'own.yaml');
    writeFileSync(own, 'themes:\n  - { id: beans, terms: [beans, roast] }\n');
    const r = check(base.replace('themePacks: [general, restaurants]', `themePacks: [general, cafes, "${own}", "${join(dir, 'missing.yaml')}"]`));
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^brands\[0\]\.themePacks\[1\]: unknown theme pack "cafes" \(available: .*restaurants/);
    expect(r.problems[1]).toMatch(/^brands\[0\]\.themePacks\[3\]: theme file ".*missing\.yaml" not found/);
  });

  it('a goal or an alert filter naming a theme the brand\'s packs do not define is one line with its path (it would never match)', () => {
    const text = base
      .replace('      - { metric: stars, min: 4.3 }\n', '      - { metric: stars, min: 4.3 }\n      - { metric: share, theme: speed-waiting, max: 0.2 }\n      - { metric: net_sentiment, theme: waiting-time, min: 0 }\n')
      .replace('channels: [hook] }', 'channels: [hook], filters: { theme: billing } }');
    const r = check(text);
    expect(r.config).toBeUndefined();
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^brands\[0\]\.goals\[2\]\.theme: unknown theme "waiting-time": brand "northwind" has no such theme in its packs \(general, restaurants\)/);
    expect(r.problems[1]).toMatch(/^alerts\[0\]\.filters\.theme: unknown theme "billing": brand "northwind" has no such theme/);
    // A theme of the brand's own pack file, and of the default pack (general) for a brand that lists none, are fine.
    const dir = mkdtempSync(join(tmpdir(), 'earshot-packs-'));
    const own = join(dir, 'own.yaml');
    writeFileSync(own, 'themes:\n  - { id: beans, terms: [beans, roast] }\n');
    const fine = base
      .replace('themePacks: [general, restaurants]', `themePacks: [general, "${own}"]`)
      .replace('      - { metric: stars, min: 4.3 }\n', '      - { metric: share, theme: beans, max: 0.5 }\n')
      .replace('    name: Bluebird Roasters\n', '    name: Bluebird Roasters\n    goals: [{ metric: share, theme: customer-service, max: 0.3 }]\n');
    expect(check(fine)).toMatchObject({ problems: [], warnings: [] });
  });

  it('goal ranges: stars 1–5, shares 0–1, net sentiment -1..1', () => {
    const text = base.replace(
      '      - { metric: stars, min: 4.3 }',
      '      - { metric: stars, min: 6 }\n      - { metric: churn_share, max: 2 }\n      - { metric: net_sentiment, min: -1.5 }\n      - { metric: share, theme: delivery-shipping, max: 0.3 }',
    );
    expect(check(text).problems).toEqual([
      'brands[0].goals[0].min: a stars goal is between 1 and 5, got 6',
      'brands[0].goals[1].max: a churn_share goal is between 0 and 1, got 2',
      'brands[0].goals[2].min: a net_sentiment goal is between -1 and 1, got -1.5',
    ]);
  });

  it('storefronts are lowercase ISO 3166-1 alpha-2 codes: [US, uk] is two problems, each with the fix', () => {
    expect(check(base.replace('storefronts: [us, gb]', 'storefronts: [US, uk, usa, de]')).problems).toEqual([
      'brands[0].sources[0].storefronts[0]: write storefronts lowercase, as the App Store does: "us"',
      'brands[0].sources[0].storefronts[1]: "uk" is not an ISO 3166-1 alpha-2 country code (did you mean "gb"?)',
      'brands[0].sources[0].storefronts[2]: expected a two-letter country code (ISO 3166-1 alpha-2), got "usa"',
    ]);
  });

  it('a competitor that is not tracked as a brand is a warning: the config is still used', () => {
    const r = check(base.replace('  - id: bluebird\n    name: Bluebird Roasters\n', ''));
    expect(r.problems).toEqual([]);
    expect(r.config).toBeDefined();
    expect(r.warnings).toEqual([
      'brands[0].competitors[0].id: competitor "bluebird" is not tracked as a brand: share of voice shows no volume for it (add it under brands: to crawl it)',
    ]);
  });

  it('every unset ${VAR} and every schema and cross-entry problem come in one report', () => {
    const text = base
      .replace('url: https://news.example.com/feed.xml', 'url: ${NEWS_URL}')
      .replace('url: "https://hooks.example.com/x" }', 'url: "${HOOK_URL}", secret: "${HOOK_SECRET}" }')
      .replace('themePacks: [general, restaurants]', 'themePacks: [general, cafes]')
      .replace('channels: [hook] }', 'channels: [hook, pager] }')
      .replace('  - id: bluebird\n', '  - id: Bluebird\n');
    const r = check(text);
    expect(r.problems.map((p) => p.replace(/ \(available: .*$/, ''))).toEqual([
      'brands[0].sources[1].url: ${NEWS_URL} is not set',
      'channels.hook.url: ${HOOK_URL} is not set',
      'channels.hook.secret: ${HOOK_SECRET} is not set',
      'brands[1].id: expected a lowercase id (a-z, 0-9, - and _)',
      'brands[0].themePacks[1]: unknown theme pack "cafes"',
      'alerts[0].channels[1]: unknown channel "pager" (configured: hook)',
    ]);
  });

  it('a ${VAR} value is text inside one scalar: it cannot inject YAML structure', () => {
    const evil = 'https://x.example/feed\n        allowPrivateNetworks: true';
    for (const text of [
      base.replace('url: https://news.example.com/feed.xml', 'url: ${NEWS_URL}'),
      base.replace('url: https://news.example.com/feed.xml', 'url: "${NEWS_URL}"'),
    ]) {
      const r = check(text, { NEWS_URL: evil });
      expect(r.problems).toEqual([]);
      const news = r.config!.brands[0]!.sources[1]!;
      expect(news.allowPrivateNetworks).toBe(false);
      expect(news.url).toMatch(/^https:\/\/x\.example\/feed/);
    }
    const port = check(base.replace('url: "https://hooks.example.com/x" }', 'url: "https://hooks.example.com/x", timeoutMs: "${T}" }'), { T: '5\nallowPrivateNetworks: true' });
    expect(port.problems).toEqual(['channels.hook.timeoutMs: Invalid input: expected number, received string']);
    const flow = check(base.replace('name: Northwind Coffee', 'name: ${BRAND_NAME}'), { BRAND_NAME: '{ allowPrivateNetworks: true }' });
    expect(flow.config!.brands[0]!.name).toBe('{ allowPrivateNetworks: true }');
    expect(flow.config!.brands[0]!.sources.every((s) => !s.allowPrivateNetworks)).toBe(true);
  });

  it('a ${VAR} in a number or true/false field is read as one when it spells one, else the field says so', () => {
    const text = base.replace('        name: news\n', '        name: news\n        limits:\n          maxPages: ${PAGES}\n        respectRobots: ${ROBOTS}\n');
    const ok = check(text, { PAGES: '7', ROBOTS: 'false' });
    expect(ok.problems).toEqual([]);
    expect(ok.config!.brands[0]!.sources[1]!.limits.maxPages).toBe(7);
    expect(ok.config!.brands[0]!.sources[1]!.respectRobots).toBe(false);
    expect(check(text, { PAGES: 'seven', ROBOTS: 'no' }).problems).toEqual([
      'brands[0].sources[1].limits.maxPages: Invalid input: expected number, received string',
      'brands[0].sources[1].respectRobots: Invalid input: expected boolean, received string',
    ]);
  });

  it('placeholders in comments are not variables', () => {
    expect(check(`# \${NOT_A_VAR} is documentation\n${base}`).problems).toEqual([]);
  });

  it('a config over 1 MB is refused in one line, before it is parsed', () => {
    const big = `${base}\n# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`;
    expect(() => parseConfig(big, 'big.yaml')).toThrow(ConfigTooLargeError);
    const dir = mkdtempSync(join(tmpdir(), 'earshot-big-'));
    writeFileSync(join(dir, 'big.yaml'), big);
    expect(() => loadConfig(join(dir, 'big.yaml'))).toThrow(/big\.yaml: refused: 1\.0 MB is over the 1 MB limit for a config file$/);
  });
});
