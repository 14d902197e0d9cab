import { AppError } from '../services/app-error';

/**
 * Checks raw JSON text before it is parsed: throws when objects/arrays nest
 * deeper than `max`, or when a string holds a NUL character (`\u0000`) or an
 * unpaired surrogate (`\ud800` alone), which PostgreSQL's jsonb cannot store. Runs as body-parser's `verify` hook,
 * so a hostile body is refused before `JSON.parse` recurses into it and before
 * any handler sees it.
 */
export function checkJsonText(buf: Buffer, max: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c && buf[i + 1] === 0x75) {
        i += unicodeEscapeLength(buf, i) - 1;
      } else if (c === 0x5c) {
        i++; // skip the escaped character
      } else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) throw new AppError('too_deep', `JSON nests deeper than ${max} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

const hexAt = (buf: Buffer, at: number) =>
  /^[0-9a-fA-F]{4}$/.test(buf.toString('latin1', at, at + 4))
    ? parseInt(buf.toString('latin1', at, at + 4), 16)
    : -1;
const unstorable = () =>
  new AppError('invalid_text', 'text must not contain NUL characters or unpaired surrogates');

/** Length of the `\uXXXX` escape at `i` (12 for a surrogate pair), throwing for characters PostgreSQL cannot store. */
function unicodeEscapeLength(buf: Buffer, i: number): number {
  const code = hexAt(buf, i + 2);
  if (code === 0) throw unstorable();
  if (code >= 0xdc00 && code <= 0xdfff) throw unstorable();
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = buf[i + 6] === 0x5c && buf[i + 7] === 0x75 ? hexAt(buf, i + 8) : -1;
    if (low < 0xdc00 || low > 0xdfff) throw unstorable();
    return 12;
  }
  return 6;
}
