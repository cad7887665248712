import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { UserError } from '../domain/errors.js';
import { crossCheck } from './checks.js';
import { parseConfigText } from './config-yaml.js';
import { coerceSubstituted, type Placeholder, substituteScalars, substituteValues } from './interpolate.js';
import { formatIssues, formatPath, isExtensionKey } from './issues.js';
import { type Config, ConfigSchema } from './schema.js';

export { interpolate } from './interpolate.js';
export { formatPath } from './issues.js';

/** Config files larger than this are refused before they are read: a config is a few KB. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config that cannot be used. `problems` holds every issue as `path: message`. */
export class ConfigError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems[0] ?? 'invalid config'}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, 'bad_config');
  }
}

/** A config file over `MAX_CONFIG_BYTES`: refused in one line, without reading it. */
export class ConfigTooLargeError extends UserError {
  constructor(file: string, bytes: number) {
    super(`${file}: refused: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the ${MAX_CONFIG_BYTES / 1024 / 1024} MB limit for a config file`, 'bad_config');
  }
}

export interface LoadOptions {
  /** Variables for `${NAME}` placeholders; the environment fills the rest. */
  vars?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  /** Called once per warning (`path: message`) of a config that loads; `config check` lists them itself. */
  onWarning?: (line: string) => void;
}

/** Everything one check of a config finds: the config when it has no problems, and the warnings either way. */
export interface ConfigReport {
  config?: Config;
  problems: string[];
  warnings: string[];
}

/**
 * Check config text (YAML) in one pass: YAML errors, then every unset `${VAR}`, every schema problem and every
 * cross-entry problem, each as `path: message`. `${VAR}` is substituted after parsing, inside scalar values only.
 */
export function checkConfig(text: string, file: string, opts: LoadOptions = {}): ConfigReport {
  return checkConfigText(text, file, opts, false);
}

/** `checkConfig`, with the parsed YAML kept in the user's cache when `cache` (config files: see `parseConfigText`). */
function checkConfigText(text: string, file: string, opts: LoadOptions, cache: boolean): ConfigReport {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CONFIG_BYTES) throw new ConfigTooLargeError(file, bytes);
  const report = (problems: string[], warnings: string[] = []): ConfigReport => ({ problems, warnings });
  const yaml = parseConfigText(text, cache);
  if ('errors' in yaml) return report(yaml.errors);
  const vars = { ...(opts.env ?? process.env), ...opts.vars };
  let raw: unknown;
  let substituted: Array<Array<string | number>>;
  let missing: Placeholder[];
  if ('tree' in yaml) {
    raw = yaml.tree;
    ({ substituted, missing } = substituteValues(raw, vars));
  } else {
    ({ substituted, missing } = substituteScalars(yaml.doc, vars));
    try {
      // Merge keys (`<<: *anchor`) and aliases are resolved here; a bad one is a YAML problem in the file.
      raw = yaml.doc.toJS();
    } catch (err) {
      return report([`YAML: ${(err as Error).message.split('\n')[0]}`]);
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return report(['expected a YAML mapping with a `brands` list']);

  const problems = missing.map((m) => `${formatPath(m.path)}: \${${m.name}} is not set`);
  const unset = new Set(missing.map((m) => formatPath(m.path)));
  let parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success && repair(raw as Record<string, unknown>, parsed.error.issues, substituted)) parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // A field whose variable is unset is reported once, as unset, not again as empty.
    problems.push(...formatIssues(parsed.error.issues).filter((p) => !unset.has(p.path)).map((p) => p.line));
  }
  const cross = crossCheck(raw as Record<string, unknown>);
  problems.push(...cross.problems);
  if (problems.length || !parsed.success) return report(problems, cross.warnings);
  return { config: deepFreeze(parsed.data), problems, warnings: cross.warnings };
}

/**
 * Fixes the first pass may make before a second: drop `x-` keys (anchors) from strict mappings, and read a
 * substituted `${VAR}` as a number or true/false where the field wants one. True when anything changed.
 */
function repair(raw: Record<string, unknown>, issues: readonly z.core.$ZodIssue[], substituted: Array<Array<string | number>>): boolean {
  const subst = new Set(substituted.map((p) => formatPath(p)));
  let changed = false;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const target = at(raw, issue.path);
      if (target && typeof target === 'object') {
        for (const key of issue.keys.filter(isExtensionKey)) {
          delete (target as Record<string, unknown>)[key];
          changed = true;
        }
      }
    } else if (issue.code === 'invalid_type' && issue.path.length && subst.has(formatPath(issue.path))) {
      const parent = at(raw, issue.path.slice(0, -1)) as Record<PropertyKey, unknown> | undefined;
      const key = issue.path[issue.path.length - 1]!;
      const value = parent?.[key];
      const coerced = typeof value === 'string' ? coerceSubstituted(value, issue.expected) : undefined;
      if (parent && coerced !== undefined) {
        parent[key] = coerced;
        changed = true;
      }
    }
  }
  return changed;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const p of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[p];
  }
  return node;
}

/** Parse config text (YAML) into a frozen Config, or throw ConfigError listing every problem with its path. */
export function parseConfig(text: string, file: string, opts: LoadOptions = {}): Config {
  return configOf(checkConfig(text, file, opts), file, opts);
}

function configOf({ config, problems, warnings }: ConfigReport, file: string, opts: LoadOptions): Config {
  if (!config) throw new ConfigError(file, problems);
  for (const w of warnings) opts.onWarning?.(w);
  return config;
}

/** Read a config file, refusing one over `MAX_CONFIG_BYTES`. A missing or unreadable file is a ConfigError, not a crash. */
export function readConfigFile(file: string): string {
  try {
    const { size } = statSync(file);
    if (size > MAX_CONFIG_BYTES) throw new ConfigTooLargeError(file, size);
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(err)})`]);
  }
}

/** Check a config file (see `checkConfig`). */
export function checkConfigFile(file: string, opts: LoadOptions = {}): ConfigReport {
  return checkConfigText(readConfigFile(file), file, opts, true);
}

/** Read and parse a config file. A missing or unreadable file is a ConfigError, not a crash. */
export function loadConfig(file: string, opts: LoadOptions = {}): Config {
  return configOf(checkConfigFile(file, opts), file, opts);
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
