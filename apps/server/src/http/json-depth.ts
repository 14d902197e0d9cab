import { HttpError } from './errors';

/**
 * Throws when JSON text nests objects/arrays deeper than `max`. Runs on the raw
 * bytes as body-parser's `verify` hook, so a hostile body is refused before
 * `JSON.parse` recurses into it and before any handler sees it.
 */
export function assertJsonDepth(buf: Buffer, max: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) throw new HttpError(400, 'too_deep', `JSON nests deeper than ${max} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}
