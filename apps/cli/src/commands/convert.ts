import { Option } from 'commander';
import {
  EXPORT_FORMATS,
  exportMarkdown,
  exportModel,
  exportSarif,
  exportWarnings,
  type ExportFormat,
  type ModelRecord,
} from '@threatloom/core';
import pkg from '../../package.json' with { type: 'json' };
import type { CliCommand } from './command';
import { issueLine } from '../errors';
import { loadModel } from '../io/load-model';
import { diagramFiles } from '../io/diagram-files';
import { isFileOutput, writeOutput } from '../io/write-output';
import type { CliContext } from '../context';

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
          'What the input holds that Threatloom cannot carry, and what the output format cannot carry ' +
          '(or keeps only as text), is listed as warnings on stderr, one line each; they do not change the exit code.\n\n' +
          'With --to markdown and -o OUT.md, each diagram is also written as an SVG file beside it ' +
          '(OUT-diagram-1.svg, …) and shown in the Markdown.',
      )
      .argument('<file>', 'model JSON file')
      .addOption(
        new Option('--to <format>', 'output format').choices(TARGETS).makeOptionMandatory(),
      )
      .option('-o, --output <out>', 'write to this file instead of stdout ("-": stdout)')
      .action(async (file: string, opts: { to: ExportFormat; output?: string }) => {
        const loaded = await loadModel(ctx, file);
        for (const w of [...loaded.warnings, ...exportWarnings(loaded.records, opts.to)])
          ctx.stderr.write(`${ctx.err.yellow('warning:')} ${issueLine(w)}\n`);
        // SARIF results point at the model file as the job named it, so code scanning can link it.
        const content =
          opts.to === 'sarif'
            ? `${JSON.stringify(exportSarif(loaded.records, { artifactUri: file.split('\\').join('/'), toolVersion: pkg.version }), null, 2)}\n`
            : opts.to === 'markdown' && isFileOutput(opts.output)
              ? await markdownWithDiagrams(ctx, loaded.records, opts.output)
              : exportModel(loaded.records, opts.to).content;
        await writeOutput(ctx, content, opts.output);
      });
  },
};

/** Writes each diagram's SVG beside `out` and returns the Markdown that links them. */
async function markdownWithDiagrams(
  ctx: CliContext,
  records: readonly ModelRecord[],
  out: string,
): Promise<string> {
  const files = diagramFiles(records, out);
  for (const f of files) await writeOutput(ctx, f.svg, f.path);
  return exportMarkdown(records, {
    diagramImages: Object.fromEntries(files.map((f) => [f.diagramId, f.name])),
  });
}
