import type { Db } from '../../db/open-database';
import { createModel } from './create-model';
import { getModel, sortRecords } from './get-model';
import type { ModelSummary } from './model-summary';

/** A copy of a model, owned by `userId`, with every record (ids are per model, so they are kept). */
export async function duplicateModel(options: {
  db: Db;
  modelId: string;
  userId: string;
}): Promise<ModelSummary> {
  const { db, modelId, userId } = options;
  const source = await getModel({ db, modelId, role: 'viewer' });
  const records = sortRecords(source.records).map((r) =>
    r.typeName === 'model' ? { ...r, title: `Copy of ${r.title}`.slice(0, 1_000) } : r,
  );
  return createModel({
    db,
    userId,
    title: `Copy of ${source.model.title}`.slice(0, 1_000),
    records,
  });
}
