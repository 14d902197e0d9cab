import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { builtBundle, hasAnsi, run, tempDir, threatloom } from './run-cli';
import { writeNativeModel } from './sample-model';

/** util-linux `script` runs a command on a pseudo-terminal: the CLI then sees a TTY. */
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('colour', { timeout: 60_000 }, () => {
  it('is off when stdout and stderr are pipes', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const ok = await threatloom(['validate', 'model.json'], { cwd: dir });
    const bad = await threatloom(['validate', 'missing.json'], { cwd: dir });
    expect(hasAnsi(ok.stdout + bad.stderr)).toBe(false);
    expect(bad.stderr).toBe('error: cannot read missing.json: no such file\n');
  });

  it.runIf(hasScript)('is on for a terminal, and off there too with NO_COLOR', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(await builtBundle())} validate model.json`;
    // An undefined value unsets the variable in the child, whatever this process has.
    const env: NodeJS.ProcessEnv = { NO_COLOR: undefined, TERM: 'xterm' };
    const tty = await run('script', ['-qec', command, '/dev/null'], { cwd: dir, env });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain('\u001b[32mvalid\u001b[39m');
    const plain = await run('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      env: { ...env, NO_COLOR: '1' },
    });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('model.json: valid Threatloom native model');
    expect(hasAnsi(plain.stdout)).toBe(false);
  });
});
