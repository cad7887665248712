import type { Command } from '../command.js';

/** One entry of the command table: what `earshot --help` lists, and how to load the command when it runs. */
export interface CommandEntry {
  name: string;
  /** The one-line summary `earshot --help` prints; the same as the loaded command's `summary` (a unit test checks). */
  summary: string;
  /** Imports the command's file. Nothing heavy is loaded before a command is chosen, so `--help` answers at once. */
  load(): Promise<Command>;
}

/** Every `earshot` subcommand, in help order. */
export const commands: CommandEntry[] = [
  {
    name: 'demo',
    summary: 'run the whole pipeline on the bundled demo site (no MongoDB, Redis or network needed)',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'crawl',
    summary: 'crawl the configured sources now and store what is new',
    load: async () => (await import('./crawl.js')).crawlCommand,
  },
  {
    name: 'analyze',
    summary: 'score texts from stdin (JSONL or CSV) and write one JSON result per line',
    load: async () => (await import('./analyze.js')).analyzeCommand,
  },
  {
    name: 'report',
    summary: 'query stored mentions: trend, themes, advocacy, sov, gaps, emerging',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'digest',
    summary: 'the summary of what changed for a brand since the last digest: print it, or --send it to its channels',
    load: async () => (await import('./digest.js')).digestCommand,
  },
  {
    name: 'export',
    summary: "stream stored mentions as JSONL or CSV (the API listing's filters), in constant memory",
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'alerts',
    summary: 'list stored alerts, backtest a rule on history, acknowledge an alert, run detection now, or send pending deliveries',
    load: async () => (await import('./alerts.js')).alertsCommand,
  },
  {
    name: 'schedule',
    summary: 'show crawl/detect schedules with next and last run and source health, or register them (sync)',
    load: async () => (await import('./schedule.js')).scheduleCommand,
  },
  {
    name: 'reanalyze',
    summary: 're-score stored mentions made by an older analyzer (or --all), refreshing rollups',
    load: async () => (await import('./reanalyze.js')).reanalyzeCommand,
  },
  {
    name: 'worker',
    summary: 'run pipeline workers on BullMQ (needs REDIS_URL) until SIGTERM/SIGINT',
    load: async () => (await import('./worker.js')).workerCommand,
  },
  {
    name: 'serve',
    summary: 'serve the HTTP API (/api/v1, OpenAPI at /docs); without Redis also run the schedules in this process',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'keys',
    summary: 'API keys for `earshot serve`: create (printed once, stored hashed), list, revoke',
    load: async () => (await import('./keys.js')).keysCommand,
  },
  {
    name: 'store',
    summary: 'operate the store: backup FILE (SQLite copy while writers run), prune (retention.rawTextDays), rollups (rebuild)',
    load: async () => (await import('./store.js')).storeCommand,
  },
  {
    name: 'config',
    summary: 'check a config file: prints OK or every problem with its path',
    load: async () => (await import('./config.js')).configCommand,
  },
];
