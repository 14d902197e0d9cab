import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseNativeDocument, type Threat } from '@threatloom/core';
import { describe, expect, it } from 'vitest';
import { builtBundle, hasAnsi, tempDir, threatloom } from './run-cli';
import { writeNativeModel } from './sample-model';

const threatsOf = (json: string): Threat[] =>
  parseNativeDocument(JSON.parse(json)).records.filter((r): r is Threat => r.typeName === 'threat');

describe('threatloom generate', { timeout: 60_000 }, () => {
  it('writes the native model with generated threats (with rule ids and mitigations) merged in', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const result = await threatloom(['generate', 'model.json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = parseNativeDocument(JSON.parse(result.stdout));
    const threats = doc.records.filter((r): r is Threat => r.typeName === 'threat');
    const generated = threats.filter((t) => t.ruleId !== null);
    expect(generated.length).toBeGreaterThan(0);
    // The hand-written threat is still there, untouched.
    expect(threats.find((t) => t.id === 't1')).toMatchObject({
      title: 'Fake session',
      status: 'mitigated',
      ruleId: null,
    });
    for (const t of generated) {
      expect(t.ruleKey).toMatch(new RegExp(`^${t.ruleId!.replace(/\./g, '\\.')}@${t.elementId}`));
      expect(['a1', 'p1', 'f1']).toContain(t.elementId);
    }
    // Every element kind got something, and numbers continue after the existing threat.
    expect(new Set(generated.map((t) => t.elementId))).toEqual(new Set(['a1', 'p1', 'f1']));
    expect(Math.min(...generated.map((t) => t.number))).toBe(1);
    const mitigations = doc.records.filter((r) => r.typeName === 'mitigation');
    expect(mitigations.length).toBeGreaterThanOrEqual(generated.length);
  });

  it('adds nothing when run again on its own output, and keeps triage made in between', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const first = await threatloom(['generate', 'model.json', '-o', 'once.json'], { cwd: dir });
    expect(first.code).toBe(0);
    const onceText = readFileSync(path.join(dir, 'once.json'), 'utf8');
    const added = threatsOf(onceText).filter((t) => t.ruleId).length;
    expect(first.stdout).toBe(`once.json: ${added} threats added, 0 already in the model\n`);

    // A reviewer triages one generated threat, then generate runs again.
    const doc = JSON.parse(onceText) as { records: Record<string, unknown>[] };
    const triaged = doc.records.find((r) => r.typeName === 'threat' && r.ruleId)!;
    Object.assign(triaged, { status: 'accepted', title: 'Edited by a reviewer' });
    writeFileSync(path.join(dir, 'triaged.json'), JSON.stringify(doc));

    const second = await threatloom(['generate', 'triaged.json', '-o', 'twice.json'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`twice.json: 0 threats added, ${added} already in the model\n`);
    const twice = threatsOf(readFileSync(path.join(dir, 'twice.json'), 'utf8'));
    expect(twice).toHaveLength(threatsOf(onceText).length);
    expect(twice.find((t) => t.id === triaged.id)).toMatchObject({
      status: 'accepted',
      title: 'Edited by a reviewer',
    });
  });

  it('gives the same output for the same input (ids derive from the file, not randomness)', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const a = await threatloom(['generate', 'model.json'], { cwd: dir });
    const b = await threatloom(['generate', 'model.json'], { cwd: dir });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints a readable table per element with rule, category, severity and title, plus totals', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const json = threatsOf(
      (await threatloom(['generate', 'model.json'], { cwd: dir })).stdout,
    ).filter((t) => t.ruleId);
    const result = await threatloom(['generate', 'model.json', '--format', 'table'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(hasAnsi(result.stdout)).toBe(false);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE +CATEGORY +SEVERITY +MERGE +TITLE$/);
    expect(lines).toContain('Customer (actor, diagram "Checkout")');
    expect(lines).toContain('Web app (process, diagram "Checkout")');
    // One row per generated threat, its columns aligned with the header.
    const titleColumn = lines[0]!.indexOf('TITLE');
    for (const t of json) {
      const row = lines.find((l) => l.startsWith(`  ${t.ruleId} `));
      expect(row, t.ruleId!).toBeDefined();
      expect(row!.slice(titleColumn)).toBe(t.title);
      expect(row).toMatch(/ added /);
    }
    expect(result.stdout).toMatch(
      new RegExp(
        `\\nTotal: ${json.length} suggested threats on 3 elements \\(.+\\); ${json.length} added, 0 already in the model\\n$`,
      ),
    );
  });

  it('-o with --format table writes the table to the file', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const result = await threatloom(
      ['generate', 'model.json', '--format', 'table', '-o', 'summary.txt'],
      { cwd: dir },
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'summary.txt'), 'utf8')).toMatch(/^RULE +CATEGORY/);
  });

  it("--methodology runs that methodology's rules instead of the diagram's", async () => {
    const dir = tempDir();
    writeNativeModel(dir, (records) => {
      records[3]!.handlesPII = true;
    });
    const result = await threatloom(['generate', 'model.json', '--methodology', 'linddun'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const generated = threatsOf(result.stdout).filter((t) => t.ruleId);
    expect(generated.length).toBeGreaterThan(0);
    const linddun = [
      'linking',
      'identifying',
      'non-repudiation',
      'detecting',
      'data-disclosure',
      'unawareness',
      'non-compliance',
    ];
    for (const t of generated) expect(linddun).toContain(t.category);
  });

  it('refuses an unknown methodology or format with one line', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const m = await threatloom(['generate', 'model.json', '--methodology', 'pasta'], { cwd: dir });
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(
      /^error: option '--methodology <key>' argument 'pasta' is invalid\. Allowed choices are stride, linddun, cia, die, plot4ai, generic\.\n$/,
    );
    const f = await threatloom(['generate', 'model.json', '--format', 'xml'], { cwd: dir });
    expect(f.code).toBe(1);
    expect(f.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('names an unnamed flow in the table by its ends', async () => {
    const dir = tempDir();
    writeNativeModel(dir, (records) => {
      records[4]!.name = '';
    });
    const result = await threatloom(['generate', 'model.json', '--format', 'table'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toContain('Customer → Web app (flow, diagram "Checkout")');
  });

  it('exits quietly when the reader closes the pipe early (no EPIPE stack trace)', async () => {
    const dir = tempDir();
    writeNativeModel(dir, (records) => {
      // Enough processes that the table is far larger than a pipe's buffer.
      for (let i = 0; i < 1500; i++)
        records.push({ id: `px${i}`, typeName: 'process', diagramId: 'd1', name: `Service ${i}` });
    });
    const child = spawn(
      process.execPath,
      [await builtBundle(), 'generate', 'model.json', '--format', 'table'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `| head -n 1`: take the first chunk, then close our end.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) =>
      child.once('exit', (c) => resolve(c)),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('shows hostile element names on one line without terminal escapes', async () => {
    const dir = tempDir();
    writeNativeModel(dir, (records) => {
      records[2]!.name = 'Evil\u001b[31m\nname';
    });
    const result = await threatloom(['generate', 'model.json', '--format', 'table'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(hasAnsi(result.stdout)).toBe(false);
    expect(result.stdout).toContain('Evil[31m name (actor, diagram "Checkout")\n');
  });
});
