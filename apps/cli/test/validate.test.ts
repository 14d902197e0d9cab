import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasAnsi, hasStackTrace, tempDir, threatloom } from './run-cli';
import { writeNativeModel as nativeFile } from './sample-model';

/** The failure contract: non-zero exit, exactly one `error: …` line on stderr, no stack trace, no colour. */
function expectOneLineError(result: { code: number; stderr: string }, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(hasAnsi(result.stderr)).toBe(false);
}

describe('threatloom validate', { timeout: 60_000 }, () => {
  it('lists a flow marked encrypted over a plaintext protocol as a warning, still valid', async () => {
    const dir = tempDir();
    nativeFile(dir, (records) => {
      const flow = records.find((r) => r.id === 'f1')!;
      Object.assign(flow, { protocol: 'HTTP', isEncrypted: true });
    });
    const result = await threatloom(['validate', 'model.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid');
    expect(result.stdout).toContain('  warnings:    1');
    expect(result.stdout).toMatch(
      /warning: flow "order" is marked encrypted, but its protocol "HTTP" names HTTP, which is not encrypted/,
    );
    const generated = await threatloom(['generate', 'model.json'], { cwd: dir });
    expect(generated.code).toBe(0);
    expect(generated.stderr).toMatch(/^warning: flow "order" is marked encrypted/);
    expect(generated.stdout).not.toContain('property.flow.plaintext-protocol');
  });

  it('reports the format and counts of a valid native model and exits 0', async () => {
    const dir = tempDir();
    nativeFile(dir, (records) => {
      records.push({
        id: 'c1',
        typeName: 'comment',
        targetId: 'p1',
        body: 'Is the session cookie httpOnly?',
      });
    });
    const result = await threatloom(['validate', 'model.json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('model.json: valid Threatloom native model');
    expect(result.stdout).toMatch(/diagrams: +1\n/);
    expect(result.stdout).toMatch(/elements: +3 \(actor 1, process 1, flow 1\)\n/);
    expect(result.stdout).toMatch(/threats: +1 \(mitigated 1\)\n/);
    expect(result.stdout).toMatch(/comments: +1\n/);
    expect(hasAnsi(result.stdout)).toBe(false);
  });

  it('fails with one line naming the JSON path of a wrong field, and lists every problem on stdout', async () => {
    const dir = tempDir();
    nativeFile(dir, (records) => {
      records[3]!.x = 'left';
      records[5]!.status = 'done-ish';
    });
    const result = await threatloom(['validate', 'model.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLineError(result, /^error: .+ at records\[3\]\.x \(and 1 more problem\)$/);
    expect(result.stdout).toContain('model.json: invalid (2 problems)');
    expect(result.stdout).toMatch(/at records\[5\]\.status\n/);
  });

  it('fails on a reference to a missing element, naming the path', async () => {
    const dir = tempDir();
    nativeFile(dir, (records) => {
      records[4]!.targetId = 'ghost';
    });
    const result = await threatloom(['validate', 'model.json'], { cwd: dir });
    expectOneLineError(result, /^error: .*ghost does not exist at records\[4\]\.targetId$/);
  });

  it('fails on a missing file with one line and no stack trace', async () => {
    const result = await threatloom(['validate', 'no-such-model.json'], { cwd: tempDir() });
    expectOneLineError(result, /^error: cannot read no-such-model\.json: no such file$/);
  });

  it('fails on a file that is not JSON with one line even when the parser quotes several lines', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'broken.json'),
      '{\n  "format": "threatloom",\n  "records": [\n}\n',
    );
    const result = await threatloom(['validate', 'broken.json'], { cwd: dir });
    expectOneLineError(result, /^error: broken\.json is not valid JSON: /);
  });

  it('locates a JSON syntax error by line and column', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'comma.json'),
      '{\n  "format": "threatloom",\n  "version": 1,\n}\n',
    );
    const result = await threatloom(['validate', 'comma.json'], { cwd: dir });
    expectOneLineError(result, /^error: comma\.json is not valid JSON: .+\(line 4 column 1\)$/);
  });

  it('fails on JSON that is no known model format', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'list.json'), '[1, 2, 3]');
    const result = await threatloom(['validate', 'list.json'], { cwd: dir });
    expectOneLineError(result, /^error: .+ at /);
  });

  it('fails when FILE is a directory', async () => {
    const result = await threatloom(['validate', '.'], { cwd: tempDir() });
    expectOneLineError(result, /^error: cannot read \.: is a directory, not a file$/);
  });

  it('reports a missing FILE argument as a one-line usage error', async () => {
    const result = await threatloom(['validate'], { cwd: tempDir() });
    expectOneLineError(result, /^error: missing required argument 'file'$/);
  });
});
