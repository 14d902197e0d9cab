import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../scripts/build';

export const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(cliDir, '../..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');
export const tdFixture = (...p: string[]) => path.join(fixturesDir, 'threat-dragon', ...p);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and collects its exit code and output (never rejects). */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd: options.cwd, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let bundle: Promise<string> | undefined;

/**
 * The self-contained bundle `pnpm --filter @threatloom/cli build` makes, built once per
 * test file. It goes inside the checkout (a gitignored cache) rather than /tmp because
 * `serve` finds the server and tsx up the tree from the bundle, as in the Docker image.
 */
export function builtBundle(): Promise<string> {
  const cache = path.join(cliDir, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  if (!bundle) {
    const dir = mkdtempSync(path.join(cache, 'tl-cli-bundle-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    bundle = buildBundle(path.join(dir, 'threatloom.js'));
  }
  return bundle;
}

/** Runs the real, bundled `threatloom` in `cwd` (a temp dir unless given). */
export async function threatloom(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return run(process.execPath, [await builtBundle(), ...args], {
    cwd: options.cwd ?? os.tmpdir(),
    env: options.env,
  });
}

/** A fresh temp directory for a test's files. */
export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'tl-cli-'));
}

/** True when the text holds an ANSI escape sequence. */
export const hasAnsi = (text: string) => text.includes('\u001b[');

/** A Node stack frame line: what users must never see. */
export const hasStackTrace = (text: string) => /^\s+at .+:\d+:\d+\)?$/m.test(text);
