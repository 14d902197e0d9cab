import { parseRuleSet, ValidationError, type Rule } from '@threatloom/core';
import type { CliContext } from '../context';
import { CliError, describeError } from '../errors';
import { readJsonFile } from './read-json-file';

/**
 * Reads an organisation rules file (`{ "rules": [ … ] }`, what an instance
 * exports). A malformed file is refused as a whole, in one line naming the
 * file and the JSON path of the first problem.
 */
export async function loadRules(ctx: CliContext, file: string): Promise<Rule[]> {
  const { json } = await readJsonFile(ctx, file);
  try {
    return parseRuleSet(json);
  } catch (error) {
    if (error instanceof ValidationError) throw new CliError(`${file}: ${describeError(error)}`);
    throw error;
  }
}
