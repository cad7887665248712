import { Worker } from 'node:worker_threads';
import type { Brand } from '../domain/brand.js';
import { ParamError, UserError } from '../domain/errors.js';
import type { Section } from '../reports/report.js';
import type { ReportJob, ReportReply, ThreadError } from './report-worker.js';

export interface ReportPoolOptions {
  /** The SQLite data dir each thread opens for reading. */
  dataDir: string;
  /** Report threads. */
  threads: number;
}

type Out = { result: unknown; sections: Section[] };
interface Waiting {
  job: ReportJob;
  resolve: (out: Out) => void;
  reject: (err: Error) => void;
}
interface Thread {
  worker: Worker;
  current: Waiting | null;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./report-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);

/** Built, the thread runs the .js file. Run from source (tsx), it first registers tsx's loader, which threads do not inherit. */
function newWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); }).catch((err) => { console.error(err); process.exit(1); });`;
  return new Worker(code, { eval: true, workerData });
}

function fromThread(e: ThreadError): Error {
  if (e.type === 'param') return new ParamError(e.param, e.message, e.code);
  if (e.type === 'user') return new UserError(e.message, e.code);
  return Object.assign(new Error(e.message), e.stack ? { stack: e.stack } : {});
}

/**
 * Runs reports on threads of their own, each with its own read connection to the SQLite store, so a report that
 * reads for half a second neither blocks the server's other answers (health, mentions, kept reports) nor waits for
 * another report: on N cores, N reports compute at once. A thread that dies fails its report and is replaced.
 */
export class ReportPool {
  readonly #threads: Thread[] = [];
  readonly #queue: Waiting[] = [];
  readonly #dataDir: string;
  #nextId = 1;
  #closed = false;

  private constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  /** Starts `threads` threads and waits until each has opened the store (or throws its one-line reason). */
  static async start(options: ReportPoolOptions): Promise<ReportPool> {
    const pool = new ReportPool(options.dataDir);
    try {
      for (let i = 0; i < options.threads; i++) pool.#threads.push(await pool.#spawn());
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  get size(): number {
    return this.#threads.length;
  }

  run(kind: string, brand: Brand, params: Record<string, unknown>, now?: Date): Promise<Out> {
    if (this.#closed) return Promise.reject(new Error('report threads are closed'));
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ job: { id: this.#nextId++, kind, brand, params, ...(now ? { now: now.getTime() } : {}) }, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#queue.splice(0)) w.reject(new Error('report threads are closed'));
    await Promise.all(
      this.#threads.splice(0).map(async (t) => {
        t.current?.reject(new Error('report threads are closed'));
        t.worker.postMessage('close');
        const timer = setTimeout(() => void t.worker.terminate(), 2000);
        await new Promise((r) => t.worker.once('exit', r));
        clearTimeout(timer);
      }),
    );
  }

  #dispatch(): void {
    for (const t of this.#threads) {
      if (t.current || this.#queue.length === 0) continue;
      t.current = this.#queue.shift()!;
      try {
        t.worker.postMessage(t.current.job);
      } catch (err) {
        // A brand config that cannot cross threads: answer this one in error rather than hang it.
        t.current.reject(err as Error);
        t.current = null;
      }
    }
  }

  #spawn(): Promise<Thread> {
    return new Promise((resolve, reject) => {
      const worker = newWorker({ dataDir: this.#dataDir });
      const thread: Thread = { worker, current: null };
      let ready = false;
      worker.on('message', (msg: ReportReply | 'ready') => {
        if (msg === 'ready') {
          ready = true;
          resolve(thread);
          return;
        }
        const w = thread.current;
        thread.current = null;
        if (w && w.job.id === msg.id) {
          if (msg.ok) w.resolve(msg.out as Out);
          else w.reject(fromThread(msg.error));
        }
        this.#dispatch();
      });
      worker.on('error', (err) => {
        if (!ready) return reject(err);
        thread.current?.reject(new Error(`report thread failed: ${err.message}`));
        thread.current = null;
      });
      worker.on('exit', () => {
        if (!ready) return reject(new Error('report thread exited before it opened the store'));
        if (this.#closed) return;
        // Replace a thread that died, and give it the queue.
        const i = this.#threads.indexOf(thread);
        thread.current?.reject(new Error('report thread exited'));
        thread.current = null;
        void this.#spawn().then(
          (next) => {
            if (i >= 0) this.#threads[i] = next;
            this.#dispatch();
          },
          () => {
            if (i >= 0) this.#threads.splice(i, 1);
            if (this.#threads.length === 0) for (const w of this.#queue.splice(0)) w.reject(new Error('report threads cannot start'));
          },
        );
      });
    });
  }
}
