import { HttpError } from './errors';

/**
 * Checks raw JSON text before it is parsed: throws when objects/arrays nest
 * deeper than `max`, or when a string holds a NUL character (`\u0000`), which
 * PostgreSQL text and jsonb cannot store. Runs as body-parser's `verify` hook,
 * so a hostile body is refused before `JSON.parse` recurses into it and before
 * any handler sees it.
 */
export function checkJsonText(buf: Buffer, max: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) {
        // \u0000 (any case of the hex digits is still zero)
        if (buf[i + 1] === 0x75 && buf.toString('latin1', i + 2, i + 6) === '0000') throw new HttpError(400, 'invalid_text', 'text must not contain NUL characters (\\u0000)');
        i++; // skip the escaped character
      } else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) throw new HttpError(400, 'too_deep', `JSON nests deeper than ${max} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}
