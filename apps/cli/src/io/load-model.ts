import { importModel, modelWarnings, type ImportResult, type Issue } from '@threatloom/core';
import type { CliContext } from '../context';
import { readJsonFile } from './read-json-file';
import { seededIds } from './seeded-ids';

/** A model file read from disk and imported into Threatloom records. */
interface LoadedModel extends ImportResult {
  /** Id source for records the CLI adds, seeded by the file so re-runs give the same ids. */
  newId: () => string;
  /**
   * Contradictions in the model itself (`modelWarnings`: a flow marked encrypted over a plaintext
   * protocol), apart from `warnings`, which index the input file.
   */
  modelWarnings: Issue[];
}

/**
 * Reads FILE (the path as the user typed it) and imports it, whatever its format
 * (native, Threat Dragon v1/v2, OTM; detected by core). Throws `CliError` for an
 * unreadable or non-JSON file and `ValidationError` (with JSON paths) for an invalid model.
 */
export async function loadModel(ctx: CliContext, file: string): Promise<LoadedModel> {
  const { text, json } = await readJsonFile(ctx, file);
  const newId = seededIds(text);
  // Records the import must invent ids for get seeded ones too, so `convert` output is stable.
  const imported = importModel(json, { newId: seededIds(`import:${text}`) });
  return { ...imported, newId, modelWarnings: modelWarnings(imported.records) };
}
