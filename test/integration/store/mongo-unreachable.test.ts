import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { openStore, StoreUnavailableError } from '../../../src/store/index.js';
import { MongoStore } from '../../../src/store/mongo.js';

/** Needs only the driver: nothing listens on port 1, so these run on every machine. */
describe('when MONGO_URL points at nothing', () => {
  it('connecting fails fast with one line naming the host and the reason', async () => {
    const started = Date.now();
    const err = await MongoStore.connect({ url: 'mongodb://127.0.0.1:1', startupTimeoutMS: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)$/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('the start-up deadline is not the operations\' server selection timeout (which must outlast an election)', async () => {
    const started = Date.now();
    const err = await MongoStore.connect({ url: 'mongodb://127.0.0.1:1', startupTimeoutMS: 800, serverSelectionTimeoutMS: 60_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toMatch(/^cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)$/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the password and user in the URL never appear in the message', async () => {
    const url = 'mongodb://alice:s3cr%40tpw@127.0.0.1:1/earshot?authSource=admin';
    const err = (await MongoStore.connect({ url, startupTimeoutMS: 500 }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:1 \(/);
    expect(err.message).not.toMatch(/alice|s3cr|tpw/);
  });

  it('a MONGO_URL that is not a MongoDB URL is reported as such by openStore', async () => {
    await expect(openStore({ mongoUrl: 'http://alice:pw@db.example:27017', dataDir: '/nonexistent' })).rejects.toThrow(
      /^invalid MONGO_URL: not a mongodb URL \(Invalid scheme/,
    );
  });

  it('without a MONGO_URL (or with an empty one) openStore opens the SQLite store in the data dir', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-open-'));
    try {
      const store = await openStore({ mongoUrl: '  ', dataDir });
      expect(store.kind).toBe('sqlite');
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
