/**
 * For a command that validates its config and parameters once and exits (`config check`, `report`): zod's fast
 * path compiles each object schema to a function on first use, which costs more than it saves when each schema runs
 * once (~10 ms of a config check). Long-running commands (serve, worker) and `analyze` (a zod parse per input line)
 * keep it. Global to the process, so call it only in such a command.
 */
export async function zodForOneShot(): Promise<void> {
  const { z } = await import('zod');
  z.config({ jitless: true });
}
