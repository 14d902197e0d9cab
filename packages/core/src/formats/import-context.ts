import { checkDocument } from '../model/document';
import type { z } from 'zod';
import { formatPath, ValidationError, type Issue } from '../model/errors';
import { ID_PATTERN, newId as randomId } from '../model/ids';
import { ZModelRecord, type ModelRecord } from '../model/records';
import type { ImportOptions } from './types';

/**
 * Bookkeeping every importer shares: warnings, id allocation (keep the
 * source's id when it is a valid, unused id; otherwise generate one) and the
 * final check that the records form a valid native model.
 */
export class ImportContext {
  readonly warnings: Issue[] = [];
  private readonly used = new Set<string>();
  private readonly generate: () => string;

  constructor(options: ImportOptions = {}) {
    this.generate = options.newId ?? randomId;
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** A fresh id, never one already handed out. */
  freshId(): string {
    for (;;) {
      const id = this.generate();
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  /**
   * `wanted` when it is a valid id not yet used, so re-importing a file gives
   * the same ids; a fresh id otherwise (with a warning naming `path` when the
   * source had an id that could not be kept).
   */
  keepId(wanted: unknown, path: string): string {
    if (typeof wanted === 'string' && ID_PATTERN.test(wanted) && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    if (typeof wanted === 'string' && wanted !== '') {
      this.warn(
        path,
        this.used.has(wanted)
          ? `id ${wanted} is used twice; given a new id`
          : `id ${JSON.stringify(wanted.slice(0, 40))} is not a valid id; given a new id`,
      );
    }
    return this.freshId();
  }

  private readonly sources = new WeakMap<object, string>();

  /** Remembers where in the input a record came from, so problems with it are reported there. */
  from<T extends object>(record: T, path: string): T {
    this.sources.set(record, path);
    return record;
  }

  /**
   * Fills schema defaults and checks the whole set. Text longer than a field
   * allows is cut to fit, with a warning; any other problem is reported as a
   * ValidationError at the input path the record came from.
   */
  finish(records: readonly Record<string, unknown>[]): ModelRecord[] {
    const out: ModelRecord[] = [];
    const issues: Issue[] = [];
    records.forEach((r, i) => {
      const where = this.sources.get(r) ?? `records[${i}]`;
      let parsed = ZModelRecord.safeParse(r);
      if (!parsed.success && this.cutLongText(r, parsed.error, where))
        parsed = ZModelRecord.safeParse(r);
      if (parsed.success) out.push(parsed.data);
      else
        issues.push(
          ...parsed.error.issues.map((issue) => ({
            path: where,
            message: `${formatPath(issue.path)}: ${issue.message}`,
          })),
        );
    });
    issues.push(...checkDocument(out));
    if (issues.length > 0) throw new ValidationError(issues);
    return out;
  }

  /** Cuts over-long strings named by `error` to their maximum length; true when anything was cut. */
  private cutLongText(record: Record<string, unknown>, error: z.ZodError, where: string): boolean {
    let cut = false;
    for (const issue of error.issues) {
      if (issue.code !== 'too_big' || issue.origin !== 'string') continue;
      const max = Number(issue.maximum);
      const [field, index] = issue.path;
      if (typeof field !== 'string') continue;
      const value = record[field];
      if (typeof value === 'string') record[field] = value.slice(0, max);
      else if (
        Array.isArray(value) &&
        typeof index === 'number' &&
        typeof value[index] === 'string'
      )
        value[index] = (value[index] as string).slice(0, max);
      else continue;
      cut = true;
      this.warn(where, `${formatPath(issue.path)} is longer than ${max} characters; cut to fit`);
    }
    return cut;
  }
}

/** First line of a text, cut to `max` characters: a title for a long free text. */
export function firstLine(text: string, max = 200): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
