import type { Comment, ModelRecord, Role } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { notFound } from '../app-error';
import { addThreatCounts, threatCountsColumn, type ThreatCounts } from './count-threats';
import { toSummary, type ModelRow, type ModelSummary } from './model-summary';

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

const ORDER: Record<string, number> = {
  model: 0,
  diagram: 1,
  actor: 2,
  process: 2,
  store: 2,
  boundary: 2,
  note: 2,
  'boundary-line': 2,
  flow: 3,
  threat: 4,
  mitigation: 5,
  comment: 6,
};

/**
 * Records in an order that can be put one by one into an empty model: the
 * model record, diagrams, boxes, flows, threats, mitigations, then comments
 * (each reply after its parent).
 */
export function sortRecords(records: ModelRecord[]): ModelRecord[] {
  const sorted = [...records].sort(
    (a, b) => (ORDER[a.typeName] ?? 9) - (ORDER[b.typeName] ?? 9) || a.id.localeCompare(b.id),
  );
  const comments = sorted.filter((r): r is Comment => r.typeName === 'comment');
  const ids = new Set(comments.map((c) => c.id));
  const placed = new Set<string>();
  const ordered: ModelRecord[] = [];
  let rest = comments;
  while (rest.length > 0) {
    const ready = rest.filter(
      (c) => c.parentId === null || placed.has(c.parentId) || !ids.has(c.parentId),
    );
    if (ready.length === 0) break; // a reply cycle: leave the rest for validation to report
    for (const c of ready) {
      ordered.push(c);
      placed.add(c.id);
    }
    rest = rest.filter((c) => !placed.has(c.id));
  }
  return [...sorted.filter((r) => r.typeName !== 'comment'), ...ordered, ...rest];
}
