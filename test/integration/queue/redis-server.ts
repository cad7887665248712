import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** The redis-server binary, or null when it is not installed (tests that need their own Redis skip then). */
export const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync) ?? null;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

/** A redis-server of a test's own, on a free loopback port, with its data in `dir`. */
export interface OwnRedis {
  url: string;
  port: number;
  dir: string;
  process: ChildProcess;
  /** SIGKILL, as a crash or an OOM kill would. */
  kill(): Promise<void>;
  /** Start again on the same port and dir with the same arguments (AOF replayed when on). */
  restart(): Promise<void>;
  /** SIGTERM, then remove its data dir. */
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** Starts `redis-server --port P --dir TMP <args>` (e.g. `['--appendonly', 'yes', '--save', '']`) and waits until it answers. */
export async function startRedis(args: string[], dir = mkdtempSync(join(tmpdir(), 'earshot-redis-'))): Promise<OwnRedis> {
  if (!REDIS_SERVER) throw new Error('redis-server is not installed');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const exited = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));
  const launch = async () => {
    const p = spawn(REDIS_SERVER!, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...args], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 50));
    if (!(await answers(url))) throw new Error(`redis-server on port ${port} did not start`);
    return p;
  };
  const own: OwnRedis = {
    url,
    port,
    dir,
    process: await launch(),
    async kill() {
      own.process.kill('SIGKILL');
      await exited(own.process);
    },
    async restart() {
      own.process = await launch();
    },
    async stop() {
      own.process.kill('SIGTERM');
      await exited(own.process);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return own;
}
