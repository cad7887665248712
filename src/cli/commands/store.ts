import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEnv } from '../../config/env.js';
import { UserError } from '../../domain/errors.js';
import { SqliteStore } from '../../store/sqlite.js';
import { type Command, write } from '../command.js';

/** `earshot store backup FILE`: a consistent copy of the SQLite store, taken while other processes keep writing. */
export const storeCommand: Command = {
  name: 'store',
  summary: 'operate the embedded SQLite store: backup FILE writes a consistent copy while writers run',
  usage: 'earshot store backup FILE',
  details: ['backup writes a consistent copy of $EARSHOT_DATA_DIR/earshot.db to FILE (which must not exist) while crawls and workers keep writing. With MONGO_URL, use mongodump instead.'],
  examples: ['earshot store backup /backups/earshot-$(date +%F).db'],
  positionals: true,
  async run({ positionals }, io) {
    const [action, file, ...extra] = positionals;
    if (action !== 'backup') throw new UserError(`store: unknown action "${action ?? ''}" (usage: earshot store backup FILE)`);
    if (!file || extra.length > 0) throw new UserError('store backup: give exactly one FILE to write (usage: earshot store backup FILE)');
    const env = readEnv(io.env);
    if (env.MONGO_URL) {
      throw new UserError('store backup copies the embedded SQLite store; with MONGO_URL set, back MongoDB up with mongodump');
    }
    const target = resolve(file);
    if (existsSync(target)) {
      const what = statSync(target).isDirectory() ? 'is a directory' : 'already exists (remove it or choose another name)';
      throw new UserError(`store backup: ${target} ${what}`);
    }
    const store = await SqliteStore.open({ dataDir: resolve(env.EARSHOT_DATA_DIR) });
    try {
      const started = performance.now();
      const { mentions } = await store.backup(target);
      write(io.stdout, `backed up ${store.file} to ${target} (${mentions} mentions, ${Math.round(performance.now() - started)} ms)`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
