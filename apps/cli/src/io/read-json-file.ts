import { readFile } from 'node:fs/promises';
import { CliError, oneLine } from '../errors';
import { resolvePath, type CliContext } from '../context';

/** Why a file could not be read, in words, from a Node error code. */
function readFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? 'unreadable';
  }
}

/**
 * Adds `(line L column C)` to a JSON.parse message that gives only a character
 * position (Node 20 does; Node 22 adds the line itself), so a user can find the spot.
 */
function withLineAndColumn(message: string, text: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match || /\bline \d+/.test(message)) return message;
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line} column ${column})`;
}

/** A JSON file's text and parsed value. */
interface JsonFile {
  text: string;
  json: unknown;
}

/** Reads and parses a JSON file named by the user; failures become one-line `CliError`s naming the file. */
export async function readJsonFile(ctx: CliContext, file: string): Promise<JsonFile> {
  let text: string;
  try {
    text = await readFile(resolvePath(ctx, file), 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${readFailure((error as NodeJS.ErrnoException).code)}`,
    );
  }
  try {
    // A byte-order mark is valid in a UTF-8 file but not in JSON text.
    return { text, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    throw new CliError(
      `${file} is not valid JSON: ${withLineAndColumn(oneLine((error as Error).message), text)}`,
    );
  }
}
