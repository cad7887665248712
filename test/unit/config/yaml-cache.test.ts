import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readYamlCached } from '../../../src/config/yaml-cache.js';

/** The parsed-YAML cache: used from the user's own dir only, never from one others may write to. */
describe('the YAML cache', () => {
  let root: string;
  let file: string;
  let reads: number;
  const read = (f: string) => (reads++, readFileSync(f, 'utf8'));
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'earshot-yaml-'));
    file = path.join(root, 'pack.yaml');
    writeFileSync(file, 'words: {great: 3}\n');
    reads = 0;
  });
  afterEach(() => {
    delete process.env.EARSHOT_CACHE_DIR;
    rmSync(root, { recursive: true, force: true });
  });

  it('parses a file once, then answers from the cache until the file changes', () => {
    process.env.EARSHOT_CACHE_DIR = path.join(root, 'cache');
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3 } });
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3 } });
    expect(reads).toBe(1);
    // Created for this user alone.
    expect(statSync(path.join(root, 'cache', 'yaml')).mode & 0o777).toBe(0o700);
    writeFileSync(file, 'words: {great: 3, awful: -3}\n');
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3, awful: -3 } });
    expect(reads).toBe(2);
  });

  it('ignores a cache dir others may write to, and what was planted there', () => {
    const dir = path.join(root, 'shared', 'yaml');
    process.env.EARSHOT_CACHE_DIR = path.join(root, 'shared');
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3 } });
    const [entry] = readdirSync(dir);
    expect(entry).toMatch(/\.json$/);
    // Someone else makes the dir writable to all and plants a changed lexicon under the file's key.
    chmodSync(dir, 0o777);
    writeFileSync(path.join(dir, entry!), JSON.stringify({ words: { great: -5 } }));
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3 } });
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3 } });
    expect(reads).toBe(3);
  });

  it('works without a usable cache dir (a file in its place): parses every time', () => {
    mkdirSync(path.join(root, 'blocked'));
    writeFileSync(path.join(root, 'blocked', 'yaml'), 'not a dir');
    process.env.EARSHOT_CACHE_DIR = path.join(root, 'blocked');
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3 } });
    expect(readYamlCached(file, read)).toEqual({ words: { great: 3 } });
    expect(reads).toBe(2);
  });
});
