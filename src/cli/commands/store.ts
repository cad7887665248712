import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { readEnv } from '../../config/env.js';
import { UserError } from '../../domain/errors.js';
import { openStore } from '../../store/index.js';
import { pruneRawText, retentionCutoff } from '../../store/retention.js';
import { rebuildRollups } from '../../store/rollups-rebuild.js';
import { SqliteStore } from '../../store/sqlite.js';
import { type Command, type Io, write } from '../command.js';
import { configPath } from '../runtime.js';

const USAGE = 'earshot store backup FILE | store prune | store rollups';

/**
 * `earshot store …`: operations on the store.
 * - `backup FILE`: a consistent copy of the SQLite store, taken while other processes keep writing.
 * - `prune`: applies `retention.rawTextDays` (strips text and author details of older mentions; idempotent).
 * - `rollups`: recomputes every rollup bucket from the mentions (after an upgrade that adds rollup counters).
 */
export const storeCommand: Command = {
  name: 'store',
  summary: 'operate the store: backup FILE (SQLite copy while writers run), prune (retention.rawTextDays), rollups (rebuild)',
  usage: USAGE,
  details: [
    'backup writes a consistent copy of $EARSHOT_DATA_DIR/earshot.db to FILE (which must not exist) while crawls and workers keep writing. With MONGO_URL, use mongodump instead.',
    'prune strips the text, title, author, theme evidence and explanations of mentions older than retention.rawTextDays (scores, themes and rollups stay); running it again changes nothing. Run it from cron.',
    'rollups recomputes every rollup bucket from the stored mentions, as days in the config\'s timezone (after an upgrade that adds rollup counters, or after changing timezone; minutes at a million mentions).',
  ],
  examples: ['earshot store backup /backups/earshot-$(date +%F).db', 'earshot store prune', 'earshot store rollups'],
  positionals: true,
  async run({ values, positionals }, io) {
    const [action, ...rest] = positionals;
    if (action === 'backup') return backup(rest, io);
    if (action !== 'prune' && action !== 'rollups') throw new UserError(`store: unknown action "${action ?? ''}" (usage: ${USAGE})`);
    if (rest.length > 0) throw new UserError(`store ${action}: unexpected argument "${rest[0]}"`);
    const env = readEnv(io.env);
    let cutoff: Date | undefined;
    let tz = 'UTC';
    if (action === 'rollups') {
      // Days in the config's zone; without a config file, UTC days as before zones existed.
      const file = configPath(values, env);
      if (existsSync(file)) tz = loadConfig(file, { env: io.env }).timezone;
    }
    if (action === 'prune') {
      const file = configPath(values, env);
      const days = loadConfig(file, { env: io.env }).retention.rawTextDays;
      if (days === undefined) throw new UserError(`store prune: retention.rawTextDays is not set in ${file}; nothing to prune`);
      cutoff = retentionCutoff(days);
    }
    const store = await openStore({ ...(env.MONGO_URL ? { mongoUrl: env.MONGO_URL } : {}), dataDir: resolve(env.EARSHOT_DATA_DIR) });
    try {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      if (cutoff) {
        const r = await pruneRawText(store, cutoff);
        write(io.stdout, `pruned raw text of ${r.pruned} mention(s) published before ${r.cutoff.toISOString().slice(0, 10)} (${r.scanned - r.pruned} already pruned, ${ms()} ms)`);
      } else {
        const r = await rebuildRollups(store, tz);
        write(io.stdout, `rebuilt ${r.buckets} rollup bucket(s) (${r.removed} without mentions removed, ${ms()} ms), as days in ${tz}`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

async function backup(args: string[], io: Io): Promise<number> {
  const [file, ...extra] = args;
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
}
