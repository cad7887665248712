import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { Brand } from '../../../src/domain/index.js';
import { crawlOnce, northwind, pixelpost, source } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});
const ENV = ['BLUESKY_IDENTIFIER', 'BLUESKY_APP_PASSWORD', 'OTHER_BSKY_PASSWORD'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});
const logIn = (password = 'demo-app-pass-word', env = 'BLUESKY_APP_PASSWORD') => {
  process.env.BLUESKY_IDENTIFIER = 'earshot.demo.example';
  process.env[env] = password;
};

// The demo config's Northwind query: the offshore wind farm is not the coffee brand.
const northwindQuery = Brand.parse({ ...northwind, query: '("Northwind Coffee" OR Northwind OR @northwindcoffee) NOT ("wind farm" OR "Northwind Traders" OR turbines)' });
const bluesky = (extra: Record<string, unknown> = {}) => source({ kind: 'bluesky', url: site.url, allowPrivateNetworks: true, ...extra });

describe('bluesky against the demo site', () => {
  it('logs in with an app password from the environment, searches newest first, keeps likes/reposts/replies, and the brand query drops the wind farm', async () => {
    logIn();
    const out = await crawlOnce(crawlerFor('bluesky'), northwindQuery, bluesky());
    expect(out.failures).toEqual([]);
    expect(out.items.length).toBeGreaterThan(5);
    for (const p of out.items) {
      expect(p.text).toMatch(/northwind/i);
      expect(p.text).not.toMatch(/wind farm|turbine/i);
      expect(p.externalId).toMatch(/^at:\/\/did:plc:\w+\/app\.bsky\.feed\.post\/\w+$/);
      expect(p.url).toMatch(/^https:\/\/bsky\.app\/profile\/[\w.]+\/post\/\w+$/);
      expect(p.author.handle).toMatch(/^@[\w.]+\.bsky\.social$/);
    }
    expect(out.notes.join('\n')).toMatch(/the brand query dropped [1-9]\d* item\(s\)/);
    // counts absent on brand-new posts read as 0, present ones are kept
    expect(out.items.some((p) => (p.engagement?.likes ?? 0) > 0)).toBe(true);
    expect(new Set(out.items.map((p) => p.externalId)).size).toBe(out.items.length);
  });

  it('without a login the search answers 403, and the run says which variables to set', async () => {
    for (const k of ENV) delete process.env[k];
    const out = await crawlOnce(crawlerFor('bluesky'), northwind, bluesky());
    expect(out.items).toEqual([]);
    expect(out.failures).toHaveLength(1); // stops at the first search: every other would be refused too
    expect(out.failures[0]).toMatchObject({ class: 'blocked' });
    expect(out.failures[0]!.reason).toMatch(/asks for a login to search \(HTTP 403\): set BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD/);
  });

  it('a wrong app password (from the variable keyEnv names) is one line that never shows it', async () => {
    logIn('not-the-password', 'OTHER_BSKY_PASSWORD');
    const out = await crawlOnce(crawlerFor('bluesky'), northwind, bluesky({ keyEnv: 'OTHER_BSKY_PASSWORD' }));
    expect(out.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/refused the login of earshot\.demo\.example \(check BLUESKY_IDENTIFIER and OTHER_BSKY_PASSWORD/)]);
    expect(JSON.stringify(out)).not.toContain('not-the-password');
  });

  it('waits out a 429 with Retry-After and reads the page', async () => {
    logIn();
    const out = await crawlOnce(crawlerFor('bluesky'), pixelpost, bluesky());
    expect(out.failures).toEqual([]);
    expect(out.items.length).toBeGreaterThan(0);
    for (const p of out.items) expect(p.text).toMatch(/pixelpost/i);
  });

  it('a rerun with the cursor finds nothing new', async () => {
    logIn();
    const src = bluesky({ query: 'Northwind' });
    const first = await crawlOnce(crawlerFor('bluesky'), northwindQuery, src);
    const second = await crawlOnce(crawlerFor('bluesky'), northwindQuery, src, { cursor: first.cursor });
    expect(second.failures).toEqual([]);
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
  });
});
