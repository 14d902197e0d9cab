import type { ModelRecord } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';
import { recordRow } from './record-row';

type Tx = Prisma.TransactionClient;

/**
 * Row writes of one commit, each a single statement whatever the batch size:
 * the rows travel as one JSON parameter and PostgreSQL unpacks them with
 * `jsonb_to_recordset`. Prisma has no bulk upsert, and its createMany binds
 * every column of every row as its own parameter, which made a 4,000-record
 * import spend seconds building queries.
 */
export async function upsertRecords(tx: Tx, modelId: string, records: ModelRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => {
    const row = recordRow(modelId, r);
    return { id: row.id, type_name: row.typeName, diagram_id: row.diagramId ?? null, parent_id: row.parentId ?? null, status: row.status ?? null, severity: row.severity ?? null, data: r };
  });
  await tx.$executeRaw`
    INSERT INTO records (model_id, id, type_name, diagram_id, parent_id, status, severity, data)
    SELECT ${modelId}, x.id, x.type_name, x.diagram_id, x.parent_id, x.status, x.severity, x.data
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(id text, type_name text, diagram_id text, parent_id text, status text, severity text, data jsonb)
    ON CONFLICT (model_id, id) DO UPDATE SET
      type_name = EXCLUDED.type_name, diagram_id = EXCLUDED.diagram_id, parent_id = EXCLUDED.parent_id,
      status = EXCLUDED.status, severity = EXCLUDED.severity, data = EXCLUDED.data`;
}

export async function deleteRecords(tx: Tx, modelId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`DELETE FROM records WHERE model_id = ${modelId} AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

export interface OpLogRow {
  seq: number;
  opId: string;
  actor: string;
  op: unknown;
}

export async function insertOpLog(tx: Tx, modelId: string, rows: OpLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ seq: r.seq, op_id: r.opId, actor: r.actor, op: r.op })));
  await tx.$executeRaw`
    INSERT INTO op_log (model_id, seq, op_id, actor, op)
    SELECT ${modelId}, x.seq, x.op_id, x.actor, x.op
    FROM jsonb_to_recordset(${json}::jsonb) AS x(seq integer, op_id text, actor text, op jsonb)`;
}
