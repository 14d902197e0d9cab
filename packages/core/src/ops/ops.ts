import { z } from 'zod';
import { ZId, ZModelRecord, type ModelRecord } from '../model/records';

/**
 * The edit vocabulary. Every change to a model, from the editor, the REST API,
 * an import or the threat engine, is a list of these.
 */
export const ZPutOp = z.object({ type: z.literal('put'), record: ZModelRecord }).strict();
export const ZPatchOp = z
  .object({
    type: z.literal('patch'),
    id: ZId,
    /** Fields to set; `id` and `typeName` cannot change. */
    fields: z
      .record(z.string().max(100), z.unknown())
      .refine((f) => Object.keys(f).length > 0, 'patch sets no field'),
  })
  .strict();
export const ZRemoveOp = z.object({ type: z.literal('remove'), id: ZId }).strict();
export const ZOp = z.discriminatedUnion('type', [ZPutOp, ZPatchOp, ZRemoveOp]);

export type PutOp = z.infer<typeof ZPutOp>;
export type PatchOp = z.infer<typeof ZPatchOp>;
export type RemoveOp = z.infer<typeof ZRemoveOp>;
export type Op = z.infer<typeof ZOp>;

/** A mutable set of records by id: the state ops apply to. */
export type RecordMap = Map<string, ModelRecord>;

/** Builds a RecordMap from a list of records. */
export function toRecordMap(records: Iterable<ModelRecord>): RecordMap {
  const map: RecordMap = new Map();
  for (const r of records) map.set(r.id, r);
  return map;
}
