import type { z } from 'zod';
import { ValidationError, type Issue } from './errors';
import { ELEMENT_KINDS } from './keys';

/** The element typeNames, for counting. */
export const ELEMENT_KIND_SET: ReadonlySet<string> = new Set(ELEMENT_KINDS);

/**
 * How much one threat model may hold: the bounds that keep the work of one
 * request (a commit, a join, an import, a report) bounded. Every write path
 * (socket ops, REST, import, threat generation, library apply) goes through
 * `decideCommit`, which refuses an op that would pass a count with
 * `model_too_large`; the record schemas in `records.ts` cap each text field
 * and a longer string is refused with `text_too_long`. docs/limits.md lists
 * them; a server may lower or raise the counts (`MAX_ELEMENTS_PER_MODEL`,
 * `MAX_RECORDS_PER_MODEL`).
 */
export interface ModelLimits {
  /** Diagram elements (actors, processes, stores, flows, boundaries, boundary lines, notes) in one model. */
  maxElements: number;
  /** Records of every kind (model, diagrams, elements, threats, mitigations, comments) in one model. */
  maxRecords: number;
}

export const DEFAULT_MODEL_LIMITS: Readonly<ModelLimits> = Object.freeze({
  maxElements: 100_000,
  maxRecords: 250_000,
});

/** Characters of a long text field: descriptions, summaries, scope, review notes, comment bodies. */
export const MAX_TEXT_CHARS = 50_000;
/** Characters of a name or title. */
export const MAX_NAME_CHARS = 1_000;
/** Characters of a short field: owner, reviewer, score, protocol, privilege level, tags. */
export const MAX_SHORT_TEXT_CHARS = 500;

/** Stable codes of a refusal for size; clients branch on them. */
export type LimitCode = 'model_too_large' | 'text_too_long';

/** Whether a zod failure is (at least partly) a string longer than its field allows. */
export function hasTooLongText(error: z.ZodError): boolean {
  return error.issues.some((i) => i.code === 'too_big' && i.origin === 'string');
}

/** The refusal message of a model at its limit. */
export function modelTooLargeMessage(limits: ModelLimits, what: 'elements' | 'records'): string {
  const max = what === 'elements' ? limits.maxElements : limits.maxRecords;
  return `a threat model holds at most ${max.toLocaleString('en-US')} ${what}`;
}

/**
 * Whether a record set fits the limits; the refusal message when it does not.
 * For whole documents (imports, copies) before any of it is written.
 */
export function checkModelSize(
  records: Iterable<{ typeName: string }>,
  limits: ModelLimits = DEFAULT_MODEL_LIMITS,
): string | undefined {
  let all = 0;
  let elements = 0;
  for (const r of records) {
    all += 1;
    if (ELEMENT_KIND_SET.has(r.typeName)) elements += 1;
  }
  if (elements > limits.maxElements) return modelTooLargeMessage(limits, 'elements');
  if (all > limits.maxRecords) return modelTooLargeMessage(limits, 'records');
  return undefined;
}

/**
 * A `ValidationError` for input over a size limit: a whole document with too
 * many records, or text longer than its field. `code` is the stable code
 * transports answer with instead of a generic validation failure.
 */
export class LimitError extends ValidationError {
  readonly code: LimitCode;
  constructor(code: LimitCode, issues: Issue[], summary?: string) {
    super(issues, summary);
    this.name = 'LimitError';
    this.code = code;
  }
}
