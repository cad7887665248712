import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { Env } from '../config/env.js';
import { str, type Values } from './command.js';

/** The default config file, relative to the working directory. */
export const DEFAULT_CONFIG = 'config/earshot.yaml';

/** `--config FILE`, else `EARSHOT_CONFIG`, else `config/earshot.yaml`. */
export function configPath(values: Values, env: Pick<Env, 'EARSHOT_CONFIG'>): string {
  return resolve(str(values, 'config') ?? env.EARSHOT_CONFIG ?? DEFAULT_CONFIG);
}

/**
 * The config file to load, or a one-line UserError when it does not exist. A missing default file is what a new user
 * meets first, so that line says what would work.
 */
export function existingConfigPath(values: Values, env: Pick<Env, 'EARSHOT_CONFIG'>): string {
  const path = configPath(values, env);
  if (existsSync(path)) return path;
  if (str(values, 'config') === undefined && env.EARSHOT_CONFIG === undefined) {
    throw new UserError(
      `no config at ${DEFAULT_CONFIG}: copy config/earshot.example.yaml there and edit it, or try the demo's with --config config/demo.yaml`,
      'no_config',
    );
  }
  return path;
}
