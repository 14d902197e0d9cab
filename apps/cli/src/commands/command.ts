import type { Command } from 'commander';
import type { CliContext } from '../context';

/**
 * One `threatloom` subcommand. `register` adds it with `program.command(…)` (not
 * `addCommand`) so it inherits the program's output and error handling.
 */
export interface CliCommand {
  name: string;
  /** Exit code for a usage error (bad option value) when it must differ from 1, as `check`'s does. */
  usageExitCode?: number;
  register(program: Command, ctx: CliContext): void;
}
