import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-data-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` and gives the file a distinct mtime, as an edit a second later would. */
function edit(file: string, text: string, second: number): void {
  writeFileSync(file, text);
  utimesSync(file, new Date(1_700_000_000_000 + second * 1000), new Date(1_700_000_000_000 + second * 1000));
}

describe('theme packs and lexicon files kept validated in the YAML cache', () => {
  it('an edited pack is read and checked again: a bad edit is refused with its field, a fixed one loads', () => {
    const file = join(dir, 'shop.yaml');
    edit(file, 'themes:\n  - { id: price, terms: [expensive, cheap] }\n', 1);
    expect(loadThemePacks(['shop'], { dir }).map((t) => t.terms)).toEqual([['expensive', 'cheap']]);
    expect(loadThemePacks(['shop'], { dir }).map((t) => t.id)).toEqual(['price']); // from the cache
    edit(file, 'themes:\n  - { id: Price!, terms: [expensive] }\n', 2);
    expect(() => loadThemePacks(['shop'], { dir })).toThrow(`${file}: themes[0].id: expected a lowercase id`);
    edit(file, 'themes:\n  - { id: price, terms: [pricey] }\n', 3);
    expect(loadThemePacks(['shop'], { dir }).map((t) => t.terms)).toEqual([['pricey']]);
  });

  it('a lexicon file with a valence out of range is refused every time, not cached as valid', () => {
    const lex = join(dir, 'lexicon');
    mkdirSync(lex);
    edit(join(lex, '10-words.yaml'), 'words:\n  superb: 9\n', 1);
    expect(() => loadLexicon({ dir: lex })).toThrow(/10-words\.yaml: words\.superb: .*5/);
    expect(() => loadLexicon({ dir: lex })).toThrow(/10-words\.yaml: words\.superb/);
    edit(join(lex, '10-words.yaml'), 'words:\n  superb: 4\n', 2);
    expect(loadLexicon({ dir: lex }).words).toEqual({ superb: 4 });
  });
});
