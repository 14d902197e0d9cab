import type { CliCommand } from './command';

/** A subcommand by name, loaded on demand: `validate` never pays for loading the PDF engine. */
interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

/** Every subcommand, in the order `threatloom --help` lists them. Add a command by adding it here. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./validate')).validateCommand },
  { name: 'convert', load: async () => (await import('./convert')).convertCommand },
  { name: 'generate', load: async () => (await import('./generate')).generateCommand },
  { name: 'check', load: async () => (await import('./check')).checkCommand },
  { name: 'report', load: async () => (await import('./report')).reportCommand },
  { name: 'serve', load: async () => (await import('./serve')).serveCommand },
];
