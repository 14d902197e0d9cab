import { modelRecordOf, type Issue } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { createModel } from './create-model';
import type { ModelSummary } from './model-summary';
import { readModelFile } from './read-model-file';

export interface ImportedModel extends ModelSummary {
  /** Detected format: native, threat-dragon-v1, threat-dragon-v2 or otm. */
  format: string;
  /** What the import could not carry over, located by JSON path in the file. */
  warnings: Issue[];
  records: number;
}

/**
 * Creates a model from an uploaded file's JSON (format detected by core),
 * owned by `userId`. Bad input throws core's `ValidationError` (a 400 naming
 * each path) and writes nothing.
 */
export async function importModel(options: {
  db: Db;
  userId: string;
  json: unknown;
  /** The file's bytes as uploaded: a large file is read off the event loop from them (read-model-file.ts). */
  bytes?: Uint8Array;
}): Promise<ImportedModel> {
  const { db, userId, json, bytes } = options;
  const { format, records, warnings } = await readModelFile({ json, bytes });
  const summary = await createModel({ db, userId, title: modelRecordOf(records).title, records });
  return { ...summary, format, warnings, records: records.length };
}
