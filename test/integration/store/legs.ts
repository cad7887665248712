import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { MongoStore } from '../../../src/store/mongo.js';
import { displayMongoUrl } from '../../../src/store/mongo-url.js';
import type { Store } from '../../../src/store/store.js';

/** One backend under test: a fresh, empty store per test, reopenable to check persistence. */
export interface Leg {
  name: 'sqlite' | 'mongo';
  /** Opens a fresh, empty store; `reopen` closes it and opens the same data again. */
  fresh(): Promise<{ store: Store; reopen(): Promise<Store>; cleanup(): Promise<void> }>;
}

export const sqliteLeg: Leg = {
  name: 'sqlite',
  async fresh() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-store-'));
    let current: Store = await SqliteStore.open({ dataDir });
    return {
      store: current,
      async reopen() {
        await current.close();
        current = await SqliteStore.open({ dataDir });
        return current;
      },
      async cleanup() {
        await current.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** The MongoDB leg: a database of its own per test (`earshot_test_<random>`), dropped afterwards. */
export function mongoLeg(url: string): Leg {
  return {
    name: 'mongo',
    async fresh() {
      const dbName = `earshot_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      let current: Store = await MongoStore.connect({ url, dbName });
      return {
        store: current,
        async reopen() {
          await current.close();
          current = await MongoStore.connect({ url, dbName });
          return current;
        },
        async cleanup() {
          await current.close();
          const admin = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
          try {
            await admin.db(dbName).dropDatabase();
          } finally {
            await admin.close();
          }
        },
      };
    },
  };
}

/** The legs to run: SQLite always, MongoDB when `MONGO_URL` is set (announced on stdout). */
export function storeLegs(): Leg[] {
  const url = process.env.MONGO_URL?.trim();
  if (!url) return [sqliteLeg];
  console.info(`store contract: running the MongoDB leg against ${displayMongoUrl(url)}`);
  return [sqliteLeg, mongoLeg(url)];
}
