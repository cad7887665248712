import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrawlRun, Mention } from '../../../src/domain/index.js';
import { StoreInputError } from '../../../src/store/errors.js';
import { refreshRollups, touchedBuckets } from '../../../src/store/rollups.js';
import type { Filter, Rollup, Store } from '../../../src/store/store.js';
import { makeComplaint, makeMention, manyMentions } from './fixtures.js';
import { type Leg, storeLegs } from './legs.js';

/**
 * The Store contract: every adapter must pass this suite unchanged. The SQLite store always
 * runs; MongoDB runs when MONGO_URL is set. Expected values are written out by hand, so both legs
 * are held to the same answers (that is what "the same pipeline runs on both" means).
 */

/** Four mentions: three for acme over two days and two sources, one for globex. */
function corpus() {
  const m1 = makeMention({ externalId: 'm1', publishedAt: new Date('2024-03-01T10:00:00Z') });
  const m2 = makeComplaint({ externalId: 'm2', publishedAt: new Date('2024-03-01T23:30:00Z') });
  const m3 = makeMention({
    externalId: 'm3',
    source: { kind: 'reddit', name: 'reddit' },
    publishedAt: new Date('2024-03-02T00:30:00Z'),
    rating: undefined,
    stars: undefined,
    engagement: undefined,
    sentiment: { score: 0.5, label: 'positive', explain: [] },
    themes: [
      { theme: 'delivery', score: 0.5, label: 'positive', evidence: 'arrived next day' },
      { theme: 'price', score: -0.2, label: 'negative', evidence: 'a bit pricey' },
    ],
    intents: [],
  });
  const m4 = makeMention({
    externalId: 'm4',
    brand: 'globex',
    stars: 3,
    publishedAt: new Date('2024-03-01T09:00:00Z'),
    sentiment: { score: 0, label: 'neutral', explain: [] },
    themes: [],
    intents: [],
  });
  return { m1, m2, m3, m4, all: [m1, m2, m3, m4] };
}

function namesOf(found: { _id: string }[], c: ReturnType<typeof corpus>): string[] {
  const byId = new Map(Object.entries(c).filter(([k]) => k !== 'all').map(([k, m]) => [(m as Mention)._id, k]));
  return found.map((m) => byId.get(m._id) ?? m._id).sort();
}

function crawlRun(overrides: Partial<CrawlRun> = {}): CrawlRun {
  return {
    _id: 'run-1',
    brand: 'acme',
    source: { kind: 'rss', name: 'news' },
    startedAt: new Date('2024-03-01T10:00:00Z'),
    status: 'running',
    pages: 0,
    itemsNew: 0,
    itemsSeen: 0,
    failures: {},
    samples: [],
    notes: [],
    ...overrides,
  };
}

const legs = storeLegs();

describe.each(legs)('$name store contract', (leg: Leg) => {
  let store: Store;
  let reopen: () => Promise<Store>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, reopen, cleanup } = await leg.fresh());
  });
  afterEach(async () => {
    await cleanup();
  });

  describe('upserting mentions', () => {
    it('when the same batch is ingested twice, each mention is stored once and the second run reports them unchanged', async () => {
      const { all } = corpus();
      expect(await store.upsertMentions(all)).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
      expect(await store.upsertMentions(all)).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
      expect(await store.countMentions()).toBe(4);
    });

    it('when a stored mention comes back re-analysed, it is replaced but keeps the collectedAt of its first sighting', async () => {
      const { m1, m2 } = corpus();
      await store.upsertMentions([m1, m2]);
      const later = new Date('2024-04-01T00:00:00Z');
      const reanalysed = { ...m1, collectedAt: later, sentiment: { ...m1.sentiment, score: -0.2, label: 'negative' as const } };
      const recrawled = { ...m2, collectedAt: later };
      expect(await store.upsertMentions([reanalysed, recrawled])).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
      const [stored] = await store.findMentions({ _id: m1._id });
      expect(stored?.sentiment.label).toBe('negative');
      expect(stored?.collectedAt).toEqual(m1.collectedAt);
      const [other] = await store.findMentions({ _id: m2._id });
      expect(other?.collectedAt).toEqual(m2.collectedAt);
    });

    it('when a large batch comes back re-analysed, every mention is replaced and keeps its first collectedAt', async () => {
      const batch = manyMentions(300);
      await store.upsertMentions(batch);
      const later = new Date('2025-01-01T00:00:00Z');
      const again = batch.map((m, i) => ({ ...m, collectedAt: later, analyzerVersion: i < 250 ? 'v2' : m.analyzerVersion }));
      expect(await store.upsertMentions(again)).toEqual({ inserted: 0, updated: 250, unchanged: 50 });
      expect(await store.countMentions()).toBe(300);
      expect(await store.countMentions({ analyzerVersion: 'v2' })).toBe(250);
      expect(await store.countMentions({ collectedAt: later })).toBe(0);
    });

    it('when a batch names the same mention twice, it is stored once with the last version', async () => {
      const { m1 } = corpus();
      const edited = { ...m1, text: 'edited later' };
      expect(await store.upsertMentions([m1, edited])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      expect((await store.findMentions({}))[0]?.text).toBe('edited later');
    });

    it('when a mention arrives with string dates (an unparsed job payload), it is refused with a one-line reason', async () => {
      const { m1 } = corpus();
      const raw = JSON.parse(JSON.stringify(m1)) as Mention;
      await expect(store.upsertMentions([raw])).rejects.toThrow(/publishedAt must be a valid Date/);
      await expect(store.upsertMentions([raw])).rejects.toBeInstanceOf(StoreInputError);
      expect(await store.countMentions()).toBe(0);
    });

    it('optional fields left undefined are absent when read back, not null', async () => {
      const { m3 } = corpus();
      await store.upsertMentions([m3]);
      const [back] = await store.findMentions({});
      expect(back).toBeDefined();
      expect('stars' in back!).toBe(false);
      expect('rating' in back!).toBe(false);
      expect(await store.upsertMentions([m3])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    });
  });

  describe('finding mentions', () => {
    it('filters, sorts newest first, skips and limits like MongoDB', async () => {
      const c = corpus();
      await store.upsertMentions(c.all);
      const page = await store.findMentions({ brand: 'acme' }, { sort: { publishedAt: -1 }, skip: 1, limit: 2 });
      expect(page.map((m) => m._id)).toEqual([c.m2._id, c.m1._id]);
      expect(await store.findMentions({ brand: 'acme' }, { limit: 0 })).toEqual([]);
    });

    it('without a sort, results come back in _id order so pages are stable', async () => {
      const c = corpus();
      await store.upsertMentions([c.m4, c.m2, c.m3, c.m1]);
      const ids = (await store.findMentions({})).map((m) => m._id);
      expect(ids).toEqual([...ids].sort());
    });

    it('a projection returns only the asked fields (and _id)', async () => {
      const c = corpus();
      await store.upsertMentions([c.m1]);
      const [doc] = await store.findMentions({}, { projection: { text: 1, 'sentiment.label': 1 } });
      expect(doc).toEqual({ _id: c.m1._id, text: c.m1.text, sentiment: { label: 'positive' } });
    });

    it('dates come back as Date objects equal to what was stored', async () => {
      const c = corpus();
      await store.upsertMentions([c.m1]);
      const [doc] = await store.findMentions({ publishedAt: { $gte: new Date('2024-03-01T00:00:00Z') } });
      expect(doc?.publishedAt).toBeInstanceOf(Date);
      expect(doc?.publishedAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
      expect(doc?.collectedAt).toBeInstanceOf(Date);
    });

    // Filters only partly pushed down to SQL (or not at all); the SQLite store must still answer like MongoDB.
    const cases: [string, Filter, string[]][] = [
      ['$nin on an array field excludes a mention holding any listed value', { intents: { $nin: ['churn'] } }, ['m1', 'm3', 'm4']],
      ['$exists: false finds mentions without stars', { stars: { $exists: false } }, ['m3']],
      ['null matches a missing field', { duplicateOf: null }, ['m1', 'm2', 'm3', 'm4']],
      ['$eq on a date', { publishedAt: { $eq: new Date('2024-03-01T10:00:00Z') } }, ['m1']],
      ['a date range', { publishedAt: { $gte: new Date('2024-03-01T12:00:00Z') } }, ['m2', 'm3']],
      ['dotted path into an array of themes', { 'themes.theme': 'delivery' }, ['m1', 'm3']],
      ['$elemMatch on themes', { themes: { $elemMatch: { theme: 'price', label: 'negative' } } }, ['m3']],
      ['a range on an array field may be met by different elements', { 'themes.score': { $gt: 0.55, $lt: 0 } }, []],
      ['a range on an array field, one element per bound', { 'themes.score': { $gt: 0.4, $lt: 0 } }, ['m3']],
      ['a range on a scalar', { 'sentiment.score': { $gt: 0, $lt: 0.55 } }, ['m3']],
      ['$regex as a string with options', { text: { $regex: 'CANCEL', $options: 'i' } }, ['m2']],
      ['$or across fields', { $or: [{ brand: 'globex' }, { stars: { $lte: 1 } }] }, ['m2', 'm4']],
      ['$all on intents', { intents: { $all: ['churn', 'complaint'] } }, ['m2']],
      ['$expr with $size', { $expr: { $gt: [{ $size: '$intents' }, 1] } }, ['m2']],
      ['$in with $ne combined', { brand: { $in: ['acme', 'globex'] }, 'source.name': { $ne: 'reddit' } }, ['m1', 'm2', 'm4']],
    ];
    it.each(cases)('%s', async (_title, filter, expected) => {
      const c = corpus();
      await store.upsertMentions(c.all);
      expect(namesOf(await store.findMentions(filter), c)).toEqual(expected);
      expect(await store.countMentions(filter)).toBe(expected.length);
    });
  });

  describe('aggregation pipelines', () => {
    it('$match, $unwind, $group by $dateToString day and $sort give the same rows on every store', async () => {
      const c = corpus();
      await store.upsertMentions(c.all);
      const rows = await store.aggregate('mentions', [
        { $match: { brand: 'acme', publishedAt: { $gte: new Date('2024-03-01T00:00:00Z') } } },
        { $unwind: '$themes' },
        {
          $group: {
            _id: { day: { $dateToString: { format: '%Y-%m-%d', date: '$publishedAt' } }, theme: '$themes.theme' },
            n: { $sum: 1 },
            score: { $sum: '$themes.score' },
          },
        },
        { $sort: { '_id.day': 1, '_id.theme': 1 } },
      ]);
      expect(rows).toEqual([
        { _id: { day: '2024-03-01', theme: 'delivery' }, n: 1, score: 0.6 },
        { _id: { day: '2024-03-01', theme: 'support' }, n: 1, score: -0.7 },
        { _id: { day: '2024-03-02', theme: 'delivery' }, n: 1, score: 0.5 },
        { _id: { day: '2024-03-02', theme: 'price' }, n: 1, score: -0.2 },
      ]);
    });

    it('report operators ($facet, $bucket, $dateTrunc, $cond, $avg, $addFields, $project, $limit) work', async () => {
      const c = corpus();
      await store.upsertMentions(c.all);
      const [out] = await store.aggregate<Record<string, unknown>>('mentions', [
        { $match: { brand: 'acme' } },
        { $addFields: { neg: { $cond: [{ $eq: ['$sentiment.label', 'negative'] }, 1, 0] } } },
        {
          $facet: {
            weeks: [
              { $group: { _id: { $dateTrunc: { date: '$publishedAt', unit: 'week' } }, n: { $sum: 1 }, neg: { $sum: '$neg' } } },
              { $project: { _id: 0, week: '$_id', n: 1, neg: 1 } },
            ],
            stars: [
              { $match: { stars: { $exists: true } } },
              { $bucket: { groupBy: '$stars', boundaries: [1, 3, 6], default: 'none', output: { n: { $sum: 1 } } } },
            ],
            score: [{ $group: { _id: null, avg: { $avg: '$sentiment.score' } } }, { $project: { _id: 0, avg: { $round: ['$avg', 4] } } }],
            newest: [{ $sort: { publishedAt: -1 } }, { $limit: 1 }, { $project: { _id: 0, externalId: 1 } }],
          },
        },
      ]);
      expect(out).toEqual({
        weeks: [{ week: new Date('2024-02-25T00:00:00Z'), n: 3, neg: 1 }],
        stars: [
          { _id: 1, n: 1 },
          { _id: 3, n: 1 },
        ],
        score: [{ avg: 0.1333 }],
        newest: [{ externalId: 'm3' }],
      });
    });

    it('$lookup can join another collection (crawl runs with their brand\'s mention count)', async () => {
      const c = corpus();
      await store.upsertMentions(c.all);
      await store.saveCrawlRun(crawlRun());
      const rows = await store.aggregate('crawlRuns', [
        { $lookup: { from: 'mentions', localField: 'brand', foreignField: 'brand', as: 'mentions' } },
        { $project: { _id: 1, mentions: { $size: '$mentions' } } },
      ]);
      expect(rows).toEqual([{ _id: 'run-1', mentions: 3 }]);
    });

    it('a pipeline that would write ($out, $merge) is refused', async () => {
      await expect(store.aggregate('mentions', [{ $match: {} }, { $out: 'stolen' }])).rejects.toThrow(/\$out is not allowed/);
    });
  });

  describe('rollups', () => {
    async function ingest(mentions: Mention[], alsoTouched: Mention[] = []) {
      await store.upsertMentions(mentions);
      await refreshRollups(store, touchedBuckets([...alsoTouched, ...mentions]));
    }
    const rollups = () => store.findDocs<Rollup>('rollups', {}, { sort: { _id: 1 } });

    it('after an ingest, each brand × day × source bucket holds the right counts', async () => {
      const c = corpus();
      await ingest(c.all);
      const docs = await rollups();
      expect(docs.map((r) => r._id)).toEqual([
        'acme:2024-03-01:trustsite',
        'acme:2024-03-02:reddit',
        'globex:2024-03-01:trustsite',
      ]);
      const [day1, day2] = docs;
      expect(day1).toMatchObject({
        brand: 'acme',
        day: '2024-03-01',
        source: 'trustsite',
        sourceKind: 'reviews-jsonld',
        total: 2,
        positive: 1,
        negative: 1,
        neutral: 0,
        starsSum: 5,
        starsCount: 2,
        churn: 1,
        recommend: 1,
        engagement: 20,
        themes: {
          delivery: { total: 1, positive: 1, negative: 0, scoreSum: 0.6 },
          support: { total: 1, positive: 0, negative: 1, scoreSum: -0.7 },
        },
      });
      expect(day1?.scoreSum).toBeCloseTo(-0.1, 10);
      expect(day1?.date).toEqual(new Date('2024-03-01T00:00:00Z'));
      expect(day2).toMatchObject({ total: 1, starsCount: 0, starsSum: 0, engagement: 0, churn: 0, recommend: 0 });
      expect(day2?.themes).toEqual({
        delivery: { total: 1, positive: 1, negative: 0, neutral: 0, scoreSum: 0.5, starsSum: 0, starsCount: 0, churn: 0 },
        price: { total: 1, positive: 0, negative: 1, neutral: 0, scoreSum: -0.2, starsSum: 0, starsCount: 0, churn: 0 },
      });
    });

    it('ingesting the same batch again leaves the rollups exactly as they were (replaced, not incremented)', async () => {
      const c = corpus();
      await ingest(c.all);
      const first = await rollups();
      await ingest(c.all);
      expect(await rollups()).toEqual(first);
    });

    it('when a mention is re-analysed from negative to positive, its bucket counts move', async () => {
      const c = corpus();
      await ingest(c.all);
      const happier: Mention = { ...c.m2, sentiment: { ...c.m2.sentiment, score: 0.3, label: 'positive' }, themes: [], intents: [] };
      await ingest([happier]);
      const [day1] = await rollups();
      expect(day1).toMatchObject({ total: 2, positive: 2, negative: 0, churn: 0 });
      expect(Object.keys(day1?.themes ?? {})).toEqual(['delivery']);
    });

    it('mentions marked as duplicates are not counted', async () => {
      const c = corpus();
      await ingest(c.all);
      const copy = makeMention({ externalId: 'm1-copy', publishedAt: c.m1.publishedAt, duplicateOf: c.m1._id });
      await ingest([copy]);
      const [day1] = await rollups();
      expect(day1?.total).toBe(2);
    });

    it('when a mention moves to another day, the bucket it left is updated (and deleted when empty)', async () => {
      const c = corpus();
      await ingest(c.all);
      const before = await store.findMentions({ _id: c.m3._id }, { projection: { brand: 1, publishedAt: 1, source: 1 } });
      const moved = { ...c.m3, publishedAt: new Date('2024-03-03T08:00:00Z') };
      await ingest([moved], before);
      expect((await rollups()).map((r) => r._id)).toEqual([
        'acme:2024-03-01:trustsite',
        'acme:2024-03-03:reddit',
        'globex:2024-03-01:trustsite',
      ]);
    });
  });

  describe('crawl runs, cursors and small documents', () => {
    it('a crawl run saved at start and again at the end is one record, listed newest first', async () => {
      await store.saveCrawlRun(crawlRun());
      await store.saveCrawlRun(crawlRun({ status: 'ok', finishedAt: new Date('2024-03-01T10:05:00Z'), itemsNew: 7 }));
      await store.saveCrawlRun(crawlRun({ _id: 'run-2', startedAt: new Date('2024-03-02T10:00:00Z'), status: 'failed' }));
      await store.saveCrawlRun(crawlRun({ _id: 'run-3', brand: 'globex' }));
      const runs = await store.listCrawlRuns({ brand: 'acme' });
      expect(runs.map((r) => [r._id, r.status])).toEqual([
        ['run-2', 'failed'],
        ['run-1', 'ok'],
      ]);
      expect(runs[1]?.finishedAt).toEqual(new Date('2024-03-01T10:05:00Z'));
      expect(runs[1]?.itemsNew).toBe(7);
      expect(await store.listCrawlRuns({}, { limit: 1 })).toHaveLength(1);
    });

    it('a cursor is saved, replaced, read back with its dates and extra fields, and deleted', async () => {
      expect(await store.getCursor('acme:reddit')).toBeNull();
      await store.setCursor('acme:reddit', { lastId: 't3_a', updatedAt: new Date('2024-03-01T00:00:00Z') });
      await store.setCursor('acme:reddit', {
        lastId: 't3_b',
        lastPublishedAt: new Date('2024-03-02T00:00:00Z'),
        updatedAt: new Date('2024-03-03T00:00:00Z'),
        after: 'token',
      });
      const cursor = await store.getCursor('acme:reddit');
      expect(cursor).toEqual({
        lastId: 't3_b',
        lastPublishedAt: new Date('2024-03-02T00:00:00Z'),
        updatedAt: new Date('2024-03-03T00:00:00Z'),
        after: 'token',
      });
      expect(cursor?.lastPublishedAt).toBeInstanceOf(Date);
      await store.deleteCursor('acme:reddit');
      expect(await store.getCursor('acme:reddit')).toBeNull();
    });

    it('putDoc replaces by _id; getDoc and findDocs read it back', async () => {
      await store.putDoc('alerts', { _id: 'a1', brand: 'acme', firedAt: new Date('2024-03-01T00:00:00Z'), level: 'warn' });
      await store.putDoc('alerts', { _id: 'a1', brand: 'acme', firedAt: new Date('2024-03-01T00:00:00Z'), level: 'critical' });
      await store.putDoc('alerts', { _id: 'a2', brand: 'globex', firedAt: new Date('2024-03-02T00:00:00Z'), level: 'warn' });
      const a1 = await store.getDoc<{ _id: string; level: string; firedAt: Date }>('alerts', 'a1');
      expect(a1?.level).toBe('critical');
      expect(a1?.firedAt).toBeInstanceOf(Date);
      expect(await store.getDoc('alerts', 'nope')).toBeNull();
      expect((await store.findDocs('alerts', { level: 'warn' })).map((d) => d._id)).toEqual(['a2']);
      expect((await store.findDocs('alerts', {}, { sort: { firedAt: -1 } })).map((d) => d._id)).toEqual(['a2', 'a1']);
      const counted = await store.aggregate('alerts', [{ $group: { _id: '$level', n: { $sum: 1 } } }, { $sort: { _id: 1 } }]);
      expect(counted).toEqual([
        { _id: 'critical', n: 1 },
        { _id: 'warn', n: 1 },
      ]);
    });

    it('deleteDocs removes only what matches its filter (old bookkeeping) and says how many; mentions are refused', async () => {
      const day = (d: number) => new Date(Date.UTC(2024, 2, d));
      await store.putDoc('scheduleRuns', { _id: 'r1', finishedAt: day(1), status: 'ok' });
      await store.putDoc('scheduleRuns', { _id: 'r2', finishedAt: day(2), status: 'ok' });
      await store.putDoc('scheduleRuns', { _id: 'r3', finishedAt: day(1), status: 'running' });
      await store.putDoc('scheduleRuns', { _id: 'r4', finishedAt: day(9), status: 'ok' });
      await store.putDoc('alerts', { _id: 'r1', finishedAt: day(1), status: 'ok' });
      expect(await store.deleteDocs('scheduleRuns', { finishedAt: { $lt: day(5) }, status: { $ne: 'running' } })).toBe(2);
      expect((await store.findDocs('scheduleRuns')).map((d) => d._id)).toEqual(['r3', 'r4']);
      expect(await store.getDoc('alerts', 'r1')).not.toBeNull(); // another collection, same _id: untouched
      expect(await store.deleteDocs('scheduleRuns', { _id: 'nope' })).toBe(0);
      await expect(store.deleteDocs('mentions', {})).rejects.toThrow(/cannot delete mentions/);
    });

    it('a lease is held by one owner at a time, renewed by its owner, free again once expired or given back', async () => {
      expect(await store.claimLease('ingest:acme', 'a', 60_000)).toBe(true);
      expect(await store.claimLease('ingest:acme', 'b', 60_000)).toBe(false);
      expect(await store.claimLease('ingest:acme', 'a', 60_000)).toBe(true); // renewal
      expect(await store.claimLease('ingest:globex', 'b', 60_000)).toBe(true); // another lease
      await store.deleteDocs('leases', { _id: 'ingest:acme', owner: 'b' }); // not b's to give back
      expect(await store.claimLease('ingest:acme', 'b', 60_000)).toBe(false);
      await store.deleteDocs('leases', { _id: 'ingest:acme', owner: 'a' });
      expect(await store.claimLease('ingest:acme', 'b', 1)).toBe(true);
      await new Promise((r) => setTimeout(r, 10));
      expect(await store.claimLease('ingest:acme', 'a', 60_000)).toBe(true); // b's lease expired
      // Many claimants at once: exactly one wins.
      const wins = await Promise.all(['c', 'd', 'e', 'f'].map((o) => store.claimLease('ingest:initech', o, 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('a collection name that could escape the data dir or namespace is refused', async () => {
      await expect(store.putDoc('../evil', { _id: 'x' })).rejects.toThrow(/invalid collection name/);
      await expect(store.findDocs('system.users')).rejects.toThrow(/invalid collection name/);
    });
  });

  it('everything written is still there after the store is closed and opened again', async () => {
    const c = corpus();
    await store.upsertMentions(c.all);
    await refreshRollups(store, touchedBuckets(c.all));
    await store.saveCrawlRun(crawlRun());
    await store.setCursor('acme:rss', { lastId: '42', updatedAt: new Date('2024-03-01T00:00:00Z') });
    await store.putDoc('scheduleRuns', { _id: 's1', at: new Date('2024-03-01T00:00:00Z') });
    const rollupsBefore = await store.findDocs('rollups');

    store = await reopen();
    expect(await store.countMentions()).toBe(4);
    const [m1] = await store.findMentions({ _id: c.m1._id });
    expect(m1).toEqual(c.m1);
    expect(await store.findDocs('rollups')).toEqual(rollupsBefore);
    expect((await store.listCrawlRuns())[0]?.startedAt).toEqual(new Date('2024-03-01T10:00:00Z'));
    expect((await store.getCursor('acme:rss'))?.lastId).toBe('42');
    expect((await store.getDoc<{ _id: string; at: Date }>('scheduleRuns', 's1'))?.at).toBeInstanceOf(Date);
    expect(await store.upsertMentions(c.all)).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
  });
});

if (!process.env.MONGO_URL?.trim()) {
  describe.skip('MONGO_URL not set: MongoDB leg skipped', () => {
    it('runs the store contract against MongoDB', () => {});
  });
}
