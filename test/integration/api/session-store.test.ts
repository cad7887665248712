import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../../src/api/keys.js';
import { buildApiServer } from '../../../src/api/server.js';
import { SESSIONS } from '../../../src/api/session.js';
import { parseConfig } from '../../../src/config/load.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';

/** Dashboard sessions are kept in the store: a restart signs nobody out, and servers sharing a store share them. */
const config = parseConfig(`brands:\n  - { id: acme, name: Acme, sources: [{ kind: reddit, name: reddit }] }\n`, 'sess.yaml', { env: {} });
let dataDir: string;
const stores: Store[] = [];
const apps: FastifyInstance[] = [];
let key: string;

async function server(): Promise<string> {
  const store = await openStore({ dataDir });
  stores.push(store);
  const app = await buildApiServer({ config, store }, { logger: false, rateLimitPerMinute: 10_000 });
  apps.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'earshot-sess-'));
  const store = await openStore({ dataDir });
  key = (await createKey(store, { name: 'analyst', scope: 'write' })).key;
  await store.close();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const s of stores) await s.close();
});

const signedIn = async (base: string, cookie: string) => ((await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()) as { signedIn: boolean }).signedIn;

describe('dashboard sessions kept in the store', () => {
  it('survive a restart, work on another server of the same store, and a sign-out anywhere ends them everywhere', async () => {
    const a = await server();
    const res = await fetch(`${a}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
    expect(res.status).toBe(200);
    const { csrf } = (await res.json()) as { csrf: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const token = cookie.split('=')[1]!;
    expect(await signedIn(a, cookie)).toBe(true);

    // The store keeps the cookie's hash, never the cookie.
    const docs = await stores[0]!.findDocs<{ _id: string }>(SESSIONS);
    expect(docs).toHaveLength(1);
    expect(JSON.stringify(docs)).not.toContain(token);

    // A restart of the server (a new process on the same data dir) keeps the session.
    await apps[0]!.close();
    const a2 = await server();
    expect(await signedIn(a2, cookie)).toBe(true);
    // Another server on the same store knows it too; signing out there ends it here.
    const b = await server();
    expect(await signedIn(b, cookie)).toBe(true);
    expect((await fetch(`${b}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } })).status).toBe(204);
    expect(await signedIn(a2, cookie)).toBe(false);
    expect((await fetch(`${a2}/api/v1/brands`, { headers: { cookie } })).status).toBe(401);
  });
});
