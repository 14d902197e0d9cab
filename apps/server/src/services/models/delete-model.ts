import type { Db } from '../../db/open-database';
import { defaultStateCache } from '../ops/commit-ops';

/** Deletes a model with its records, op log and memberships (rows cascade). */
export async function deleteModel(options: { db: Db; modelId: string }): Promise<void> {
  await options.db.model.delete({ where: { id: options.modelId } });
  defaultStateCache.drop(options.modelId);
}
