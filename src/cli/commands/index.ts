import type { Command } from '../command.js';
import { alertsCommand } from './alerts.js';
import { analyzeCommand } from './analyze.js';
import { configCommand } from './config.js';
import { crawlCommand } from './crawl.js';
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { keysCommand } from './keys.js';
import { reanalyzeCommand } from './reanalyze.js';
import { reportCommand } from './report.js';
import { scheduleCommand } from './schedule.js';
import { serveCommand } from './serve.js';
import { storeCommand } from './store.js';
import { workerCommand } from './worker.js';

/** Every `earshot` subcommand, in help order. */
export const commands: Command[] = [
  demoCommand,
  crawlCommand,
  analyzeCommand,
  reportCommand,
  exportCommand,
  alertsCommand,
  scheduleCommand,
  reanalyzeCommand,
  workerCommand,
  serveCommand,
  keysCommand,
  storeCommand,
  configCommand,
];
