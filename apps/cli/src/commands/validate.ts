import { ValidationError, modelRecordOf } from '@threatloom/core';
import type { CliCommand } from './command';
import { issueLine, oneLine } from '../errors';
import { loadModel } from '../io/load-model';
import { breakdown, countRecords, ELEMENT_ORDER, STATUS_ORDER } from '../output/count-records';
import { formatLabel } from '../output/format-labels';

export const validateCommand: CliCommand = {
  name: 'validate',
  register(program, ctx) {
    program
      .command('validate')
      .summary('check a model file and show what it holds')
      .description(
        'Check a model file (Threatloom native, Threat Dragon v1 or v2, Open Threat Model; the format is detected) ' +
          'and print its format, the counts of diagrams, elements and threats, and any import warnings.\n\n' +
          'Exit status: 0 when valid, 1 when not (every problem is listed on stdout, the first on stderr).',
      )
      .argument('<file>', 'model JSON file')
      .action(async (file: string) => {
        const { out } = ctx;
        let loaded;
        try {
          loaded = await loadModel(ctx, file);
        } catch (error) {
          if (error instanceof ValidationError) {
            ctx.stdout.write(
              `${out.bold(file)}: ${out.red('invalid')} (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'})\n`,
            );
            for (const issue of error.issues) ctx.stdout.write(`  ${issueLine(issue)}\n`);
          }
          throw error;
        }
        const counts = countRecords(loaded.records);
        const lines = [
          `${out.bold(file)}: ${out.green('valid')} ${formatLabel(loaded.format)} model`,
          `  title:       ${oneLine(modelRecordOf(loaded.records).title)}`,
          `  diagrams:    ${counts.diagrams}`,
          `  elements:    ${counts.elements}${breakdown(counts.elementsByKind, ELEMENT_ORDER)}`,
          `  threats:     ${counts.threats}${breakdown(counts.threatsByStatus, STATUS_ORDER)}`,
          `  mitigations: ${counts.mitigations}`,
          `  comments:    ${counts.comments}`,
          `  warnings:    ${loaded.warnings.length + loaded.modelWarnings.length}`,
          ...loaded.warnings.map((w) => `  ${out.yellow('warning:')} ${issueLine(w)}`),
          ...loaded.modelWarnings.map((w) => `  ${out.yellow('warning:')} ${w.message}`),
        ];
        ctx.stdout.write(lines.join('\n') + '\n');
      });
  },
};
