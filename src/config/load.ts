import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../domain/errors.js';
import { type Config, ConfigSchema } from './schema.js';

/** A config that cannot be used. `problems` holds every issue as `path: message`. */
export class ConfigError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems[0] ?? 'invalid config'}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, 'bad_config');
  }
}

/** `brands[0].sources[1].url` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => (i.path.length ? `${formatPath(i.path)}: ${i.message}` : i.message));
}

/**
 * Replace `${NAME}` and `${NAME:-default}` with variables (then the environment). An unset variable without
 * a default is an error naming it, not a silent empty string.
 */
export function interpolate(text: string, vars: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_m, name: string, def?: string) => {
    const v = vars[name];
    if (v !== undefined && v !== '') return v;
    if (def !== undefined) return def;
    missing.push(name);
    return '';
  });
  return { text: out, missing };
}

export interface LoadOptions {
  /** Variables for `${NAME}` placeholders; the environment fills the rest. */
  vars?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
}

/** Parse config text (YAML) into a frozen Config, or throw ConfigError listing every problem with its path. */
export function parseConfig(text: string, file: string, opts: LoadOptions = {}): Config {
  const { text: expanded, missing } = interpolate(text, { ...(opts.env ?? process.env), ...opts.vars });
  if (missing.length) throw new ConfigError(file, missing.map((m) => `\${${m}} is not set`));
  const doc = parseDocument(expanded, { prettyErrors: true, merge: true });
  if (doc.errors.length) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `YAML ${e.linePos?.[0] ? `line ${e.linePos[0].line}: ` : ''}${e.message.split('\n')[0]}`),
    );
  }
  let raw: unknown;
  try {
    // Merge keys (`<<: *anchor`) and aliases are resolved here; a bad one is a YAML problem in the file.
    raw = doc.toJS();
  } catch (err) {
    throw new ConfigError(file, [`YAML: ${(err as Error).message.split('\n')[0]}`]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, ['expected a YAML mapping with a `brands` list']);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, formatIssues(parsed.error.issues));
  return deepFreeze(parsed.data);
}

/** Read and parse a config file. A missing or unreadable file is a ConfigError, not a crash. */
export function loadConfig(file: string, opts: LoadOptions = {}): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(err)})`]);
  }
  return parseConfig(text, file, opts);
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
