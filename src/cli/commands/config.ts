import { readEnv } from '../../config/env.js';
import { ConfigError, loadConfig } from '../../config/load.js';
import { UserError } from '../../domain/errors.js';
import { type Command, write } from '../command.js';
import { configPath } from '../runtime.js';

/** `earshot config check [FILE]`: OK with a summary, or every problem with its path. */
export const configCommand: Command = {
  name: 'config',
  summary: 'check a config file: prints OK or every problem with its path',
  usage: 'earshot config check [FILE]',
  positionals: true,
  async run({ values, positionals }, io) {
    const [action, file] = positionals;
    if (action !== 'check') throw new UserError(`config: unknown action "${action ?? ''}" (usage: earshot config check [FILE])`);
    const path = file ?? configPath(values, readEnv(io.env));
    try {
      const config = loadConfig(path, { env: io.env });
      const sources = config.brands.reduce((n, b) => n + b.sources.length, 0);
      write(io.stdout, `OK ${path}: ${config.brands.length} brand(s), ${sources} source(s)`);
      return 0;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      write(io.stderr, `${path}: ${err.problems.length} problem(s)`);
      for (const p of err.problems) write(io.stderr, `  ${p}`);
      return 2;
    }
  },
};
