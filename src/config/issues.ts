import type { z } from 'zod';
import { unknownKeyMessages } from '../domain/config-object.js';

/** `brands[0].sources[1].url` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** Keys starting with `x-` hold YAML anchors (`x-site: &site {...}`); a strict config mapping lets them be. */
export const isExtensionKey = (key: string) => key.startsWith('x-');

/**
 * One `path: message` line per problem. An unknown-keys issue becomes one line per key, at the key's own path
 * (`alert: unknown key (did you mean "alerts"?)`); `x-` keys are not problems.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): Array<{ path: string; line: string }> {
  const out: Array<{ path: string; line: string }> = [];
  const add = (path: readonly PropertyKey[], message: string) => {
    const p = formatPath(path);
    out.push({ path: p, line: p ? `${p}: ${message}` : message });
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const messages = unknownKeyMessages(issue);
      issue.keys.forEach((key, i) => {
        if (!isExtensionKey(key)) add([...issue.path, key], messages[i]!);
      });
    } else {
      add(issue.path, issue.message);
    }
  }
  return out;
}
