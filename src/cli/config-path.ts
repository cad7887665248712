import { resolve } from 'node:path';
import type { Env } from '../config/env.js';
import { str, type Values } from './command.js';

/** The default config file, relative to the working directory. */
export const DEFAULT_CONFIG = 'config/earshot.yaml';

/** `--config FILE`, else `EARSHOT_CONFIG`, else `config/earshot.yaml`. */
export function configPath(values: Values, env: Pick<Env, 'EARSHOT_CONFIG'>): string {
  return resolve(str(values, 'config') ?? env.EARSHOT_CONFIG ?? DEFAULT_CONFIG);
}
