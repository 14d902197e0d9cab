import type { ModelRecord, Role } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { notFound } from '../app-error';
import { addThreatCounts, threatCountsColumn, type ThreatCounts } from './count-threats';
import { toSummary, type ModelRow, type ModelSummary } from './model-summary';
import { sortRecords } from './sort-records';

export { sortRecords };

export interface LoadedModel {
  model: ModelSummary;
  records: ModelRecord[];
  seq: number;
  role: Role;
}

/**
 * A model and all its records as of one seq: one statement, so the records
 * and the seq come from the same snapshot (which two statements under READ
 * COMMITTED would not guarantee) and a replica can follow on from `seq`.
 */
export async function getModel(options: {
  db: Db;
  modelId: string;
  role: Role;
}): Promise<LoadedModel> {
  const { db, modelId, role } = options;
  const rows = await db.$queryRaw<
    (ModelRow & { records: ModelRecord[] | string; counts: ThreatCounts | string })[]
  >`
    SELECT m.id, m.title, m.seq, m.created_at AS "createdAt", m.updated_at AS "updatedAt",
      COALESCE((SELECT jsonb_agg(r.data) FROM records r WHERE r.model_id = m.id), '[]'::jsonb) AS records,
      ${threatCountsColumn}
    FROM models m WHERE m.id = ${modelId}`;
  const model = rows[0];
  if (!model) throw notFound();
  const records =
    typeof model.records === 'string'
      ? (JSON.parse(model.records) as ModelRecord[])
      : model.records;
  const summary = addThreatCounts(toSummary(model, role), model.counts);
  return { model: summary, records: sortRecords(records), seq: Number(model.seq), role };
}
