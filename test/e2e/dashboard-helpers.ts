/// <reference lib="dom" />
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from '../helpers/cli.js';

export const CHROMIUM = process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium';

/** Where the browser suite leaves its screenshots (an artifact of the run, ignored by git). */
export const SHOTS = join(ROOT, 'test-artifacts', 'dashboard');

export interface DemoServe {
  child: ChildProcess;
  base: string;
  key: string;
  stdout: () => string;
  stop: () => Promise<number | null>;
}

/** `earshot demo --serve --port 0` as a user runs it: waits for the printed address and key. */
export function startDemoServe(dataDir: string, timeoutMs = 120_000): Promise<DemoServe> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'demo', '--serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, EARSHOT_DATA_DIR: dataDir, MONGO_URL: '', REDIS_URL: '', EARSHOT_DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`demo --serve printed no key in ${timeoutMs} ms\n${out}\n${err}`));
    }, timeoutMs);
    const check = () => {
      const base = /Dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      const key = /Sign in with this key[^:]*: (esk_\S+)/.exec(out)?.[1];
      if (base && key) {
        clearTimeout(timer);
        resolve({ child, base, key, stdout: () => out, stop });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo --serve exited ${code}\n${out}\n${err}`));
    });
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** Every console error, page error, failed request and HTTP error a page meets. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`));
  return problems;
}

export async function signIn(context: BrowserContext, base: string, key: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.fill('#key', key);
  await page.click('form button[type=submit]');
  await page.waitForSelector('nav.tabs');
  return page;
}

/** Opens a view and waits until its data is drawn (no loading note, no stale overlay, the network quiet). */
export async function openView(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/#/${hash}`);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('main#page [role=status]') && !document.querySelector('main#page .stale') && !document.body.textContent?.includes('Loading'));
}

export function screenshotPath(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, `${name}.png`);
}

/** Last `days` days ending today (UTC), as the dashboard's range presets compute it. */
export function lastDays(days: number): { from: string; to: string } {
  const end = new Date();
  return { from: new Date(end.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}
