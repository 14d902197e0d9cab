import { newId } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { notFound } from '../app-error';
import { commitOps, type PublishCommit } from '../ops/commit-ops';

/** Sets fields of the model record (title, summary, review state…) as one op, broadcast to live sockets. */
export async function patchModel(options: {
  db: Db;
  modelId: string;
  actor: string;
  fields: Record<string, unknown>;
  publish: PublishCommit;
}): Promise<number> {
  const { db, modelId, actor, fields, publish } = options;
  const record = await db.record.findFirst({
    where: { modelId, typeName: 'model' },
    select: { id: true },
  });
  if (!record) throw notFound();
  const { seq } = await commitOps({
    db,
    modelId,
    actor,
    atomic: true,
    publish,
    ops: [{ opId: newId(), op: { type: 'patch', id: record.id, fields } }],
  });
  return seq;
}
