import path from 'node:path';
import type { Writable } from 'node:stream';
import pc from 'picocolors';

/** Colour helpers; every function is the identity when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

/** What a command needs from its surroundings: injected so tests and the dev launcher can set them. */
export interface CliContext {
  /** Directory relative FILE / OUT paths resolve against (the directory the user ran the command in). */
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  /** Colours for stdout and stderr, decided separately: `threatloom … | less` keeps colour on stderr only. */
  out: Colors;
  err: Colors;
  /** No colour: for text written to files. */
  plain: Colors;
  env: NodeJS.ProcessEnv;
}

/**
 * Colour only for a terminal: piped or redirected output (and `NO_COLOR`, `TERM=dumb`)
 * stays plain. picocolors' own detection also turns colour on when `CI` is set, which
 * would put escape codes into files written by CI jobs, so the decision is made here.
 */
function colorsFor(stream: Writable, env: NodeJS.ProcessEnv): Colors {
  const tty = (stream as Writable & { isTTY?: boolean }).isTTY === true;
  return pc.createColors(tty && env.NO_COLOR === undefined && env.TERM !== 'dumb');
}

/** Context of a real process run from `cwd`. */
export function processContext(cwd: string): CliContext {
  return {
    cwd,
    stdout: process.stdout,
    stderr: process.stderr,
    out: colorsFor(process.stdout, process.env),
    err: colorsFor(process.stderr, process.env),
    plain: pc.createColors(false),
    env: process.env,
  };
}

/** A user-given path, resolved against the directory the user ran the command in. */
export function resolvePath(ctx: CliContext, p: string): string {
  return path.resolve(ctx.cwd, p);
}
