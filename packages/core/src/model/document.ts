import { z } from 'zod';
import { ValidationError, zodIssues, type Issue } from './errors';
import { checkReferences } from './integrity';
import { flowProtocol } from './protocols';
import {
  DEFAULT_MODEL_LIMITS,
  hasTooLongText,
  LimitError,
  modelTooLargeMessage,
  type ModelLimits,
} from './limits';
import { ZModelRecord, type ModelRecord, type ThreatModelRecord } from './records';

/** Marker and current version of Threatloom's own JSON format. */
export const NATIVE_FORMAT = 'threatloom';
export const NATIVE_VERSION = 1;

export const ZNativeDocument = z
  .object({
    format: z.literal(NATIVE_FORMAT),
    version: z.literal(NATIVE_VERSION),
    /** ISO timestamp, informational only. */
    exportedAt: z.string().max(64).optional(),
    /** Every record of the model: exactly one `model` record, then diagrams, elements, threats… */
    records: z.array(ZModelRecord).max(1_000_000),
  })
  .strict();
export type NativeDocument = z.infer<typeof ZNativeDocument>;

/**
 * Upgrades an older native document one version at a time. Each entry takes a
 * document of version `n` and returns version `n + 1`. Empty while only
 * version 1 exists; the next format change adds `1: (doc) => …` here.
 */
export const NATIVE_MIGRATIONS: Record<
  number,
  (doc: Record<string, unknown>) => Record<string, unknown>
> = {};

/** Brings a parsed JSON object of any known native version up to the current one. */
export function migrateNative(input: Record<string, unknown>): Record<string, unknown> {
  let doc = input;
  let version = typeof doc.version === 'number' ? doc.version : NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new ValidationError([{ path: 'version', message: 'missing or invalid format version' }]);
  }
  if (version > NATIVE_VERSION) {
    throw new ValidationError([
      {
        path: 'version',
        message: `version ${version} is newer than this Threatloom understands (${NATIVE_VERSION})`,
      },
    ]);
  }
  while (version < NATIVE_VERSION) {
    const step = NATIVE_MIGRATIONS[version];
    if (!step)
      throw new ValidationError([
        { path: 'version', message: `no migration from version ${version}` },
      ]);
    doc = step(doc);
    version += 1;
  }
  return doc;
}

/** Problems across a whole record set: duplicate ids, model record count, dangling references. */
export function checkDocument(records: readonly ModelRecord[]): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map<string, ModelRecord>();
  records.forEach((r, i) => {
    if (byId.has(r.id)) issues.push({ path: `records[${i}].id`, message: `duplicate id ${r.id}` });
    byId.set(r.id, r);
  });
  const models = records.filter((r) => r.typeName === 'model').length;
  if (models !== 1)
    issues.push({
      path: 'records',
      message: `a model document needs exactly one model record, found ${models}`,
    });
  records.forEach((r, i) => {
    for (const issue of checkReferences(r, byId))
      issues.push({ path: `records[${i}].${issue.path}`, message: issue.message });
  });
  return issues;
}

/**
 * Contradictions in a valid model that its authors should resolve; unlike `checkDocument`'s
 * issues they never make a document invalid. Today: a flow marked encrypted whose protocol the
 * protocol catalogue knows to be unencrypted (`isEncrypted` and `HTTP`). The threat rules trust the
 * mark and suggest no plaintext threat for such a flow, so this warning is where the conflict shows.
 */
export function modelWarnings(records: readonly ModelRecord[]): Issue[] {
  const warnings: Issue[] = [];
  records.forEach((r, i) => {
    if (r.typeName !== 'flow' || !r.isEncrypted) return;
    const parsed = flowProtocol(r);
    if (parsed?.encrypted !== false) return;
    const said = r.protocol.trim() !== '' ? `protocol "${r.protocol}"` : `name "${r.name}"`;
    warnings.push({
      path: `records[${i}].isEncrypted`,
      message: `flow "${r.name}" is marked encrypted, but its ${said} names ${parsed.name}, which is not encrypted: correct the protocol or the mark`,
    });
  });
  return warnings;
}

/** Whether a parsed JSON value claims to be a native document. */
export function isNativeDocument(json: unknown): json is { format: string } {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === NATIVE_FORMAT
  );
}

/**
 * Parses and validates a native document (any known version), throwing a
 * `ValidationError` whose issues name each JSON path and problem.
 */
export function parseNativeDocument(
  json: unknown,
  limits: ModelLimits = DEFAULT_MODEL_LIMITS,
): NativeDocument {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValidationError([{ path: '', message: 'expected a JSON object' }]);
  }
  const migrated = migrateNative(json as Record<string, unknown>);
  // Refused before any record is checked: the count alone decides.
  const raw = (migrated as { records?: unknown }).records;
  if (Array.isArray(raw) && raw.length > limits.maxRecords)
    throw new LimitError('model_too_large', [
      { path: 'records', message: modelTooLargeMessage(limits, 'records') },
    ]);
  const parsed = ZNativeDocument.safeParse(migrated);
  if (!parsed.success)
    throw hasTooLongText(parsed.error)
      ? new LimitError('text_too_long', zodIssues(parsed.error))
      : new ValidationError(zodIssues(parsed.error));
  const issues = checkDocument(parsed.data.records);
  if (issues.length > 0) throw new ValidationError(issues);
  return parsed.data;
}

/** Wraps records as a current-version native document. */
export function toNativeDocument(
  records: readonly ModelRecord[],
  exportedAt?: string,
): NativeDocument {
  return {
    format: NATIVE_FORMAT,
    version: NATIVE_VERSION,
    ...(exportedAt ? { exportedAt } : {}),
    records: [...records],
  };
}

/** The model record of a record set. */
export function modelRecordOf(records: Iterable<ModelRecord>): ThreatModelRecord {
  for (const r of records) if (r.typeName === 'model') return r;
  throw new ValidationError([{ path: 'records', message: 'no model record' }]);
}
