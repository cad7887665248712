import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.EARSHOT_TRACE_MODULES && !result.url.startsWith('node:')) appendFileSync(process.env.EARSHOT_TRACE_MODULES, `${result.url}\n`);
  return result;
}
