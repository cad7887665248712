import type { TableOptions } from '../reports/render.js';
import type { Io } from './command.js';
import { outputWidth } from './help.js';

/**
 * Whether stdout is a terminal known to show OSC 8 hyperlinks (the rule of the `supports-hyperlinks` package, cut to
 * the terminals people use). `FORCE_HYPERLINK=1` / `=0` decides outright. Elsewhere links are printed whole.
 */
export function supportsHyperlinks(io: Io): boolean {
  const env = io.env;
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== '0';
  if (!(io.stdout as { isTTY?: boolean }).isTTY || env.TERM === 'dumb' || env.CI) return false;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.DOMTERM) return true;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper'].includes(env.TERM_PROGRAM ?? '')) return true;
  return Number(env.VTE_VERSION ?? 0) >= 5000;
}

/**
 * Table layout for this command's stdout: a terminal's width (or `$COLUMNS`; a pipe or file gets every column whole),
 * and hyperlinks where the terminal shows them.
 */
export function tableOptions(io: Io): TableOptions {
  const tty = (io.stdout as { isTTY?: boolean }).isTTY;
  const columns = Number(io.env.COLUMNS);
  const width = tty ? outputWidth(io.stdout) : Number.isInteger(columns) && columns > 0 ? columns : undefined;
  return { ...(width ? { width } : {}), hyperlinks: supportsHyperlinks(io) };
}
