import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../../src/config/load.js';

const valid = `
brands:
  - id: northwind
    name: Northwind Coffee
    competitors: [{ id: bluebird, name: Bluebird Roasters }]
    sources:
      - kind: reviews-jsonld
        url: https://reviews.example.com/northwind
        schedule: "0 */6 * * *"
      - kind: rss
        name: news
        url: https://news.example.com/feed.xml
`;

function problems(text: string): string[] {
  try {
    parseConfig(text, 'test.yaml', { env: {} });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config loading', () => {
  it('parses a valid config, fills defaults and freezes it', () => {
    const c = parseConfig(valid, 'test.yaml', { env: {} });
    const b = c.brands[0]!;
    expect(b.aliases).toEqual(['Northwind Coffee']);
    expect(b.sources.map((s) => s.name)).toEqual(['reviews-jsonld', 'news']);
    expect(b.sources[0]!.limits.maxResponseBytes).toBe(5 * 1024 * 1024);
    expect(b.sources[0]!.respectRobots).toBe(true);
    expect(Object.isFrozen(c.brands[0]!.sources)).toBe(true);
    expect(() => ((c.brands as unknown as unknown[]).length = 0)).toThrow();
  });

  it('an invalid URL is reported with the path of the field', () => {
    expect(problems(valid.replace('https://news.example.com/feed.xml', 'not a url'))).toEqual([
      'brands[0].sources[1].url: Invalid URL (http or https only)',
    ]);
  });

  it('a file: or javascript: URL is refused at config time', () => {
    expect(problems(valid.replace('https://news.example.com/feed.xml', 'file:///etc/passwd'))[0]).toMatch(/^brands\[0\]\.sources\[1\]\.url:/);
  });

  it('an unknown source kind names the kinds that exist', () => {
    const [p] = problems(valid.replace('kind: rss', 'kind: myspace'));
    expect(p).toMatch(/^brands\[0\]\.sources\[1\]\.kind: .*reviews-jsonld.*appstore/);
  });

  it('lists every problem, not just the first', () => {
    const bad = valid.replace('id: northwind', 'id: North Wind').replace('"0 */6 * * *"', '"every day"');
    expect(problems(bad)).toEqual([
      'brands[0].id: expected a lowercase id (a-z, 0-9, - and _)',
      'brands[0].sources[0].schedule: Invalid cron expression',
    ]);
  });

  it('a source that needs a url and has none says so', () => {
    expect(problems(valid.replace('        url: https://news.example.com/feed.xml\n', ''))).toEqual([
      'brands[0].sources[1].url: a rss source needs a url',
    ]);
  });

  it('duplicate brand ids and source names are caught', () => {
    const twice = `${valid}\n  - id: northwind\n    name: Again\n`;
    expect(problems(twice)).toContain('brands[1].id: duplicate brand id "northwind"');
    expect(problems(valid.replace('name: news', 'name: reviews-jsonld'))).toContain('brands[0].sources[1].name: duplicate source name "reviews-jsonld"');
  });

  it('malformed YAML gives the line number', () => {
    const [p] = problems('brands:\n  - id: a\n   name: [unclosed\n');
    expect(p).toMatch(/^YAML line \d+:/);
  });

  it('YAML merge keys share settings between sources; a bad merge is a config problem, not a crash', () => {
    const shared = `x-site: &site { limits: { maxPages: 3 }, respectRobots: false }
brands:
  - id: a
    name: A
    sources:
      - { kind: rss, url: "https://x.example/feed", <<: *site }`;
    const c = parseConfig(shared, 't.yaml', { env: {} });
    expect(c.brands[0]!.sources[0]!.limits.maxPages).toBe(3);
    expect(c.brands[0]!.sources[0]!.respectRobots).toBe(false);
    expect(problems(shared.replace('<<: *site', '<<: 5'))).toEqual(['YAML: Merge sources must be maps or map aliases']);
  });

  it('an empty or scalar file is a clear error', () => {
    expect(problems('')).toEqual(['expected a YAML mapping with a `brands` list']);
    expect(problems('just text')).toEqual(['expected a YAML mapping with a `brands` list']);
  });

  it('${VAR} placeholders come from vars and env; a missing one is named', () => {
    const text = valid.replace('https://reviews.example.com', '${SITE}');
    const c = parseConfig(text, 't.yaml', { env: {}, vars: { SITE: 'http://127.0.0.1:8080' } });
    expect(c.brands[0]!.sources[0]!.url).toBe('http://127.0.0.1:8080/northwind');
    expect(problems(text)).toEqual(['brands[0].sources[0].url: ${SITE} is not set']);
    expect(parseConfig(text.replace('${SITE}', '${SITE:-https://x.example}'), 't.yaml', { env: {} }).brands[0]!.sources[0]!.url).toBe(
      'https://x.example/northwind',
    );
  });

  it('a missing file is a ConfigError with a one-line message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-cfg-'));
    expect(() => loadConfig(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml: file not found$/);
    writeFileSync(join(dir, 'ok.yaml'), valid);
    expect(loadConfig(join(dir, 'ok.yaml')).brands).toHaveLength(1);
  });
});
