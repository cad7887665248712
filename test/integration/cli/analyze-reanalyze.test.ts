import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, hammingDistance, NEAR_DUPLICATE_BITS } from '../../../src/nlp/index.js';
import { openStore } from '../../../src/store/index.js';
import { refreshRollups, touchedBuckets } from '../../../src/store/rollups.js';
import { runEarshot } from '../../helpers/cli.js';
import { makeMention } from '../store/fixtures.js';

interface Out {
  id: string | number;
  sentiment: { score: number; label: string; explain: Array<{ token: string; weight: number; rules: string[] }> };
  themes: Array<{ theme: string; label: string; evidence: string }>;
  intents: string[];
  lang: string;
  fingerprint: string;
}

describe('earshot analyze (JSONL/CSV in, one JSON line out per input)', () => {
  it('scores every line in order, reports a bad line by number, keeps going, exits 1', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'The food was great but the service was painfully slow.' }),
      '{not json',
      JSON.stringify({ id: 'b', text: 'I would not recommend it. Waste of money.', rating: 1 }),
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 3, text: 'Highly recommend, worth every penny!' }),
    ].join('\n');
    const r = await runEarshot(['analyze', '--packs', 'general,restaurants'], { input });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 2: not valid JSON, skipped');
    expect(r.stderr).toContain('line 4: text:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Out);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 3]);
    expect(Object.keys(lines[0]!).sort()).toEqual(['fingerprint', 'id', 'intents', 'lang', 'sentiment', 'themes']);
    const themes = Object.fromEntries(lines[0]!.themes.map((t) => [t.theme, t.label]));
    expect(themes.food).toBe('positive');
    expect(themes.service).toBe('negative');
    expect(lines[1]!.sentiment.label).toBe('negative');
    expect(lines[1]!.intents).not.toContain('recommend');
    expect(lines[1]!.sentiment.explain.length).toBeGreaterThan(0);
    expect(lines[2]!.sentiment.label).toBe('positive');
    expect(lines[2]!.intents).toContain('recommend');
  });

  it('prints a near-duplicate fingerprint: a repost with a word changed is within a few bits, another text is not', async () => {
    const text = 'Ordered the blue kettle on Monday, it arrived Friday with a dented lid and the seller never answered my emails.';
    const input = [
      JSON.stringify({ id: 'original', text }),
      JSON.stringify({ id: 'repost', text: text.replace('Friday', 'Saturday') }),
      JSON.stringify({ id: 'other', text: 'Lovely little cafe, the scones were fresh and the staff remembered our names every single time.' }),
    ].join('\n');
    const r = await runEarshot(['analyze'], { input });
    expect(r.code).toBe(0);
    const [a, b, c] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Out);
    expect(a!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(a!.fingerprint, b!.fingerprint)).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    expect(hammingDistance(a!.fingerprint, c!.fingerprint)).toBeGreaterThan(NEAR_DUPLICATE_BITS);
  });

  it('reads CSV with a named text column', async () => {
    const input = 'review_id,body,rating\n7,"Stopped working after a week, total junk",1\n8,"Lovely staff, quick service",5\n';
    const r = await runEarshot(['analyze', '--format', 'csv', '--text-column', 'body', '--id-column', 'review_id'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Out);
    expect(lines.map((l) => [l.id, l.sentiment.label])).toEqual([
      ['7', 'negative'],
      ['8', 'positive'],
    ]);
  });

  it('an unknown theme pack is one clear line', async () => {
    const r = await runEarshot(['analyze', '--packs', 'nope'], { input: '' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown theme pack "nope"/);
  });
});

describe('earshot reanalyze (after an analyzer upgrade)', () => {
  it('re-scores mentions from an older analyzer, refreshes rollups, and a second run changes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earshot-reanalyze-'));
    const configFile = join(dataDir, 'earshot.yaml');
    writeFileSync(
      configFile,
      [
        'brands:',
        '  - id: acme',
        '    name: Acme',
        '    themePacks: [general]',
        '    sources:',
        '      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }',
      ].join('\n'),
    );
    // Stored by an "old analyzer" that got a clearly negative review wrong.
    const texts = [
      'Stopped working after two days. Waste of money, would not recommend.',
      'Terrible support, they never answered my emails and the refund never came.',
      'Broke after a week. Cheap plastic, I want my money back.',
    ];
    const stale = texts.map((text, i) =>
      makeMention({
        externalId: `old-${i}`,
        text,
        rating: { value: 1, best: 5 },
        stars: 1,
        sentiment: { score: 0.8, label: 'positive', explain: [] },
        themes: [],
        intents: ['recommend'],
        analyzerVersion: '0.1.0',
      }),
    );
    const current = makeMention({ externalId: 'fresh', analyzerVersion: ANALYZER_VERSION });
    const store = await openStore({ dataDir });
    await store.upsertMentions([...stale, current]);
    await refreshRollups(store, touchedBuckets([...stale, current]));
    await store.close();

    const env = { EARSHOT_DATA_DIR: dataDir };
    const first = await runEarshot(['reanalyze', '--config', configFile], { env });
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`re-scored 3 mention(s) with analyzer ${ANALYZER_VERSION}`);

    const readBack = async () => {
      const s = await openStore({ dataDir });
      try {
        const mentions = await s.findMentions({}, { sort: { _id: 1 } });
        const rollups = await s.aggregate<{ positive: number; negative: number; total: number }>('rollups', [
          { $group: { _id: null, positive: { $sum: '$positive' }, negative: { $sum: '$negative' }, total: { $sum: '$total' } } },
        ]);
        return { mentions, rollups: rollups[0] };
      } finally {
        await s.close();
      }
    };
    const after = await readBack();
    expect(after.mentions).toHaveLength(4);
    for (const m of after.mentions.filter((x) => x.externalId.startsWith('old-'))) {
      expect(m.analyzerVersion).toBe(ANALYZER_VERSION);
      expect(m.sentiment.label).toBe('negative');
      expect(m.intents).not.toContain('recommend');
      expect(m.collectedAt).toEqual(stale[0]!.collectedAt);
    }
    // The rollups the reports read follow the new labels.
    expect(after.rollups).toMatchObject({ total: 4, negative: 3, positive: 1 });

    const second = await runEarshot(['reanalyze', '--config', configFile], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('re-scored 0 mention(s)');
    const again = await readBack();
    expect(again).toEqual(after);
  });

  it('an unknown --brand is one clear line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earshot-reanalyze-'));
    const r = await runEarshot(['reanalyze', '--brand', 'nope', '--config', 'config/demo.yaml'], { env: { EARSHOT_DATA_DIR: dataDir } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown brand "nope"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
