import { isUserError } from '../domain/errors.js';
import { type Command, type Io, parseCommandArgs, write } from './command.js';
import { commands } from './commands/index.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'earshot — self-hosted social listening and review aggregation',
    '',
    'usage: earshot <command> [options]   (earshot help <command> for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Config: --config FILE, else $EARSHOT_CONFIG, else config/earshot.yaml.',
    'Store: MongoDB when $MONGO_URL is set, else embedded under $EARSHOT_DATA_DIR (./data).',
    'Queue: BullMQ when $REDIS_URL is set, else in-process.',
  ].join('\n');
}

/** Errors a user can act on: ours, and the store's (which mark themselves `userError`). */
function userMessage(err: unknown): { message: string; exitCode: number } | null {
  if (isUserError(err)) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof Error && (err as { userError?: unknown }).userError === true) return { message: err.message, exitCode: 2 };
  return null;
}

/** Run `earshot <argv>` and return the exit code. User errors print one line; bugs print one line plus, with EARSHOT_DEBUG, the stack. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const target = rest[0] && commands.find((c) => c.name === rest[0]);
    write(io.stdout, target ? usage(target) : help());
    return 0;
  }
  if (name === '--version' || name === 'version') {
    write(io.stdout, 'earshot 0.1.0');
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    write(io.stderr, `earshot: unknown command "${name}" (try: ${commands.map((c) => c.name).join(', ')})`);
    return 2;
  }
  try {
    const args = parseCommandArgs(cmd, rest);
    if (args.values.help) {
      write(io.stdout, usage(cmd));
      return 0;
    }
    return await cmd.run(args, io);
  } catch (err) {
    const user = userMessage(err);
    if (user) {
      write(io.stderr, `earshot: ${user.message}`);
      return user.exitCode;
    }
    write(io.stderr, `earshot: ${cmd.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    if (io.env.EARSHOT_DEBUG && err instanceof Error) write(io.stderr, err.stack ?? '');
    return 1;
  }
}

function usage(cmd: Command): string {
  return `${cmd.summary}\n\nusage: ${cmd.usage}`;
}
