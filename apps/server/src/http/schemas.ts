import {
  MAX_NAME_CHARS,
  MAX_TEXT_CHARS,
  ZMethodology,
  ZRole,
  ZThreatModelRecord,
} from '@threatloom/core';
import { z } from 'zod';

/** Request bodies and queries of the REST API; the OpenAPI document is generated from these. */

export const ZCredentials = z
  .object({
    email: z.email().max(320),
    password: z.string().min(8, 'at least 8 characters').max(1_024),
    name: z.string().max(200).optional(),
    /** An invitation link's secret: the new account joins its model (docs/api.md#invitations). */
    invitation: z.string().min(1).max(200).optional(),
  })
  .strict();
export type Credentials = z.infer<typeof ZCredentials>;

export const ZConfirm = z.object({ token: z.string().min(1).max(200) }).strict();

/** Login takes the same body as registration; `name` is accepted and ignored. */
export const ZLogin = z
  .object({
    email: z.email().max(320),
    password: z.string().min(1).max(1_024),
    name: z.string().max(200).optional(),
  })
  .strict();

export const ZCreateToken = z.object({ name: z.string().min(1).max(200) }).strict();
export const ZRevokeToken = z.object({ id: z.string().min(1).max(128) }).strict();

export const ZCreateModel = z
  .object({
    title: z.string().min(1).max(MAX_NAME_CHARS),
    summary: z.string().max(MAX_TEXT_CHARS).optional(),
  })
  .strict();

/** Fields of the model record a PATCH may set. */
export const ZPatchModel = ZThreatModelRecord.omit({ id: true, typeName: true })
  .partial()
  .strict()
  .refine((f) => Object.keys(f).length > 0, 'set at least one field');

export const ZShare = z.object({ email: z.email().max(320), role: ZRole }).strict();
export const ZSetRole = z.object({ role: ZRole }).strict();

export const ZGenerate = z
  .object({
    diagramId: z.string().max(128).optional(),
    elementIds: z.array(z.string().max(128)).max(10_000).optional(),
    methodology: ZMethodology.optional(),
  })
  .strict();

export const ZApplyLibraryEntry = z.object({ elementId: z.string().min(1).max(128) }).strict();

export const ZHistoryQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

export const ZExportQuery = z.object({ format: z.string().max(40).default('native') });

/** A record body for POST: its fields, `id` optional (generated when absent). */
export const ZRecordBody = z.record(z.string().max(100), z.unknown());
/** A PATCH body: the fields to set. */
export const ZFieldsBody = z
  .record(z.string().max(100), z.unknown())
  .refine((f) => Object.keys(f).length > 0, 'set at least one field');

export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** POST/PUT /api/rules: a rule (validated by core's ZRule in the service) and its switch. */
export const ZSaveRule = z.object({ rule: z.unknown(), enabled: z.boolean().optional() }).strict();
/** POST /api/rules/import: a rules file as GET /api/rules/export writes it. */
export const ZRuleFile = z.object({ rules: z.array(z.unknown()) }).strict();
