import { Option } from 'commander';
import { SEVERITIES, THREAT_STATUSES } from '@threatloom/core';
import { renderReportPdf, type ReportOptionsInput } from '@threatloom/report';
import type { CliCommand } from './command';
import { resolvePath } from '../context';
import { CliError, issueLine } from '../errors';
import { loadModel } from '../io/load-model';
import { writeOutput } from '../io/write-output';

interface ReportFlags {
  output: string;
  outOfScope: boolean;
  mitigated: boolean;
  empty: boolean;
  properties: boolean;
  diagrams: boolean;
  severity?: string;
  status?: string;
  font?: string[];
}

/** Parses a comma-separated flag value against its allowed keys, naming the flag and the choices on error. */
function keyList<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T[] | null {
  if (value === undefined) return null;
  const keys = value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keys.length === 0)
    throw new CliError(`${flag} needs at least one value (${allowed.join(', ')})`);
  for (const k of keys)
    if (!allowed.includes(k as T))
      throw new CliError(`${flag}: unknown value "${k}" (choose from ${allowed.join(', ')})`);
  return keys as T[];
}

/** Maps the command's flags to the report options (Threat Dragon's five plus severity and status filters). */
function reportOptionsFromFlags(
  flags: ReportFlags,
  cwd: (p: string) => string,
): ReportOptionsInput {
  return {
    showOutOfScope: flags.outOfScope,
    showMitigated: flags.mitigated,
    showEmpty: flags.empty,
    showProperties: flags.properties,
    showDiagrams: flags.diagrams,
    severities: keyList('--severity', flags.severity, SEVERITIES),
    statuses: keyList('--status', flags.status, THREAT_STATUSES),
    fallbackFonts: (flags.font ?? []).map(cwd),
  };
}

export const reportCommand: CliCommand = {
  name: 'report',
  register(program, ctx) {
    program
      .command('report')
      .summary('write a PDF report of a model')
      .description(
        'Write a PDF report of a model (Threatloom native, Threat Dragon v1/v2 or OTM; detected): cover, contents, executive summary, ' +
          'each diagram whole on its own page, then every element with its threats and mitigations.',
      )
      .argument('<file>', 'model JSON file')
      .addOption(
        new Option(
          '-o, --output <pdf>',
          'PDF file to write ("-" for stdout)',
        ).makeOptionMandatory(),
      )
      .option('--no-out-of-scope', 'leave out elements marked out of scope')
      .option('--no-mitigated', 'leave out threats whose status is mitigated')
      .option('--no-empty', 'leave out elements without threats (the default)')
      .option('--empty', 'list elements without threats too')
      .option('--properties', 'list each element’s properties', false)
      .option('--no-diagrams', 'leave out the diagram pages')
      .option(
        '--severity <list>',
        `only threats of these severities, comma-separated (${SEVERITIES.join(', ')})`,
      )
      .option(
        '--status <list>',
        `only threats with these statuses, comma-separated (${THREAT_STATUSES.join(', ')})`,
      )
      .option(
        '--font <file>',
        'extra TTF/OTF fallback font for scripts the built-in fonts lack (repeatable)',
        (v: string, all: string[] = []) => [...all, v],
      )
      .action(async (file: string, flags: ReportFlags) => {
        const options = reportOptionsFromFlags({ ...flags, empty: flags.empty === true }, (p) =>
          resolvePath(ctx, p),
        );
        const loaded = await loadModel(ctx, file);
        for (const w of loaded.warnings)
          ctx.stderr.write(`${ctx.err.yellow('warning:')} ${issueLine(w)}\n`);
        const pdf = await renderReportPdf(loaded.records, options);
        await writeOutput(ctx, pdf, flags.output === '-' ? undefined : flags.output);
      });
  },
};
