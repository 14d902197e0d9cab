import { checkDocument } from '../model/document';
import { ValidationError, zodIssues, type Issue } from '../model/errors';
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
      this.warn(path, this.used.has(wanted) ? `id ${wanted} is used twice; given a new id` : `id ${JSON.stringify(wanted.slice(0, 40))} is not a valid id; given a new id`);
    }
    return this.freshId();
  }

  /** Fills schema defaults and checks the whole set; a failure here is an importer bug, reported as a ValidationError. */
  finish(records: readonly unknown[]): ModelRecord[] {
    const out: ModelRecord[] = [];
    const issues: Issue[] = [];
    records.forEach((r, i) => {
      const parsed = ZModelRecord.safeParse(r);
      if (parsed.success) out.push(parsed.data);
      else issues.push(...zodIssues(parsed.error, ['records', i]));
    });
    issues.push(...checkDocument(out));
    if (issues.length > 0) throw new ValidationError(issues);
    return out;
  }
}

/** First line of a text, cut to `max` characters: a title for a long free text. */
export function firstLine(text: string, max = 200): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
