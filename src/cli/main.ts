#!/usr/bin/env node
import { isUserError } from '../domain/errors.js';
import type { Io } from './command.js';
import { runCli } from './run.js';
import { staleBuildWarning } from './stale-build.js';

const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
};

// Checked beside the command, not before it: the line comes when the check is done, usually before any output.
void staleBuildWarning(import.meta.url).then((stale) => {
  if (stale) process.stderr.write(`${stale}\n`);
});

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // runCli turns user errors into exit codes; anything reaching here is a bug.
    process.stderr.write(`earshot: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.EARSHOT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = isUserError(err) ? err.exitCode : 1;
  },
);
