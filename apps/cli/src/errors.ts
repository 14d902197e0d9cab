import { ValidationError, type Issue } from '@threatloom/core';

/** An expected failure: its message is shown as is, on one line, and the process exits with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * Collapses any whitespace run (newlines from JSON.parse excerpts included) so a message
 * stays one line, and drops other control characters: names from a hostile model must
 * not smuggle terminal escape sequences into the user's terminal.
 */
export function oneLine(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .trim()
  );
}

/** `<message> at <path>`: the one way the CLI locates a problem or warning in a file. */
export function issueLine(issue: Issue): string {
  return oneLine(`${issue.message} at ${issue.path || '(root)'}`);
}

/**
 * The single line the CLI prints for a failure, without the `error: ` prefix:
 * `<reason> at <json path>` for invalid input, plus how many more problems there are.
 * Anything unexpected is reduced to its message: users never see a stack trace.
 */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) {
    const [first, ...rest] = error.issues;
    if (!first) return oneLine(error.message);
    const more =
      rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    return issueLine(first) + more;
  }
  if (error instanceof Error) return oneLine(error.message) || error.name;
  return oneLine(String(error));
}
