/**
 * A problem the user can fix (bad config, bad flag, unreachable service). The CLI prints its message as one line
 * and exits with `exitCode`; the API answers `{error: {code, message}}`. Never printed with a stack trace.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    message: string,
    readonly code: string = 'bad_input',
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

/** A user error about one named parameter (a flag on the command line, a query parameter over HTTP). */
export class ParamError extends UserError {
  constructor(
    readonly param: string,
    message: string,
    code = 'bad_input',
  ) {
    super(message, code);
  }
}

/** A job that must not be retried: the input is wrong, not the weather. BullMQ gets an `UnrecoverableError`. */
export class PermanentError extends Error {
  override readonly name: string = 'PermanentError';
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
