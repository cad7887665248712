import { PassThrough } from 'node:stream';
import { type Command, parseCommandArgs } from '../../../src/cli/command.js';
import { isUserError } from '../../../src/domain/errors.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command object in-process the way `earshot` does (flags parsed strictly, a user error printed as one
 * `earshot: …` line with its exit code), so the report/alerts/schedule commands are tested before and after
 * they are registered in src/cli/commands/index.ts.
 */
export async function runCommand(cmd: Command, argv: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const io = { stdout: out, stderr: err, stdin: new PassThrough(), env: { MONGO_URL: '', REDIS_URL: '', ...env }, interactive: false };
  let code: number;
  try {
    code = await cmd.run(parseCommandArgs(cmd, argv), io);
  } catch (e) {
    const user = isUserError(e) || (e instanceof Error && (e as { userError?: unknown }).userError === true);
    if (!user) throw e;
    stderr += `earshot: ${(e as Error).message}\n`;
    code = isUserError(e) ? e.exitCode : 2;
  }
  return { code, stdout, stderr };
}
