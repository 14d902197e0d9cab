import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliDir, hasAnsi, tempDir, threatloom } from './run-cli';

describe('threatloom help and version', { timeout: 60_000 }, () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await threatloom(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists every command', async () => {
    const result = await threatloom(['--help']);
    expect(result.code).toBe(0);
    for (const name of [
      'validate <file>',
      'convert [options] <file>',
      'generate [options] <file>',
      'serve [options]',
      'report [options] <file>',
    ]) {
      expect(result.stdout).toContain(`  ${name}`);
    }
    expect(hasAnsi(result.stdout)).toBe(false);
  });

  it.each([
    ['validate', ['<file>']],
    ['convert', ['--to <format>', '-o, --output <out>', 'choices: "native", "threat-dragon"']],
    [
      'generate',
      [
        '--methodology <key>',
        '--format <format>',
        '-o, --output <out>',
        'choices: "json", "table"',
      ],
    ],
    ['serve', ['--port <port>', '--data-dir <dir>', '--database-url <url>']],
  ])('%s --help documents its arguments and options', async (command, expected) => {
    const result = await threatloom([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: threatloom ${command} `));
    for (const text of expected) expect(result.stdout).toContain(text);
  });

  it('refuses a port that is not a number with one line, before starting anything', async () => {
    const dir = tempDir();
    const result = await threatloom(['serve', '--port', 'eighty', '--data-dir', 'db'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: option '-p, --port <port>' argument 'eighty' is invalid. expected a port number from 0 to 65535.\n",
    );
  });

  it('reports an unknown command on one line with a suggestion', async () => {
    const result = await threatloom(['genrate', 'x.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: unknown command 'genrate' (Did you mean generate?)\n");
  });
});
