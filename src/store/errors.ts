import { UserError } from '../domain/errors.js';

/**
 * Errors the store raises for conditions a user can fix. Each is a `UserError` with a one-line
 * message meant to be printed as is: the CLI exits non-zero with it, the API answers `{error}`.
 */

/** The configured store cannot be opened or reached (MongoDB down, data dir locked or unreadable). */
export class StoreUnavailableError extends UserError {
  override readonly name: string = 'StoreUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(oneLine(message), 'store_unavailable');
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A request the store refuses: an unsafe filter, a bad collection name, a document it cannot store. */
export class StoreInputError extends UserError {
  override readonly name: string = 'StoreInputError';

  constructor(message: string, code = 'bad_input') {
    super(oneLine(message), code);
  }
}

/** A filter built from user input tried to use an operator (`$where`) or a dotted path. */
export class UnsafeFilterError extends StoreInputError {
  override readonly name: string = 'UnsafeFilterError';

  constructor(message: string) {
    super(message, 'unsafe_filter');
  }
}

/** Collapses whitespace so messages stay on one line whatever the underlying error said. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
