import type { z } from 'zod';

/** One problem in an input, located by a JSON path such as `records[3].category`. */
export interface Issue {
  path: string;
  message: string;
}

/** Thrown (or returned) when input does not fit a schema or an invariant. */
export class ValidationError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[], summary?: string) {
    const first = issues[0];
    super(summary ?? (first ? `${first.path || '(root)'}: ${first.message}` : 'invalid input'));
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Renders a path array as `a.b[2].c`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Zod issues as located, readable issues (a prefix path places them in a larger document). */
export function zodIssues(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): Issue[] {
  return error.issues.map((i) => ({
    path: formatPath([...prefix, ...i.path]),
    message: i.message,
  }));
}
