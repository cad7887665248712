// Loaded with `node --import` by test/unit/cli/startup-modules.test.ts: records every module the process loads
// (appended to $EARSHOT_TRACE_MODULES), ESM imports through a resolve hook and `require` calls (including those of
// `createRequire`, which lazy loaders use) through Module._resolveFilename, so a test can tell which dependencies a
// command loaded.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(new URL('./module-trace-hooks.mjs', import.meta.url));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const file = resolveFilename.call(this, request, ...rest);
  if (process.env.EARSHOT_TRACE_MODULES && file.startsWith('/')) appendFileSync(process.env.EARSHOT_TRACE_MODULES, `${pathToFileURL(file).href}\n`);
  return file;
};
