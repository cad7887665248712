import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest modification time under `dir` of a `.ts` file, in ms (0 when there is none). */
async function newestTs(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true });
  const times = await Promise.all(
    entries.map((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return newestTs(p);
      return e.name.endsWith('.ts') ? stat(p).then((s) => s.mtimeMs) : 0;
    }),
  );
  return Math.max(0, ...times);
}

/**
 * In a checkout, when the compiled CLI (`dist/`) is older than a source file, the one line saying so; else null.
 * `npm run earshot` and `npm run demo` run the compiled CLI (as fast as the installed bin), so an edit without a
 * rebuild would otherwise run yesterday's code without a word. Checked only when npm started the command (`env` has
 * npm's `npm_lifecycle_event` or `npm_command`): the ~300 `stat` calls run on libuv's threads beside the command but
 * still cost it 5–10 ms of callbacks, which an installed bin (no `src/`) and a developer's direct `node dist/…` skip.
 * Never runs from source (tsx).
 */
export async function staleBuildWarning(mainUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (!env.npm_lifecycle_event && !env.npm_command) return null;
  const main = fileURLToPath(mainUrl);
  const root = join(dirname(main), '../../..');
  if (!main.endsWith('.js') || !existsSync(join(root, 'src')) || !existsSync(join(root, 'tsconfig.json'))) return null;
  try {
    const built = (await stat(main)).mtimeMs;
    const dirs = ['src', 'pipelines', 'crawlers'].map((d) => join(root, d)).filter((d) => existsSync(d));
    const newest = Math.max(0, ...(await Promise.all(dirs.map(newestTs))));
    return newest > built ? 'earshot: the build in dist/ is older than the source: run npm run build (or keep npm run build:watch running)' : null;
  } catch {
    return null;
  }
}
