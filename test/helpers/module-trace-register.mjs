// Loaded with `node --import` by test/unit/cli/startup-modules.test.ts: records every module URL the process resolves
// (appended to $EARSHOT_TRACE_MODULES), so a test can tell which dependencies a command loaded.
import { register } from 'node:module';
register(new URL('./module-trace-hooks.mjs', import.meta.url));
