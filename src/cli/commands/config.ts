import { readEnv } from '../../config/env.js';
import { checkConfigFile } from '../../config/load.js';
import { UserError } from '../../domain/errors.js';
import { type Command, write } from '../command.js';
import { existingConfigPath } from '../config-path.js';
import { zodForOneShot } from '../zod-one-shot.js';

/**
 * `earshot config check [FILE]`: every problem with its path (exit 2), or OK with a summary (exit 0). Warnings
 * (e.g. a competitor that is not tracked) are printed either way and do not change the exit code.
 */
export const configCommand: Command = {
  name: 'config',
  summary: 'check a config file: prints OK or every problem with its path',
  usage: 'earshot config check [FILE]',
  positionals: true,
  details: ['FILE defaults to --config, else $EARSHOT_CONFIG, else config/earshot.yaml. Problems are printed one per line with the path of the bad field (brands[0].sources[2].url: Invalid URL); exit code 2.'],
  examples: ['earshot config check config/demo.yaml', 'earshot config check'],
  async run({ values, positionals }, io) {
    const [action, file] = positionals;
    if (action !== 'check') throw new UserError(`config: unknown action "${action ?? ''}" (usage: earshot config check [FILE])`);
    const path = file ?? existingConfigPath(values, readEnv(io.env));
    await zodForOneShot();
    const { config, problems, warnings } = checkConfigFile(path, { env: io.env });
    if (config) {
      const sources = config.brands.reduce((n, b) => n + b.sources.length, 0);
      const warned = warnings.length ? `, ${warnings.length} warning(s)` : '';
      write(io.stdout, `OK ${path}: ${config.brands.length} brand(s), ${sources} source(s)${warned}`);
    } else {
      write(io.stderr, `${path}: ${problems.length} problem(s)`);
      for (const p of problems) write(io.stderr, `  ${p}`);
    }
    for (const w of warnings) write(io.stderr, `  warning: ${w}`);
    return config ? 0 : 2;
  },
};
