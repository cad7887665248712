import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCHES, COMMITS } from '../../../pipelines/cursor-commit.js';
import { pruneBookkeeping } from '../../../pipelines/prune-bookkeeping.js';
import type { CrawlRun } from '../../../src/domain/crawl-run.js';
import type { Store } from '../../../src/store/store.js';
import { storeLegs, type Leg } from '../store/legs.js';
import { makeMention } from '../store/fixtures.js';

const NOW = new Date('2024-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

function run(id: string, source: string, startedAt: Date, status: CrawlRun['status'] = 'ok'): CrawlRun {
  return { _id: id, brand: 'acme', source: { kind: 'rss', name: source }, startedAt, status, pages: 1, itemsNew: 0, itemsSeen: 0, failures: {}, samples: [], notes: [] } as CrawlRun;
}

describe.each(storeLegs())('$name: pruning old bookkeeping', (leg: Leg) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await leg.fresh());
  });
  afterEach(async () => cleanup());

  it('deletes commits, batches, crawl runs and audit entries past their age, and keeps what health, cursors and the pipeline still need', async () => {
    await store.upsertMentions([makeMention({ externalId: 'kept' })]);
    // A crawl committed long ago, one that died pending long ago (its parked cursor too), one pending now.
    await store.putDoc(COMMITS, { _id: 'old-done', cursorKey: 'acme:news', hasCursor: false, batches: 1, startedAt: daysAgo(40), status: 'committed' });
    await store.putDoc(COMMITS, { _id: 'old-dead', cursorKey: 'acme:news', hasCursor: true, batches: 2, startedAt: daysAgo(40), status: 'pending' });
    await store.setCursor('pending:old-dead', { lastId: '7', updatedAt: daysAgo(40) });
    await store.putDoc(COMMITS, { _id: 'live', cursorKey: 'acme:blog', hasCursor: true, batches: 2, startedAt: daysAgo(0), status: 'pending' });
    await store.setCursor('pending:live', { lastId: '9', updatedAt: daysAgo(0) });
    await store.setCursor('acme:news', { lastId: '5', updatedAt: daysAgo(40) });
    await store.putDoc(BATCHES, { _id: 'old-done#0', runId: 'old-done', batch: 0, status: 'stored', at: daysAgo(40) });
    await store.putDoc(BATCHES, { _id: 'live#0', runId: 'live', batch: 0, status: 'stored', at: daysAgo(0) });
    // Crawl runs: news has old and recent runs; blog only old ones (its latest must stay); one old run still running.
    for (const r of [run('n1', 'news', daysAgo(60)), run('n2', 'news', daysAgo(31), 'failed'), run('n3', 'news', daysAgo(1)), run('b1', 'blog', daysAgo(90)), run('b2', 'blog', daysAgo(50)), run('r1', 'reddit', daysAgo(70), 'running'), run('r2', 'reddit', daysAgo(2))]) {
      await store.saveCrawlRun(r);
    }
    await store.putDoc('audit', { _id: 'a-old', at: daysAgo(400), who: 'ops', keyId: 'k', action: 'keys.create', target: 'x' });
    await store.putDoc('audit', { _id: 'a-new', at: daysAgo(40), who: 'ops', keyId: 'k', action: 'keys.create', target: 'y' });
    await store.putDoc('digestDeliveries', { _id: 'digest:acme:2024-04-01:mail', brand: 'acme', channel: 'mail', sentAt: daysAgo(60) });
    await store.putDoc('digestDeliveries', { _id: 'digest:acme:2024-05-31:mail', brand: 'acme', channel: 'mail', sentAt: daysAgo(1) });

    const pruned = await pruneBookkeeping(store, { days: 30, now: NOW });
    expect(pruned).toEqual({ crawlCommits: 2, crawlBatches: 1, parkedCursors: 1, crawlRuns: 3, audit: 1, leases: 0, digestDeliveries: 1 });
    expect((await store.findDocs(COMMITS)).map((d) => d._id)).toEqual(['live']);
    expect((await store.findDocs(BATCHES)).map((d) => d._id)).toEqual(['live#0']);
    expect(await store.getCursor('pending:old-dead')).toBeNull();
    expect(await store.getCursor('pending:live')).not.toBeNull();
    expect(await store.getCursor('acme:news')).not.toBeNull(); // a source's cursor is never bookkeeping
    expect((await store.listCrawlRuns({}, { sort: { _id: 1 } })).map((r) => r._id)).toEqual(['b2', 'n3', 'r1', 'r2']);
    expect((await store.findDocs('audit')).map((d) => d._id)).toEqual(['a-new']);
    expect((await store.findDocs('digestDeliveries')).map((d) => d._id)).toEqual(['digest:acme:2024-05-31:mail']);
    expect(await store.countMentions()).toBe(1);
    // Again: nothing left to prune.
    expect(Object.values(await pruneBookkeeping(store, { days: 30, now: NOW }))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
