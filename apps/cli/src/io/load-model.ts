import { parseNativeDocument, type Issue, type ModelRecord } from '@threatloom/core';
import type { CliContext } from '../context';
import { readJsonFile } from './read-json-file';

/** A model file read from disk and imported into Threatloom records. */
export interface LoadedModel {
  format: string;
  records: ModelRecord[];
  warnings: Issue[];
}

/** Reads FILE (path as the user typed it) and imports it; throws `CliError` / `ValidationError` on bad input. */
export async function loadModel(ctx: CliContext, file: string): Promise<LoadedModel> {
  const json = await readJsonFile(ctx, file);
  return { format: 'native', records: parseNativeDocument(json).records, warnings: [] };
}
