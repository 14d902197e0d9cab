import express, { type RequestHandler } from 'express';
import { AppError, type AppErrorCode } from '../services/app-error';
import { checkJsonText } from './check-json-text';

/** Body-parser failures carry a `type`; each becomes a stable client error. */
const BODY_ERRORS: Record<string, [AppErrorCode, string]> = {
  'entity.too.large': ['payload_too_large', 'request body is too large'],
  'entity.parse.failed': ['invalid_json', 'request body is not valid JSON'],
  'encoding.unsupported': ['unsupported_encoding', 'unsupported content encoding'],
  'charset.unsupported': ['unsupported_charset', 'request bodies must be UTF-8 JSON'],
};

/** Does the request carry a body? (A zero Content-Length is none.) */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return typeof length === 'string' && length.trim() !== '' && Number(length) > 0;
}

/** The media type and charset of a Content-Type header, lower case. */
function mediaTypeOf(header: string | undefined): { type: string; charset?: string } {
  const [type = '', ...params] = (header ?? '').split(';');
  let charset: string | undefined;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(param);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

/**
 * The one way request bodies enter the API: JSON in UTF-8 only. A body of
 * another media type is `415 unsupported_media_type`, JSON in another charset
 * `415 unsupported_charset` (the depth and NUL checks of check-json-text.ts
 * read the raw bytes, which is only sound for UTF-8), and every malformed body
 * — bad JSON, a broken gzip/deflate/br stream, a length that does not match —
 * a 400 with a stable code, never a 500.
 */
export function jsonBody(options: {
  limit: string;
  maxDepth: number;
  /** Keep the body's bytes as `req.rawBody` too (imports read large files from them off the event loop). */
  keepRaw?: boolean;
}): RequestHandler {
  const parse = express.json({
    limit: options.limit,
    verify: (req, _res, buf) => {
      checkJsonText(buf, options.maxDepth);
      if (options.keepRaw) (req as { rawBody?: Buffer }).rawBody = buf;
    },
  });
  return (req, res, next) => {
    if (!hasBody(req.headers)) return next();
    const { type, charset } = mediaTypeOf(req.headers['content-type']);
    if (type !== 'application/json')
      return next(
        new AppError(
          'unsupported_media_type',
          `request bodies must be application/json${type ? `, not ${type}` : ''}`,
        ),
      );
    if (charset !== undefined && charset !== 'utf-8')
      return next(
        new AppError('unsupported_charset', `request bodies must be UTF-8 JSON, not ${charset}`),
      );
    parse(req, res, (err?: unknown) => next(err === undefined ? undefined : bodyError(err)));
  };
}

/** Maps what body-parser throws to an AppError; anything it answers with a 4xx is a malformed body. */
function bodyError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as { type?: unknown; status?: unknown };
  const known = typeof e.type === 'string' ? BODY_ERRORS[e.type] : undefined;
  if (known) return new AppError(known[0], known[1]);
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return new AppError(
      'malformed_body',
      'request body could not be read (broken compression or wrong length)',
    );
  return err;
}
