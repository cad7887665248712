import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { staleBuildWarning } from '../../../src/cli/stale-build.js';

const root = mkdtempSync(join(tmpdir(), 'earshot-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A checkout: tsconfig.json, src/…/*.ts and the built dist/src/cli/main.js, with the source edited after the build. */
function checkout(): string {
  mkdirSync(join(root, 'dist/src/cli'), { recursive: true });
  mkdirSync(join(root, 'src/reports'), { recursive: true });
  writeFileSync(join(root, 'tsconfig.json'), '{}');
  const main = join(root, 'dist/src/cli/main.js');
  writeFileSync(main, '');
  writeFileSync(join(root, 'src/reports/trend.ts'), '');
  utimesSync(main, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
  utimesSync(join(root, 'src/reports/trend.ts'), new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
  return pathToFileURL(main).href;
}

describe('a build older than the source', () => {
  const main = checkout();

  it('is reported in one line when npm runs the command (npm run earshot, npm run demo)', async () => {
    expect(await staleBuildWarning(main, { npm_lifecycle_event: 'earshot' })).toMatch(/^earshot: the build in dist\/ is older than the source: run npm run build/);
  });

  it('is not looked for when the bin is run directly, and not reported once the build is newer', async () => {
    expect(await staleBuildWarning(main, {})).toBeNull();
    utimesSync(join(root, 'dist/src/cli/main.js'), new Date('2026-01-03T00:00:00Z'), new Date('2026-01-03T00:00:00Z'));
    expect(await staleBuildWarning(main, { npm_lifecycle_event: 'earshot' })).toBeNull();
  });
});
