import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import type { CliCommand } from './commands/command';
import { COMMANDS } from './commands/index';
import type { CliContext } from './context';
import { CliError, describeError, oneLine } from './errors';

/**
 * The commands a run needs: only the one named first on the command line (its module
 * alone is loaded, which keeps start-up quick), or all of them for `--help`, `help …`
 * and anything unrecognised, so help lists them all and typos get suggestions.
 */
export async function commandsFor(argv: readonly string[]): Promise<CliCommand[]> {
  const named = COMMANDS.find((c) => c.name === argv[0]);
  return Promise.all((named ? [named] : COMMANDS).map((c) => c.load()));
}

/** The `threatloom` program with the given commands registered. */
export function createProgram(ctx: CliContext, commands: readonly CliCommand[]): Command {
  const program = new Command('threatloom')
    .description(
      'Threatloom: threat models as code. Validate, convert and generate threats for Threatloom and Threat Dragon models.',
    )
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // Commander's own usage errors keep the CLI's promise: one line on stderr.
      outputError: (s, write) =>
        write(`${ctx.err.red('error:')} ${oneLine(s.replace(/^error:\s*/, ''))}\n`),
    })
    // Throw instead of calling process.exit, so `runCli` decides the exit code in one place.
    .exitOverride();
  for (const command of commands) command.register(program, ctx);
  return program;
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code.
 * Never throws: every failure becomes one line `error: <reason>` on stderr.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  let commands: CliCommand[] = [];
  try {
    commands = await commandsFor(argv);
    const program = createProgram(ctx, commands);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander already printed its message (or the help / version) before throwing.
    if (error instanceof CommanderError) {
      const own = commands.length === 1 ? commands[0]!.usageExitCode : undefined;
      return error.exitCode !== 0 && own !== undefined ? own : error.exitCode;
    }
    // An outcome the command has already reported (check's "threats found").
    if (error instanceof CliError && error.message === '') return error.exitCode;
    ctx.stderr.write(`${ctx.err.red('error:')} ${describeError(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
