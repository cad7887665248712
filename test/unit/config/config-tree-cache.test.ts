import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig, checkConfigFile } from '../../../src/config/load.js';
import { runNode } from '../../helpers/cli.js';

/**
 * A config file's parsed YAML is kept in the user's cache (keyed by its text), so a start-up with an unchanged config
 * skips the YAML parser. What the cache gives must be what parsing gives: same config, same problems, same warnings.
 */
describe('the config tree cache', () => {
  let root: string;
  const entries = () => {
    try {
      return readdirSync(path.join(root, 'cache', 'yaml'));
    } catch {
      return [];
    }
  };
  const write = (name: string, text: string) => {
    const file = path.join(root, name);
    writeFileSync(file, text);
    return file;
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'earshot-cfgcache-'));
    process.env.EARSHOT_CACHE_DIR = path.join(root, 'cache');
  });
  afterEach(() => {
    delete process.env.EARSHOT_CACHE_DIR;
    rmSync(root, { recursive: true, force: true });
  });

  const merged = `x-site: &site { limits: { maxPages: 3 }, respectRobots: false }
retention:
  rawTextDays: \${TIMEOUT}
brands:
  - id: a
    name: A
    sources:
      - { kind: rss, url: "\${FEED_URL:-https://x.example/feed}", <<: *site }
      - { kind: rss, name: news, url: "\${NEWS_URL}" }
`;

  it('a config with merge keys and placeholders is cached, and the cached reading is the parsed one', () => {
    const file = write('a.yaml', merged);
    for (const env of [{ TIMEOUT: '5000', NEWS_URL: 'https://news.example/rss' }, { TIMEOUT: 'soon' }, {}]) {
      const parsed = checkConfig(merged, file, { env });
      const first = checkConfigFile(file, { env });
      expect(entries()).toHaveLength(1);
      const cached = checkConfigFile(file, { env });
      expect(first).toEqual(parsed);
      expect(cached).toEqual(parsed);
    }
    // The values: the merge applied, the number read from its variable, the default used.
    const ok = checkConfigFile(file, { env: { TIMEOUT: '5000', NEWS_URL: 'https://news.example/rss' } });
    expect(ok.problems).toEqual([]);
    expect(ok.config!.brands[0]!.sources[0]!.limits.maxPages).toBe(3);
    expect(ok.config!.brands[0]!.sources[0]!.url).toBe('https://x.example/feed');
    // Unset variables are named from the cache as from the file.
    expect(checkConfigFile(file, { env: {} }).problems).toContain('brands[0].sources[1].url: ${NEWS_URL} is not set');
  });

  it('a placeholder inside an anchored node is left to the parser (an alias would share it), with the same result', () => {
    const text = merged.replace('respectRobots: false', 'respectRobots: false, userAgent: "${UA}"');
    const file = write('b.yaml', text);
    const env = { TIMEOUT: '5000', NEWS_URL: 'https://news.example/rss' };
    expect(checkConfigFile(file, { env })).toEqual(checkConfig(text, file, { env }));
    expect(entries()).toHaveLength(0);
  });

  it('YAML errors are never cached, and a changed file is read anew', () => {
    const file = write('c.yaml', 'brands: [\n');
    expect(checkConfigFile(file).problems[0]).toMatch(/^YAML line \d+:/);
    expect(entries()).toHaveLength(0);
    writeFileSync(file, merged);
    checkConfigFile(file, { env: { TIMEOUT: '1' } });
    writeFileSync(file, merged.replace('maxPages: 3', 'maxPages: 4'));
    expect(checkConfigFile(file, { env: { TIMEOUT: '1', NEWS_URL: 'https://n.example' } }).config!.brands[0]!.sources[0]!.limits.maxPages).toBe(4);
    expect(entries()).toHaveLength(2);
  });

  it('a start-up whose config is cached does not load the YAML library', async () => {
    const file = write('d.yaml', merged);
    const script = `
      import { createRequire } from 'node:module';
      const { checkConfigFile } = await import(${JSON.stringify(path.resolve('src/config/load.ts'))});
      const r = checkConfigFile(${JSON.stringify(file)}, { env: { TIMEOUT: '1', NEWS_URL: 'https://n.example' } });
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/yaml/dist/'));
      console.log(JSON.stringify({ ok: r.problems.length === 0, loaded }));`;
    const run = () => runNode(['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env } });
    const first = await run();
    expect(JSON.parse(first.stdout)).toEqual({ ok: true, loaded: true });
    const second = await run();
    expect(JSON.parse(second.stdout)).toEqual({ ok: true, loaded: false });
  });
});
