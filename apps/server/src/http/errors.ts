import type { ErrorRequestHandler, RequestHandler } from 'express';
import { hasTooLongText, LimitError, ValidationError, zodIssues } from '@threatloom/core';
import { z } from 'zod';
import type { Logger } from 'pino';
import { AppError, invalid, type AppErrorCode } from '../services/app-error';
import { statusOf } from './error-status';

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

/**
 * `parseBody` for the fields of a model record (create, PATCH): a string
 * longer than its field allows answers `422 text_too_long`, like the same
 * text sent as an op, instead of a generic 400.
 */
export function parseRecordFields<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success && hasTooLongText(parsed.error))
    throw new LimitError('text_too_long', zodIssues(parsed.error));
  return parseBody(schema, input);
}

/**
 * Turns every error into `{"error":{"code","message","details?"}}`. Unknown
 * errors become a bare 500 and are logged: stack traces and SQL never reach
 * the client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    let status = statusOf('internal');
    let body: { code: AppErrorCode; message: string; details?: unknown } = {
      code: 'internal',
      message: 'internal server error',
    };
    if (err instanceof AppError) {
      status = statusOf(err.code);
      body = {
        code: err.code,
        message: err.message,
        ...(err.details === undefined ? {} : { details: err.details }),
      };
    } else if (err instanceof LimitError) {
      // Over a documented size limit (model/limits.ts): its own stable code, not a generic failure.
      status = statusOf(err.code);
      body = { code: err.code, message: err.message, details: { issues: err.issues } };
    } else if (err instanceof ValidationError) {
      status = statusOf('validation_failed');
      body = { code: 'validation_failed', message: err.message, details: { issues: err.issues } };
    } else if (err instanceof URIError) {
      // Express' router could not decode a %-escape in a path parameter.
      status = statusOf('malformed_url');
      body = { code: 'malformed_url', message: 'the URL holds a malformed %-escape' };
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
  next(new AppError('not_found', `no route ${req.method} ${req.path}`));
