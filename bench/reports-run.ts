/**
 * The report process of the reports benchmark: opens the SQLite store in DATA_DIR (timed), runs every report case
 * (median of 3) and the raw-mentions peer, and prints one JSON line: {openMs, times, peakRssMb}.
 *
 *   node --import tsx bench/reports-run.ts DATA_DIR
 */
import { SqliteStore } from '../src/store/sqlite.js';
import { measure } from './reports-cases.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: reports-run.ts DATA_DIR');
const t0 = performance.now();
const store = await SqliteStore.open({ dataDir });
const openMs = performance.now() - t0;
const times = await measure(store);
await store.close();
// maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ openMs, times: Object.fromEntries(times), peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
