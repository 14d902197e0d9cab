import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, run, tempDir } from './run-cli';
import { writeNativeModel } from './sample-model';

/**
 * `pnpm threatloom …` runs from the repository root whatever directory the user is in;
 * FILE and -o must still resolve against the user's directory.
 */
describe('pnpm threatloom from the repository', { timeout: 60_000 }, () => {
  it('resolves relative paths against the directory pnpm was run in', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'models'));
    writeNativeModel(path.join(dir, 'models'));
    const rel = path.relative(repoRoot, path.join(dir, 'models', 'model.json'));

    const fromRoot = await run('pnpm', ['--silent', 'threatloom', 'validate', rel], {
      cwd: repoRoot,
    });
    expect(fromRoot.stderr).toBe('');
    expect(fromRoot.code).toBe(0);
    expect(fromRoot.stdout).toContain(`${rel}: valid Threatloom native model`);

    // From a subdirectory of the repository (pnpm walks up to the root's package.json).
    const sub = path.join(repoRoot, 'docs');
    const relFromSub = path.relative(sub, path.join(dir, 'models', 'model.json'));
    const out = path.relative(sub, path.join(dir, 'models', 'copy.json'));
    const fromSub = await run(
      'pnpm',
      ['--silent', 'threatloom', 'convert', relFromSub, '--to', 'native', '-o', out],
      { cwd: sub },
    );
    expect(fromSub.stderr).toBe('');
    expect(fromSub.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'models', 'copy.json'), 'utf8')).format).toBe(
      'threatloom',
    );
  });

  it('keeps the failure contract through pnpm: non-zero exit and one error line on stderr', async () => {
    // Without --silent pnpm adds its banner and "Command failed" to stdout, but stderr stays ours.
    const result = await run('pnpm', ['threatloom', 'validate', 'no/such/file.json'], {
      cwd: repoRoot,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe('error: cannot read no/such/file.json: no such file\n');
  });
});
