import { importModel as readModelFile, modelRecordOf, type Issue } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { createModel } from './create-model';
import { sortRecords } from './get-model';
import type { ModelSummary } from './model-summary';

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
}): Promise<ImportedModel> {
  const { db, userId, json } = options;
  const { format, records: read, warnings } = readModelFile(json);
  const records = sortRecords(read);
  const summary = await createModel({ db, userId, title: modelRecordOf(records).title, records });
  return { ...summary, format, warnings, records: records.length };
}
