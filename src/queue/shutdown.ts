/** Time `close` gets past `deadlineMs` to hand running jobs back and close connections before the process exits, in ms. */
export const EXIT_GRACE_MS = 10_000;

/**
 * Close gracefully on SIGTERM/SIGINT: run `close` once (running jobs get `deadlineMs` to finish, then are handed back
 * to the queue); a second signal exits at once, and so does `deadlineMs` + {@link EXIT_GRACE_MS} passing.
 * Returns a function that removes the handlers.
 */
export function onShutdown(close: () => Promise<void>, opts: { deadlineMs: number; log?: (line: string) => void }): () => void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) {
      opts.log?.(`earshot: ${signal} again, exiting now`);
      process.exit(130);
    }
    closing = true;
    opts.log?.(`earshot: ${signal} received, finishing running jobs (up to ${Math.round(opts.deadlineMs / 1000)} s)`);
    const timer = setTimeout(() => {
      opts.log?.('earshot: shutdown deadline passed, exiting');
      process.exit(1);
    }, opts.deadlineMs + EXIT_GRACE_MS);
    timer.unref();
    close().then(
      () => process.exit(0),
      (err: Error) => {
        opts.log?.(`earshot: error while shutting down: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
