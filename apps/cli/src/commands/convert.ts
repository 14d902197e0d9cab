import { Option } from 'commander';
import { EXPORT_FORMATS, exportModel, exportSarif, type ExportFormat } from '@threatloom/core';
import pkg from '../../package.json' with { type: 'json' };
import type { CliCommand } from './command';
import { issueLine } from '../errors';
import { loadModel } from '../io/load-model';
import { writeOutput } from '../io/write-output';

/** Every format core exports, in core's order: native, threat-dragon, otm, markdown, csv, sarif. */
const TARGETS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export const convertCommand: CliCommand = {
  name: 'convert',
  register(program, ctx) {
    program
      .command('convert')
      .summary('convert a model file to another format')
      .description(
        'Read a model (Threatloom native, Threat Dragon v1 or v2, Open Threat Model; detected) and write it ' +
          'as Threatloom native JSON, Threat Dragon v2 JSON, Open Threat Model JSON, a Markdown report, a CSV of threats or SARIF 2.1.0 (one result per open threat, for code scanning).\n\n' +
          'What the input holds that Threatloom cannot carry is listed as warnings on stderr.',
      )
      .argument('<file>', 'model JSON file')
      .addOption(
        new Option('--to <format>', 'output format').choices(TARGETS).makeOptionMandatory(),
      )
      .option('-o, --output <out>', 'write to this file instead of stdout ("-": stdout)')
      .action(async (file: string, opts: { to: ExportFormat; output?: string }) => {
        const loaded = await loadModel(ctx, file);
        for (const w of loaded.warnings)
          ctx.stderr.write(`${ctx.err.yellow('warning:')} ${issueLine(w)}\n`);
        // SARIF results point at the model file as the job named it, so code scanning can link it.
        const content =
          opts.to === 'sarif'
            ? `${JSON.stringify(exportSarif(loaded.records, { artifactUri: file.split('\\').join('/'), toolVersion: pkg.version }), null, 2)}\n`
            : exportModel(loaded.records, opts.to).content;
        await writeOutput(ctx, content, opts.output);
      });
  },
};
