import { Configuration, Log, log } from '@crawlee/core';

/**
 * A fresh crawlee configuration for one run: in-memory storage that writes nothing to `./storage` and is not shared
 * with other runs (so crawlee's request-queue dedupe never hides a page from the next run in the same process).
 */
export function runConfiguration(): Configuration {
  silenceCrawleeGlobally();
  return new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    storageClientOptions: { persistStorage: false, writeMetadata: false },
  });
}

/**
 * crawlee's own logger for a crawler: silent unless `CRAWLEE_LOG_LEVEL` is set (earshot reports failures in the crawl
 * run record instead of the console).
 */
export function crawleeLog(): Log {
  return process.env.CRAWLEE_LOG_LEVEL ? log.child({ prefix: 'crawlee' }) : new Log({ level: log.LEVELS.OFF });
}

let silenced = false;

/**
 * crawlee's internals (snapshotter, autoscaled pool, browser pool) log through its global logger; earshot reports
 * through crawl run records, so that logger is switched off unless `CRAWLEE_LOG_LEVEL` asks for it.
 */
function silenceCrawleeGlobally(): void {
  if (silenced || process.env.CRAWLEE_LOG_LEVEL) return;
  silenced = true;
  log.setLevel(log.LEVELS.OFF);
}

/** Status codes crawlee must hand to our request handler instead of throwing (we class them ourselves). */
export const SERVER_ERROR_CODES: number[] = Array.from({ length: 100 }, (_, i) => 500 + i);
