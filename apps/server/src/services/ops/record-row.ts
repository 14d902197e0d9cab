import type { ModelRecord } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';

/** The row of `records` for a core record: the whole record as JSON plus the columns queries use. */
export function recordRow(modelId: string, r: ModelRecord): Prisma.RecordCreateManyInput {
  const row: Prisma.RecordCreateManyInput = {
    modelId,
    id: r.id,
    typeName: r.typeName,
    data: r as unknown as Prisma.InputJsonValue,
  };
  if ('diagramId' in r) row.diagramId = r.diagramId;
  switch (r.typeName) {
    case 'threat':
      return { ...row, parentId: r.elementId, status: r.status, severity: r.severity };
    case 'mitigation':
      return { ...row, parentId: r.threatId, status: r.status };
    case 'comment':
      return { ...row, parentId: r.targetId };
    default:
      return row;
  }
}
