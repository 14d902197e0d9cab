import { writeFile } from 'node:fs/promises';
import { CliError } from '../errors';
import { resolvePath, type CliContext } from '../context';

/** Whether `-o OUT` names a file (`-o -` means stdout, as `report -o -` does). */
export function isFileOutput(out: string | undefined): out is string {
  return out !== undefined && out !== '-';
}

/** Writes a command's result to `-o OUT` when given, else to stdout. */
export async function writeOutput(
  ctx: CliContext,
  content: string | Uint8Array,
  out: string | undefined,
): Promise<void> {
  if (!isFileOutput(out)) {
    ctx.stdout.write(content);
    return;
  }
  try {
    await writeFile(resolvePath(ctx, out), content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'its directory does not exist'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'write failed');
    throw new CliError(`cannot write ${out}: ${reason}`);
  }
}
