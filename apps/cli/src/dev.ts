import { runCli } from './cli';
import { processContext } from './context';
import { guardProcess } from './process-guards';

/*
 * Entry of `pnpm threatloom …` in the repository. pnpm runs the root script from the
 * repository root, whatever directory the user typed the command in, and passes that
 * directory as INIT_CWD; relative FILE and -o paths resolve against it. The installed
 * bin (bin.ts) uses the process's own cwd: INIT_CWD there could be a stale value
 * inherited from an unrelated npm script.
 */
guardProcess();
process.exitCode = await runCli(
  process.argv.slice(2),
  processContext(process.env.INIT_CWD ?? process.cwd()),
);
