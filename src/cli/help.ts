import { type Command, globalOptions, type OptionSpec } from './command.js';
import type { CommandEntry } from './commands/index.js';

/** Wraps `text` to `width` columns, continuation lines indented by `indent` spaces. Words longer than a line stay whole. */
export function wrap(text: string, width: number, indent: number): string {
  const room = Math.max(20, width - indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** Two columns: a left cell padded to the widest, the right one wrapped under itself. */
function columns(rows: [string, string][], width: number): string[] {
  const left = Math.min(30, Math.max(...rows.map(([l]) => l.length)));
  return rows.map(([l, r]) => {
    const head = `  ${l}`;
    if (l.length > left) return `${head}\n${' '.repeat(left + 4)}${wrap(r, width, left + 4)}`;
    return `${head.padEnd(left + 4)}${wrap(r, width, left + 4)}`;
  });
}

function flag(name: string, opt: OptionSpec): string {
  const short = opt.short ? `-${opt.short}, ` : '';
  const value = opt.type === 'string' ? ` ${opt.valueName ?? 'VALUE'}` : '';
  return `${short}--${name}${value}`;
}

function describe(opt: OptionSpec): string {
  const text = opt.description ?? '';
  if (opt.type === 'string' && typeof opt.default === 'string' && !/\(default/.test(text)) return `${text} (default: ${opt.default})`;
  return text;
}

/** `earshot --help`: every command with its summary, and where config, store and queue come from. */
export function mainHelp(entries: CommandEntry[], width: number): string {
  return [
    'earshot — self-hosted social listening and review aggregation',
    '',
    'usage: earshot <command> [options]      earshot <command> --help   for its options and examples',
    '',
    'commands:',
    ...columns(entries.map((c) => [c.name, c.summary]), width),
    '',
    'every command takes:',
    ...columns(Object.entries(globalOptions).map(([n, o]) => [flag(n, o), describe(o)]), width),
    '',
    wrap('Store: MongoDB when $MONGO_URL is set, else the embedded store under $EARSHOT_DATA_DIR (default ./data).', width, 0),
    wrap('Queue: BullMQ when $REDIS_URL is set, else in-process.', width, 0),
    '',
    'examples:',
    '  earshot demo                                   # crawl the bundled demo site, store, report',
    '  earshot report trend --brand northwind --config config/demo.yaml',
    '  echo \'{"id":1,"text":"Great coffee"}\' | earshot analyze',
  ].join('\n');
}

/** `earshot <command> --help`: summary, usage, every option with its default, details and examples. */
export function commandHelp(cmd: Command, width: number): string {
  const options = { ...cmd.options, ...globalOptions } as Record<string, OptionSpec>;
  const out = [cmd.summary, '', `usage: ${cmd.usage}`, '', 'options:'];
  out.push(...columns(Object.entries(options).map(([n, o]) => [flag(n, o), describe(o)]), width));
  for (const d of cmd.details ?? []) out.push('', wrap(d, width, 0));
  if (cmd.examples?.length) out.push('', 'examples:', ...cmd.examples.map((e) => `  ${e}`));
  return out.join('\n');
}

/** The width to lay text out in: the terminal's, else 100 columns (pipes, files). */
export function outputWidth(stream: NodeJS.WritableStream): number {
  const cols = (stream as { columns?: number }).columns;
  return typeof cols === 'number' && cols > 0 ? cols : 100;
}
