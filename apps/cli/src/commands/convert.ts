import { Option } from 'commander';
import { toNativeDocument } from '@threatloom/core';
import type { CliCommand } from './command';
import { CliError, issueLine } from '../errors';
import { loadModel } from '../io/load-model';
import { writeOutput } from '../io/write-output';

const TARGETS = ['native', 'threat-dragon'] as const;
type Target = (typeof TARGETS)[number];

function render(records: Parameters<typeof toNativeDocument>[0], to: Target): string {
  if (to === 'native') return JSON.stringify(toNativeDocument(records), null, 2) + '\n';
  throw new CliError(`conversion to ${to} is not available yet`);
}

export const convertCommand: CliCommand = {
  name: 'convert',
  register(program, ctx) {
    program
      .command('convert')
      .summary('convert a model file to another format')
      .description('Read a model (Threatloom native, Threat Dragon v1 or v2; detected) and write it in another format.')
      .argument('<file>', 'model JSON file')
      .addOption(new Option('--to <format>', 'output format').choices(TARGETS).makeOptionMandatory())
      .option('-o, --output <out>', 'write to this file instead of stdout')
      .action(async (file: string, opts: { to: Target; output?: string }) => {
        const loaded = await loadModel(ctx, file);
        for (const w of loaded.warnings) ctx.stderr.write(`${ctx.err.yellow('warning:')} ${issueLine(w)}\n`);
        await writeOutput(ctx, render(loaded.records, opts.to), opts.output);
      });
  },
};
