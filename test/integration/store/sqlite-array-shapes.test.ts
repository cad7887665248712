import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../../src/domain/mention.js';
import { StoreInputError } from '../../../src/store/errors.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { makeMention } from './fixtures.js';

/** SQL reads competitors as strings and themes as objects (`$unwind` through json_each): other shapes never get in. */
describe('SQLite store: array fields SQL unwinds', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-shapes-'));
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('refuses a mention whose competitors or themes have another shape than SQL reads them as, in one line, storing nothing', async () => {
    const store = await SqliteStore.open({ dataDir });
    try {
      const m = makeMention();
      const bad = { ...m, competitors: [{ id: 'bench1' }] } as unknown as Mention;
      await expect(store.upsertMentions([bad])).rejects.toThrow(StoreInputError);
      await expect(store.upsertMentions([bad])).rejects.toThrow(/competitors must be an array of strings/);
      // SQL unwinds themes as objects (the alert series by theme): a theme given as a bare name is refused too.
      const badThemes = { ...m, themes: ['delivery'] } as unknown as Mention;
      await expect(store.upsertMentions([badThemes])).rejects.toThrow(/themes must be an array of objects/);
      expect(await store.countMentions()).toBe(0);
    } finally {
      await store.close();
    }
  });
});
