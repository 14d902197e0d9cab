import { Option } from 'commander';
import {
  METHODOLOGIES,
  applyOps,
  generateThreats,
  mergeSuggestions,
  toNativeDocument,
  toRecordMap,
  type Methodology,
} from '@threatloom/core';
import type { CliCommand } from './command';
import { issueLine } from '../errors';
import { loadModel } from '../io/load-model';
import { loadRules } from '../io/load-rules';
import { isFileOutput, writeOutput } from '../io/write-output';
import { renderThreatsTable, type MergedSuggestion } from '../output/threats-table';

const FORMATS = ['json', 'table'] as const;

interface GenerateOpts {
  methodology?: Methodology;
  rules?: string;
  format: (typeof FORMATS)[number];
  output?: string;
}

export const generateCommand: CliCommand = {
  name: 'generate',
  register(program, ctx) {
    program
      .command('generate')
      .summary('suggest threats for every element and merge them into the model')
      .description(
        'Run the threat rules over every diagram of a model (native, Threat Dragon v1 or v2, Open Threat Model) ' +
          'and merge the suggestions in: a threat is added once per rule and element, and threats already in the model ' +
          '(with their status and edits) are kept, so running it again adds nothing.\n\n' +
          '--rules RULES.json adds organisation rules ({ "rules": [ … ] }, as an instance exports them) to the built-in ones.\n\n' +
          '--format json writes the native model with the threats merged in; --format table writes a summary ' +
          'per element (rule, category, severity, title) with totals.',
      )
      .argument('<file>', 'model JSON file')
      .addOption(
        new Option(
          '--methodology <key>',
          "rules to use for every diagram instead of each diagram's own",
        ).choices(METHODOLOGIES),
      )
      .option('--rules <file>', 'organisation rules to run beside the built-in packs')
      .addOption(new Option('--format <format>', 'what to write').choices(FORMATS).default('json'))
      .option('-o, --output <out>', 'write to this file instead of stdout ("-": stdout)')
      .action(async (file: string, opts: GenerateOpts) => {
        const extraRules = opts.rules ? await loadRules(ctx, opts.rules) : [];
        const loaded = await loadModel(ctx, file);
        for (const w of loaded.warnings)
          ctx.stderr.write(`${ctx.err.yellow('warning:')} ${issueLine(w)}\n`);
        for (const w of loaded.modelWarnings)
          ctx.stderr.write(`${ctx.err.yellow('warning:')} ${w.message}\n`);

        const suggestions = generateThreats(loaded.records, {
          extraRules,
          ...(opts.methodology ? { methodology: opts.methodology } : {}),
        });
        const ops = mergeSuggestions(loaded.records, suggestions, { newId: loaded.newId });
        const state = toRecordMap(loaded.records);
        applyOps(state, ops);
        const records = [...state.values()];

        const addedKeys = new Set(
          ops.flatMap((op) =>
            op.type === 'put' && op.record.typeName === 'threat' && op.record.ruleKey
              ? [op.record.ruleKey]
              : [],
          ),
        );
        const merged: MergedSuggestion[] = suggestions.map((suggestion) => ({
          suggestion,
          added: addedKeys.has(suggestion.ruleKey),
        }));

        if (opts.format === 'table') {
          await writeOutput(
            ctx,
            renderThreatsTable(records, merged, isFileOutput(opts.output) ? ctx.plain : ctx.out),
            opts.output,
          );
          return;
        }
        await writeOutput(
          ctx,
          JSON.stringify(toNativeDocument(records), null, 2) + '\n',
          opts.output,
        );
        if (isFileOutput(opts.output)) {
          ctx.stdout.write(
            `${opts.output}: ${addedKeys.size} threat${addedKeys.size === 1 ? '' : 's'} added, ${suggestions.length - addedKeys.size} already in the model\n`,
          );
        }
      });
  },
};
