import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest modification time under `dir` of a `.ts` file, in ms (0 when there is none). */
function newestTs(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestTs(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * In a checkout, when the compiled CLI (`dist/`) is older than a source file, the one line saying so; else null.
 * `npm run earshot` runs the compiled CLI (as fast as the installed bin), so an edit without a rebuild would
 * otherwise run yesterday's code without a word. Costs a few ms of `stat`; never runs from source (tsx) or an install
 * without `src/`.
 */
export function staleBuildWarning(mainUrl: string): string | null {
  const main = fileURLToPath(mainUrl);
  const root = join(dirname(main), '../../..');
  if (!main.endsWith('.js') || !existsSync(join(root, 'src')) || !existsSync(join(root, 'tsconfig.json'))) return null;
  try {
    const built = statSync(main).mtimeMs;
    const newest = Math.max(...['src', 'pipelines', 'crawlers'].map((d) => (existsSync(join(root, d)) ? newestTs(join(root, d)) : 0)));
    return newest > built ? 'earshot: the build in dist/ is older than the source: run npm run build (or keep npm run build:watch running)' : null;
  } catch {
    return null;
  }
}
