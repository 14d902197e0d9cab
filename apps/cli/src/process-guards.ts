import { describeError } from './errors';

/**
 * Keeps the CLI's promise of no stack traces outside `runCli`'s own try/catch:
 * a reader that stops early (`threatloom generate big.json | head`) closes the pipe
 * and the next write fails with EPIPE asynchronously; the output is simply no longer
 * wanted, so exit quietly. Anything else unexpected becomes one `error:` line.
 */
export function guardProcess(): void {
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(error);
  };
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

function fail(error: unknown): void {
  try {
    process.stderr.write(`error: ${describeError(error)}\n`);
  } finally {
    process.exit(1);
  }
}
