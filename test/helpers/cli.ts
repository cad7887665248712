import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  cwd?: string;
}

/** Run the real `earshot` CLI (through tsx) as a user would, with its own env and stdin. */
export function runEarshot(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const env = { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_DEBUG: '', ...opts.env };
  return runNode(['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { ...opts, env });
}

/** Run this Node with `args` (flags and a script), collecting its output. */
export function runNode(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
