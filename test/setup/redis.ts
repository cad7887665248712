import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
  }
}

function answers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(1000);
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => {
      s.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
    s.connect(port, host);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

let child: ChildProcess | undefined;

/**
 * Real Redis for the BullMQ tests: $REDIS_TEST_URL, else 127.0.0.1:6379 when it answers, else a redis-server we
 * start on a free port (and stop afterwards). Tests that need Redis say clearly when none could be had.
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.REDIS_TEST_URL) return project.provide('redisUrl', process.env.REDIS_TEST_URL);
  if (await answers(6379)) return project.provide('redisUrl', 'redis://127.0.0.1:6379');
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync);
  if (!bin) return project.provide('redisUrl', null);
  const port = await freePort();
  child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 100));
  project.provide('redisUrl', (await answers(port)) ? `redis://127.0.0.1:${port}` : null);
}

export async function teardown(): Promise<void> {
  child?.kill('SIGTERM');
}
