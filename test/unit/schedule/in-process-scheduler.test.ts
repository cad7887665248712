import { afterEach, describe, expect, it } from 'vitest';
import { InProcessScheduler, type InProcessSchedulerOptions } from '../../../src/schedule/in-process.js';
import type { PlannedSchedule } from '../../../src/schedule/plan.js';

const crawl = (source: string, cron: string): PlannedSchedule => ({
  id: `crawl/acme/${source}`,
  job: 'crawl',
  cron,
  brand: 'acme',
  source,
  payload: { brand: 'acme', source },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the in-process scheduler', () => {
  let scheduler: InProcessScheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop(1000);
    scheduler = undefined;
  });

  function start(plan: PlannedSchedule[], opts: Partial<InProcessSchedulerOptions> & Pick<InProcessSchedulerOptions, 'run'>) {
    const lines: string[] = [];
    scheduler = new InProcessScheduler(plan, { lastStarted: async () => null, log: (l) => lines.push(l), ...opts });
    return { lines, started: scheduler.start() };
  }

  it('runs a schedule when its cron says so, and again at the next tick', async () => {
    const runs: number[] = [];
    const now = new Date();
    const { lines, started } = start([crawl('feed', '* * * * * *')], {
      lastStarted: async () => now, // ran just now: not overdue
      run: async () => {
        runs.push(Date.now());
        return 'ok, 1 new';
      },
    });
    await started;
    expect(runs).toHaveLength(0);
    await sleep(2300);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(900);
    expect(lines.some((l) => /^schedule crawl\/acme\/feed: ok, 1 new \(\d+\.\d s\); next \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/.test(l))).toBe(true);
  });

  it('runs an overdue schedule once at start-up, not once per missed tick', async () => {
    let runs = 0;
    const { lines, started } = start([crawl('feed', '0 * * * *')], {
      // Last run 5 hours ago: five hourly ticks were missed while the process was down.
      lastStarted: async () => new Date(Date.now() - 5 * 3600_000),
      run: async () => {
        runs++;
        return 'ok';
      },
    });
    await started;
    await sleep(200);
    expect(runs).toBe(1);
    expect(lines[0]).toMatch(/^schedule crawl\/acme\/feed: overdue \(last run .* UTC, due .* UTC\), running it now$/);
  });

  it('does not run at start-up a schedule that ran after its latest tick', async () => {
    let runs = 0;
    const { started } = start([crawl('feed', '0 0 * * *')], {
      lastStarted: async () => new Date(),
      run: async () => {
        runs++;
        return 'ok';
      },
    });
    await started;
    await sleep(200);
    expect(runs).toBe(0);
    expect(scheduler!.nextRuns()[0]!.next!.getTime()).toBeGreaterThan(Date.now());
  });

  it('skips a tick while the previous run of the same source is still going, without stacking runs', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const { lines, started } = start([crawl('slow', '* * * * * *')], {
      run: async () => {
        runs++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(2500);
        running--;
        return 'ok';
      },
    });
    await started;
    await sleep(2200);
    expect(maxRunning).toBe(1);
    expect(runs).toBe(1);
    expect(lines.filter((l) => /still going, skipped the .* run$/.test(l)).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps running other schedules when one fails, and logs the failure', async () => {
    const { lines, started } = start([crawl('broken', '0 0 1 1 *'), crawl('fine', '0 0 1 1 *')], {
      run: async (s) => {
        if (s.source === 'broken') throw new Error('feed is not XML');
        return 'ok';
      },
    });
    await started;
    await sleep(100);
    expect(lines).toContainEqual(expect.stringMatching(/^schedule crawl\/acme\/broken: failed: feed is not XML/));
    expect(lines).toContainEqual(expect.stringMatching(/^schedule crawl\/acme\/fine: ok/));
  });

  it('on stop, lets a running job finish within the deadline and starts no new one', async () => {
    let finished = 0;
    let runs = 0;
    const { started } = start([crawl('feed', '* * * * * *')], {
      run: async () => {
        runs++;
        await sleep(300);
        finished++;
        return 'ok';
      },
    });
    await started;
    await sleep(50);
    await scheduler!.stop(5000);
    expect(finished).toBe(1);
    await sleep(1200);
    expect(runs).toBe(1);
  });

  it('on stop past the deadline, aborts the running job', async () => {
    let aborted = false;
    const { started } = start([crawl('feed', '0 0 1 1 *')], {
      run: (_s, signal) =>
        new Promise<string>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve('aborted');
          });
        }),
    });
    await started;
    await sleep(50);
    const t = Date.now();
    await scheduler!.stop(300);
    expect(aborted).toBe(true);
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('takes a reloaded plan: a removed schedule stops, a new one runs when overdue, a changed cron is re-armed', async () => {
    const runs: Array<{ source: string; at: number }> = [];
    const now = new Date();
    const { lines, started } = start([crawl('feed', '0 0 1 1 *'), crawl('old', '* * * * * *')], {
      lastStarted: async (s) => (s.source === 'new' ? null : now),
      run: async (s) => {
        runs.push({ source: s.source!, at: Date.now() });
        return 'ok';
      },
    });
    await started;
    await scheduler!.update([crawl('feed', '* * * * * *'), crawl('new', '0 0 1 1 *')]);
    const updatedAt = Date.now();
    expect(lines).toContain('schedule crawl/acme/new: new, never ran, running it now');
    await sleep(2200);
    const after = runs.filter((r) => r.at > updatedAt + 100).map((r) => r.source);
    expect(after.filter((s) => s === 'old')).toEqual([]); // removed: no tick after the reload
    expect(after.filter((s) => s === 'feed').length).toBeGreaterThanOrEqual(1); // yearly → every second
    expect(runs.filter((r) => r.source === 'new')).toHaveLength(1);
    expect(scheduler!.nextRuns().map((r) => r.id).sort()).toEqual(['crawl/acme/feed', 'crawl/acme/new']);
  });
});
