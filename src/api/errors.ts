import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUserError, ParamError } from '../domain/errors.js';

/** The one error shape every API answer uses: `{"error": {"code", "message", "path"?}}`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The offending parameter (`query.from`, `params.id`, `body.status`) for bad input. */
    path: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An error with its HTTP status; thrown by routes and hooks, answered in the one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

export function errorBody(code: string, message: string, path?: string): ErrorBody {
  return { error: { code, message, ...(path ? { path } : {}) } };
}

/** Report parameters fail as `--from: …` UserErrors (shared with the CLI); over HTTP the flag is a query parameter. */
function fromFlagMessage(message: string): { message: string; path?: string } {
  const m = /^--([\w-]+)(?::\s)?(.*)$/s.exec(message);
  if (!m) return { message };
  const rest = m[2]!.replace(/--([\w-]+)/g, '$1');
  return { path: `query.${m[1]}`, message: message.startsWith(`--${m[1]}:`) ? rest : `${m[1]}${rest}` };
}

/** Fastify's names for where a value came from, as a user writes them. */
const CONTEXT: Record<string, string> = { querystring: 'query', params: 'params', body: 'body', headers: 'headers' };

/** Answers every failure in the one error shape; user errors are 4xx with the parameter, bugs a bare 500. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0]!;
      const where = CONTEXT[err.validationContext ?? ''] ?? 'request';
      let field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
      let message = issue.message;
      const unknownKeys = (issue.params as { keys?: string[] }).keys;
      if (issue.keyword === 'unrecognized_keys' && unknownKeys?.length) {
        field = [field, unknownKeys[0]].filter(Boolean).join('.');
        message = 'unknown parameter';
      }
      // A query parameter is named whole (`query.label`, not the list item `query.label.0`).
      if (where === 'query') field = field.split('.')[0]!;
      const path = field ? `${where}.${field}` : where;
      return reply.code(400).send(errorBody('bad_request', `${path}: ${message}`, path));
    }
    if (err instanceof ApiError) return reply.code(err.status).send(errorBody(err.code, err.message, err.path));
    if (err instanceof ParamError) return reply.code(400).send(errorBody(err.code, `query.${err.param}: ${err.message}`, `query.${err.param}`));
    if (isUserError(err)) {
      const { message, path } = fromFlagMessage(err.message);
      return reply.code(400).send(errorBody(err.code, path ? `${path}: ${message}` : message, path));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type, rate limit.
      return reply.code(err.statusCode).send(errorBody(err.code?.toLowerCase() ?? 'bad_request', err.message));
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'internal error (see the server log)'));
  });
}
