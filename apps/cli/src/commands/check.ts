import Table from 'cli-table3';
import { Option } from 'commander';
import {
  SEVERITY_LABELS,
  categoryLabel,
  isElement,
  type Severity,
  type Threat,
} from '@threatloom/core';
import type { CliCommand } from './command';
import { CliError, describeError, issueLine, oneLine } from '../errors';
import { loadModel } from '../io/load-model';
import { BORDERLESS } from '../output/borderless';

/** Thresholds, most severe first; a threat "meets" a threshold when it is at least as severe. */
const THRESHOLDS = ['critical', 'high', 'medium', 'low'] as const;
type Threshold = (typeof THRESHOLDS)[number];
const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, tbd: 0 };

/** Exit code for unreadable or invalid input, kept apart from 1 ("threats found") for CI. */
const CHECK_BAD_INPUT = 2;

export const checkCommand: CliCommand = {
  name: 'check',
  usageExitCode: CHECK_BAD_INPUT,
  register(program, ctx) {
    program
      .command('check')
      .summary('fail a CI job on open threats at or above a severity')
      .description(
        'Read a model (native, Threat Dragon v1 or v2, Open Threat Model) and list its open threats ' +
          'at or above --fail-on (default high), most severe first.\n\n' +
          'Exit codes: 0 when there are none, 1 when there are, 2 when the input cannot be read or is invalid. ' +
          'Threats whose severity is still to be decided (TBD) never fail the check; they are counted on the last line.',
      )
      .argument('<file>', 'model JSON file')
      .addOption(
        new Option('--fail-on <severity>', 'lowest severity that fails the check')
          .choices(THRESHOLDS)
          .default('high'),
      )
      .action(async (file: string, opts: { failOn: Threshold }) => {
        let loaded;
        try {
          loaded = await loadModel(ctx, file);
        } catch (error) {
          throw new CliError(describeError(error), CHECK_BAD_INPUT);
        }
        for (const w of loaded.warnings)
          ctx.stderr.write(`${ctx.err.yellow('warning:')} ${issueLine(w)}\n`);
        const names = new Map(
          loaded.records.filter(isElement).map((e) => [e.id, oneLine(e.name) || '(unnamed)']),
        );
        const open = loaded.records.filter(
          (r): r is Threat => r.typeName === 'threat' && r.status === 'open',
        );
        const min = RANK[opts.failOn];
        const failing = open
          .filter((t) => RANK[t.severity] >= min)
          .sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.number - b.number);
        const unrated = open.filter((t) => t.severity === 'tbd').length;

        const c = ctx.out;
        if (failing.length > 0) {
          const table = new Table({
            head: ['#', 'SEVERITY', 'CATEGORY', 'ELEMENT', 'TITLE'].map((h) => c.dim(h)),
            chars: BORDERLESS,
            style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2 },
          });
          for (const t of failing)
            table.push([
              String(t.number),
              t.severity === 'critical' || t.severity === 'high'
                ? c.red(SEVERITY_LABELS[t.severity])
                : SEVERITY_LABELS[t.severity],
              categoryLabel(t.category),
              names.get(t.elementId) ?? t.elementId,
              oneLine(t.title),
            ]);
          ctx.stdout.write(table.toString().replace(/[ \t]+$/gm, '') + '\n');
        }
        const label = SEVERITY_LABELS[opts.failOn].toLowerCase();
        ctx.stdout.write(
          `${file}: ${failing.length} open threat${failing.length === 1 ? '' : 's'} at ${label} or above` +
            ` (${open.length} open in all${unrated ? `, ${unrated} not rated yet` : ''})\n`,
        );
        if (failing.length > 0) throw new CheckFailed();
      });
  },
};

/** Threats at or above the threshold: exit 1 with nothing more to print. */
class CheckFailed extends CliError {
  constructor() {
    super('', 1);
    this.name = 'CheckFailed';
  }
}
