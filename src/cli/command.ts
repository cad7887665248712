import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../domain/errors.js';

/** Where a command reads and writes; tests pass their own streams. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars, colours). */
  interactive: boolean;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** One flag: node's `parseArgs` option plus what `--help` says about it. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  /** What the flag does, with its unit and default when they are not obvious from `default`. */
  description?: string;
  /** The value's placeholder in help (`ID`, `FILE`, `N`); default `VALUE` for string flags. */
  valueName?: string;
};

/** One `earshot <name>` subcommand. Each lives in its own file under `src/cli/commands/`. */
export interface Command {
  name: string;
  summary: string;
  /** Usage line(s) shown by `earshot help <name>` and after a flag error. */
  usage: string;
  options?: Record<string, OptionSpec>;
  /** Paragraphs printed after the options in `--help`: actions, ranges, what happens on bad input. */
  details?: string[];
  /** Command lines that work as written against `config/demo.yaml` after `earshot demo`. */
  examples?: string[];
  /** Accepts positional arguments (sub-actions, files). Default false. */
  positionals?: boolean;
  /** Returns the exit code. Throws UserError for bad input (printed as one line). */
  run(args: { values: Values; positionals: string[] }, io: Io): Promise<number>;
}

/** Flags every command takes. */
export const globalOptions = {
  config: {
    type: 'string',
    short: 'c',
    valueName: 'FILE',
    description: 'config file (default: $EARSHOT_CONFIG, else config/earshot.yaml)',
  },
  help: { type: 'boolean', short: 'h', description: 'print this help and exit' },
} as const satisfies Record<string, OptionSpec>;

/** The options as `parseArgs` takes them (without the help-only fields). */
function parseOptions(options: Record<string, OptionSpec>): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(options).map(([name, { description: _d, valueName: _v, ...opt }]) => [name, opt]),
  );
}

export function parseCommandArgs(cmd: Command, argv: string[]): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: parseOptions({ ...globalOptions, ...cmd.options }),
      allowPositionals: cmd.positionals ?? false,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (err) {
    // node's messages are long and mention internals; keep the first sentence and point at usage.
    const msg = (err as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '');
    throw new UserError(`${cmd.name}: ${msg} (usage: ${cmd.usage.split('\n')[0]})`, 'bad_flag');
  }
}

export function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A positive integer flag, or a UserError naming it. */
export function intFlag(values: Values, name: string): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UserError(`--${name}: expected a positive whole number, got "${v}"`);
  return n;
}

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
