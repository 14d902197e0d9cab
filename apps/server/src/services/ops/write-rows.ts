import type { ModelRecord } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';
import { recordRow } from './record-row';

type Tx = Prisma.TransactionClient;

export interface OpLogRow {
  seq: number;
  opId: string;
  actor: string;
  op: unknown;
}

export interface CommitWrite {
  modelId: string;
  /** Records that no longer exist after the commit. */
  deletedIds: string[];
  /** Records created or changed by the commit, as they are now. */
  records: ModelRecord[];
  /** One row per accepted op. */
  log: OpLogRow[];
  /** The model's seq after the commit. */
  seq: number;
  /** The model record's title when the commit changed it (kept in `models` for listing). */
  title?: string;
}

/**
 * Every row write of one commit in a single statement, whatever the batch
 * size: the rows travel as JSON parameters that PostgreSQL unpacks with
 * `jsonb_to_recordset`, and data-modifying CTEs delete, upsert, append to the
 * op log and advance the model's seq together. One round trip instead of four
 * matters because a commit holds the model's row lock: its latency caps how
 * many commits per second one model can take. (Prisma has no bulk upsert, and
 * its createMany binds every cell as its own parameter.) The deleted and
 * upserted ids are disjoint, so the CTEs never touch the same row.
 */
export async function writeCommit(tx: Tx, write: CommitWrite): Promise<void> {
  const { modelId } = write;
  const rows = write.records.map((r) => {
    const row = recordRow(modelId, r);
    return {
      id: row.id,
      type_name: row.typeName,
      diagram_id: row.diagramId ?? null,
      parent_id: row.parentId ?? null,
      status: row.status ?? null,
      severity: row.severity ?? null,
      data: r,
    };
  });
  const log = write.log.map((r) => ({ seq: r.seq, op_id: r.opId, actor: r.actor, op: r.op }));
  await tx.$executeRaw`
    WITH deleted AS (
      DELETE FROM records
      WHERE model_id = ${modelId} AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(write.deletedIds)}::jsonb))
    ), upserted AS (
      INSERT INTO records (model_id, id, type_name, diagram_id, parent_id, status, severity, data)
      SELECT ${modelId}, x.id, x.type_name, x.diagram_id, x.parent_id, x.status, x.severity, x.data
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(id text, type_name text, diagram_id text, parent_id text, status text, severity text, data jsonb)
      ON CONFLICT (model_id, id) DO UPDATE SET
        type_name = EXCLUDED.type_name, diagram_id = EXCLUDED.diagram_id, parent_id = EXCLUDED.parent_id,
        status = EXCLUDED.status, severity = EXCLUDED.severity, data = EXCLUDED.data
    ), logged AS (
      INSERT INTO op_log (model_id, seq, op_id, actor, op)
      SELECT ${modelId}, x.seq, x.op_id, x.actor, x.op
      FROM jsonb_to_recordset(${JSON.stringify(log)}::jsonb) AS x(seq integer, op_id text, actor text, op jsonb)
    )
    UPDATE models SET seq = ${write.seq}, updated_at = now(), title = COALESCE(${write.title ?? null}::text, title)
    WHERE id = ${modelId}`;
}
