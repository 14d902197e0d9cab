import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, tdFixture, tempDir, threatloom } from './run-cli';
import { writeNativeModel } from './sample-model';

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The sample model plus an open critical threat, so filters have something to tell apart. */
function modelWithTwoThreats(dir: string): void {
  writeNativeModel(dir, (records) => {
    records.push({
      id: 't2',
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'f1',
      category: 'tampering',
      title: 'Order tampering',
      severity: 'critical',
    });
  });
}

// Each case starts the real bundled CLI (a second or more on a busy machine).
describe('threatloom report', { timeout: 60_000 }, () => {
  it('writes a PDF with the cover, summary, diagram and every threat, printing nothing on success', async () => {
    const dir = tempDir();
    modelWithTwoThreats(dir);
    const result = await threatloom(['report', 'model.json', '-o', 'report.pdf'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const file = path.join(dir, 'report.pdf');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file);
    for (const s of [
      'Shop',
      'Executive summary',
      'Diagram: Checkout',
      'Threats: Checkout',
      'Fake session',
      'Order tampering',
    ])
      expect(text).toContain(s);
  });

  it('writes the PDF to stdout with -o -', async () => {
    const dir = tempDir();
    modelWithTwoThreats(dir);
    const result = await threatloom(['report', 'model.json', '-o', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('%PDF-')).toBe(true);
    expect(result.stdout.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('applies --no-mitigated, --severity, --status and --no-diagrams', async () => {
    const dir = tempDir();
    modelWithTwoThreats(dir);
    const runs: [string[], string[], string[]][] = [
      [['--no-mitigated'], ['Order tampering'], ['Fake session']],
      [['--severity', 'critical,high'], ['Order tampering'], ['Fake session']],
      [['--status', 'mitigated'], ['Fake session'], ['Order tampering']],
      [['--no-diagrams'], ['Fake session', 'Order tampering'], ['Diagram: Checkout']],
      [['--empty', '--properties'], ['Actor: Customer', 'Properties:'], []],
    ];
    for (const [flags, present, absent] of runs) {
      const result = await threatloom(['report', 'model.json', '-o', 'r.pdf', ...flags], {
        cwd: dir,
      });
      expect(result.code, flags.join(' ')).toBe(0);
      const text = pdfText(path.join(dir, 'r.pdf'));
      for (const s of present) expect(text, `${flags.join(' ')} shows ${s}`).toContain(s);
      for (const s of absent) expect(text, `${flags.join(' ')} hides ${s}`).not.toContain(s);
    }
  });

  it('refuses an unknown severity with one line naming the flag and the choices, writing no file', async () => {
    const dir = tempDir();
    modelWithTwoThreats(dir);
    const result = await threatloom(
      ['report', 'model.json', '-o', 'r.pdf', '--severity', 'high,urgent'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: --severity: unknown value "urgent" (choose from critical, high, medium, low, tbd)\n',
    );
    expect(existsSync(path.join(dir, 'r.pdf'))).toBe(false);
  });

  it('requires -o and reports an invalid model by its JSON path without a stack trace', async () => {
    const dir = tempDir();
    writeNativeModel(dir, (records) => {
      (records[5] as Record<string, unknown>).severity = 'urgent';
    });
    const noOut = await threatloom(['report', 'model.json'], { cwd: dir });
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toMatch(/^error: required option '-o, --output <pdf>' not specified\n$/);
    const bad = await threatloom(['report', 'model.json', '-o', 'r.pdf'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: .* at records\[5\]\.severity/);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'r.pdf'))).toBe(false);
  });

  it('reports a Threat Dragon model: every threat, the diagram on its own page', async () => {
    const dir = tempDir();
    const result = await threatloom(
      ['report', tdFixture('demo', 'v2-threat-model.json'), '-o', 'td.pdf'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const text = pdfText(path.join(dir, 'td.pdf'));
    for (const s of [
      'Demo Threat Model',
      'Diagram: Main Request Data Flow',
      'Poison messages 1',
      'Credential theft',
      'Message tampering',
    ])
      expect(text).toContain(s);
  });

  it('documents its options in --help', async () => {
    const result = await threatloom(['report', '--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--no-out-of-scope',
      '--no-mitigated',
      '--no-empty',
      '--properties',
      '--no-diagrams',
      '--severity <list>',
      '--status <list>',
      '--font <file>',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});
