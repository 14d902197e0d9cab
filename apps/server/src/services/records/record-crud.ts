import { COMMENT_AUTHOR_FIELDS, newId, type ModelRecord } from '@threatloom/core';
import type { AuthUser } from '../../auth/types';
import type { Db } from '../../db/open-database';
import { AppError, notFound } from '../app-error';
import { commitOps, type PublishCommit } from '../ops/commit-ops';
import { RECORD_KINDS, type RecordKind } from './record-kinds';

const typesOf = (kind: RecordKind): readonly string[] => RECORD_KINDS[kind];

/** Records of one collection of a model. */
export async function listRecords(options: {
  db: Db;
  modelId: string;
  kind: RecordKind;
}): Promise<ModelRecord[]> {
  const rows = await options.db.record.findMany({
    where: { modelId: options.modelId, typeName: { in: [...typesOf(options.kind)] } },
    orderBy: { id: 'asc' },
    select: { data: true },
  });
  return rows.map((r) => r.data as unknown as ModelRecord);
}

/** One record, if it is in this model and this collection; anything else is a 404. */
export async function getRecord(options: {
  db: Db;
  modelId: string;
  kind: RecordKind;
  id: string;
}): Promise<ModelRecord> {
  const row = await options.db.record.findUnique({
    where: { modelId_id: { modelId: options.modelId, id: options.id } },
    select: { data: true, typeName: true },
  });
  if (!row || !typesOf(options.kind).includes(row.typeName)) throw notFound('record');
  return row.data as unknown as ModelRecord;
}

/**
 * Creates a record from a POST body. `typeName` is implied by the collection
 * (elements name their kind); a missing `id` is generated.
 */
export async function createRecord(options: {
  db: Db;
  modelId: string;
  kind: RecordKind;
  user: AuthUser;
  body: Record<string, unknown>;
  publish: PublishCommit;
}): Promise<ModelRecord> {
  const { db, modelId, kind, user, body, publish } = options;
  const types = typesOf(kind);
  const typeName = types.length === 1 ? types[0] : body.typeName;
  if (typeof typeName !== 'string' || !types.includes(typeName)) {
    throw new AppError('validation_failed', `typeName: expected one of ${types.join(', ')}`, {
      issues: [{ path: 'typeName', message: `expected one of ${types.join(', ')}` }],
    });
  }
  const record: Record<string, unknown> = { ...body, typeName, id: body.id ?? newId() };
  // A comment's author and time are the server's (commitOps stamps them, core's stampOp): what the body says is ignored.
  if (kind === 'comments') for (const field of COMMENT_AUTHOR_FIELDS) delete record[field];
  if (
    typeof record.id === 'string' &&
    (await db.record.findUnique({
      where: { modelId_id: { modelId, id: record.id } },
      select: { id: true },
    }))
  ) {
    throw new AppError('exists', `record ${record.id} exists; PATCH it instead`);
  }
  const { results } = await commitOps({
    db,
    modelId,
    actor: user.id,
    atomic: true,
    publish,
    ops: [{ opId: newId(), op: { type: 'put', record } }],
  });
  const result = results[0]!;
  if (!result.ok || result.op.type !== 'put')
    throw new Error('atomic commit returned a rejected op');
  return result.op.record;
}

/** Sets fields of a record of this collection. */
export async function patchRecord(options: {
  db: Db;
  modelId: string;
  kind: RecordKind;
  id: string;
  actor: string;
  fields: Record<string, unknown>;
  publish: PublishCommit;
}): Promise<ModelRecord> {
  const { db, modelId, kind, id, actor, fields, publish } = options;
  await getRecord({ db, modelId, kind, id });
  const { results } = await commitOps({
    db,
    modelId,
    actor,
    atomic: true,
    publish,
    ops: [{ opId: newId(), op: { type: 'patch', id, fields } }],
  });
  const result = results[0]!;
  if (!result.ok || !result.record) throw new Error('atomic commit returned a rejected op');
  return result.record;
}

/** Removes a record of this collection with everything that depends on it. */
export async function removeRecord(options: {
  db: Db;
  modelId: string;
  kind: RecordKind;
  id: string;
  actor: string;
  publish: PublishCommit;
}): Promise<void> {
  const { db, modelId, kind, id, actor, publish } = options;
  await getRecord({ db, modelId, kind, id });
  await commitOps({
    db,
    modelId,
    actor,
    atomic: true,
    publish,
    ops: [{ opId: newId(), op: { type: 'remove', id } }],
  });
}
