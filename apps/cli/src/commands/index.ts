import type { CliCommand } from './command';
import { convertCommand } from './convert';
import { generateCommand } from './generate';
import { serveCommand } from './serve';
import { reportCommand } from './report';
import { validateCommand } from './validate';

/** Every subcommand, in the order `threatloom --help` lists them. Add a command by adding it here. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, convertCommand, generateCommand, reportCommand, serveCommand];
