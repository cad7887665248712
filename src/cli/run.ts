import { isUserError } from '../domain/errors.js';
import { type Io, parseCommandArgs, write } from './command.js';
import { commands } from './commands/index.js';
import { commandHelp, mainHelp, outputWidth } from './help.js';

/** Errors a user can act on: ours, and the store's (which mark themselves `userError`). */
function userMessage(err: unknown): { message: string; exitCode: number } | null {
  if (isUserError(err)) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof Error && (err as { userError?: unknown }).userError === true) return { message: err.message, exitCode: 2 };
  return null;
}

/** Run `earshot <argv>` and return the exit code. User errors print one line; bugs print one line plus, with EARSHOT_DEBUG, the stack. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const width = outputWidth(io.stdout);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const entry = rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    if (rest[0] && !entry) {
      write(io.stderr, `earshot: unknown command "${rest[0]}" (try: ${commands.map((c) => c.name).join(', ')})`);
      return 2;
    }
    write(io.stdout, entry ? commandHelp(await entry.load(), width) : mainHelp(commands, width));
    return 0;
  }
  if (name === '--version' || name === 'version') {
    write(io.stdout, 'earshot 0.1.0');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    write(io.stderr, `earshot: unknown command "${name}" (try: ${commands.map((c) => c.name).join(', ')})`);
    return 2;
  }
  const cmd = await entry.load();
  try {
    const args = parseCommandArgs(cmd, rest);
    if (args.values.help) {
      write(io.stdout, commandHelp(cmd, width));
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
