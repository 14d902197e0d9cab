import { newId, type ModelRecord } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { commitOps } from '../ops/commit-ops';
import { summariseModel } from './count-threats';
import type { ModelSummary } from './model-summary';

/**
 * Creates a model owned by `userId` holding `records` (put in the order given,
 * parents first), all or nothing. Without records it gets a model record and
 * one default diagram. The new model's id is also its model record's id
 * unless the records bring their own. A model record with no owner (a new
 * model, or an import or copy that names none) gets the creator's name.
 */
export async function createModel(options: {
  db: Db;
  userId: string;
  title: string;
  summary?: string;
  records?: ModelRecord[];
}): Promise<ModelSummary> {
  const { db, userId } = options;
  const id = newId();
  const creator = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true },
  });
  // The name the app shows for an account: its name, else the local part of its email.
  const owner = creator.name.trim() || creator.email.split('@')[0]!;
  const records: unknown[] = options.records?.map((r) =>
    r.typeName === 'model' && !r.owner.trim() ? { ...r, owner } : r,
  ) ?? [
    { id, typeName: 'model', title: options.title, summary: options.summary ?? '', owner },
    { id: newId(), typeName: 'diagram', title: 'Main diagram' },
  ];
  await db.model.create({
    data: {
      id,
      title: options.title,
      createdBy: userId,
      memberships: { create: { userId, role: 'owner' } },
    },
  });
  try {
    await commitOps({
      db,
      modelId: id,
      actor: userId,
      atomic: true,
      // A new model's records are a document: authorship the file states is not taken as an account's.
      origin: options.records ? 'document' : 'edit',
      ops: records.map((record) => ({ opId: newId(), op: { type: 'put', record } })),
    });
  } catch (err) {
    await db.model.delete({ where: { id } }).catch(() => {});
    throw err;
  }
  return summariseModel({ db, modelId: id, role: 'owner' });
}
