import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ValidationError, zodIssues, type Issue } from '@threatloom/core';
import { z } from 'zod';
import type { Logger } from 'pino';

/** An error with its HTTP status and stable code; the only kind whose message reaches clients. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'model') => new HttpError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'your role does not allow this') =>
  new HttpError(403, 'forbidden', message);
export const invalid = (issues: Issue[], message?: string) =>
  new HttpError(
    400,
    'validation_failed',
    message ?? `${issues[0]?.path || '(body)'}: ${issues[0]?.message ?? 'invalid input'}`,
    { issues },
  );

/** Parses `input` with a zod schema or throws a 400 naming each path and problem. */
export function parseBody<T extends z.ZodType>(
  schema: T,
  input: unknown,
  prefix: ReadonlyArray<PropertyKey> = [],
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error, prefix));
  return parsed.data;
}

const RETRY_AFTER_SECONDS = 5;

/** Body-parser failures carry a `type`; these map to client errors. */
const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'payload_too_large', 'request body is too large'],
  'entity.parse.failed': [400, 'invalid_json', 'request body is not valid JSON'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'unsupported content encoding'],
  'charset.unsupported': [415, 'unsupported_charset', 'unsupported charset'],
};

/**
 * Turns every error into `{"error":{"code","message","details?"}}`. Unknown
 * errors become a bare 500 and are logged: stack traces and SQL never reach
 * the client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    let status = 500;
    let body: { code: string; message: string; details?: unknown } = {
      code: 'internal',
      message: 'internal server error',
    };
    if (err instanceof HttpError) {
      status = err.status;
      body = {
        code: err.code,
        message: err.message,
        ...(err.details === undefined ? {} : { details: err.details }),
      };
    } else if (err instanceof ValidationError) {
      status = 400;
      body = { code: 'validation_failed', message: err.message, details: { issues: err.issues } };
    } else if (typeof err?.type === 'string' && BODY_ERRORS[err.type]) {
      const [s, code, message] = BODY_ERRORS[err.type]!;
      status = s;
      body = { code, message };
    } else {
      logger.error({ err }, 'unhandled error');
    }
    if (res.headersSent) return;
    // A 503 is temporary (a full work queue): tell clients when to try again.
    if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(status).json({ error: body });
  };
}

/** 404 for unknown /api routes, in the same error shape. */
export const apiNotFound: RequestHandler = (req, _res, next) =>
  next(new HttpError(404, 'not_found', `no route ${req.method} ${req.path}`));
