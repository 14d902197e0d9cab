import { modelRecordOf, parseNativeDocument } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { createModel } from './create-model';
import { sortRecords } from './get-model';
import type { ModelSummary } from './model-summary';

export interface ImportedModel extends ModelSummary {
  format: string;
  warnings: string[];
  records: number;
}

/**
 * Creates a model from an uploaded file's JSON, owned by `userId`. Bad input
 * throws core's `ValidationError` (a 400 naming each path) and writes nothing.
 */
export async function importModel(options: { db: Db; userId: string; json: unknown }): Promise<ImportedModel> {
  const { db, userId, json } = options;
  const doc = parseNativeDocument(json);
  const records = sortRecords(doc.records);
  const summary = await createModel({ db, userId, title: modelRecordOf(records).title, records });
  return { ...summary, format: 'native', warnings: [], records: records.length };
}
