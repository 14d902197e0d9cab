import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNativeDocument } from '@threatloom/core';
import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { hasStackTrace, tdFixture, tempDir, threatloom } from './run-cli';
import { writeNativeModel } from './sample-model';

describe('threatloom convert', { timeout: 60_000 }, () => {
  it('writes a native model to stdout when no -o is given, with schema defaults filled in', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const result = await threatloom(['convert', 'model.json', '--to', 'native'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = parseNativeDocument(JSON.parse(result.stdout));
    expect(doc.records.map((r) => r.id)).toEqual(['m1', 'd1', 'a1', 'p1', 'f1', 't1']);
    const actor = doc.records.find((r) => r.id === 'a1');
    expect(actor).toMatchObject({
      typeName: 'actor',
      name: 'Customer',
      providesAuthentication: false,
      outOfScope: false,
    });
  });

  it('-o writes the file and prints nothing to stdout; converting the output again gives the same bytes', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const first = await threatloom(['convert', 'model.json', '--to', 'native', '-o', 'once.json'], {
      cwd: dir,
    });
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
    const second = await threatloom(
      ['convert', 'once.json', '--to', 'native', '--output', 'twice.json'],
      { cwd: dir },
    );
    expect(second.code).toBe(0);
    const once = readFileSync(path.join(dir, 'once.json'), 'utf8');
    expect(readFileSync(path.join(dir, 'twice.json'), 'utf8')).toBe(once);
  });

  it('-o - writes to stdout', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const result = await threatloom(['convert', 'model.json', '--to', 'native', '-o', '-'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'threatloom' });
    expect(() => readFileSync(path.join(dir, '-'))).toThrow(/ENOENT/);
  });

  it('refuses an unknown target format with one line listing the choices', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const result = await threatloom(['convert', 'model.json', '--to', 'yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: option '--to <format>' argument 'yaml' is invalid\. Allowed choices are native, threat-dragon.*\.\n$/,
    );
  });

  it('requires --to', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const result = await threatloom(['convert', 'model.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: required option '--to <format>' not specified\n");
  });

  it('writes nothing when the input is invalid', async () => {
    const dir = tempDir();
    writeNativeModel(dir, (records) => {
      records[2]!.typeName = 'dragon';
    });
    const result = await threatloom(['convert', 'model.json', '--to', 'native', '-o', 'out.json'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .+ at records\[2\]\.typeName\n$/);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(() => readFileSync(path.join(dir, 'out.json'))).toThrow(/ENOENT/);
  });

  it('reports an output directory that does not exist in one line', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const result = await threatloom(
      ['convert', 'model.json', '--to', 'native', '-o', 'missing/out.json'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: cannot write missing/out.json: its directory does not exist\n',
    );
  });

  it('--to markdown -o out.md writes each diagram as an SVG beside it and links it', async () => {
    const dir = tempDir();
    const file = tdFixture('demo', 'v2-threat-model.json');
    const result = await threatloom(['convert', file, '--to', 'markdown', '-o', 'out.md'], {
      cwd: dir,
    });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const html = new MarkdownIt().render(readFileSync(path.join(dir, 'out.md'), 'utf8'));
    const links = [...html.matchAll(/<img src="([^"]+)" alt="Diagram: [^"]+">/g)].map((m) => m[1]);
    expect(links).toEqual(['out-diagram-1.svg']);
    const svg = readFileSync(path.join(dir, 'out-diagram-1.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('Message Queue');
  });

  it('--to threat-dragon lists what Threat Dragon cannot hold on stderr, one line each, exit code 0', async () => {
    const dir = tempDir();
    writeNativeModel(dir, (records) => {
      Object.assign(records[0]!, { reviewState: 'approved', reviewedBy: 'Rita' });
      records.push(
        { id: 'x1', typeName: 'mitigation', threatId: 't1', title: 'Rotate', owner: 'Olga' },
        { id: 'c1', typeName: 'comment', targetId: 't1', body: 'Why?', authorName: 'Ana' },
      );
    });
    const result = await threatloom(
      ['convert', 'model.json', '--to', 'threat-dragon', '-o', 'td.json'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'warning: model "Shop": review state not exported (Threat Dragon has no field for it) at records[0].reviewState',
      'warning: model "Shop": reviewed by not exported (Threat Dragon has no field for it) at records[0].reviewedBy',
      'warning: mitigation "Rotate": status written into the mitigation text ("Status: …") at records[6].status',
      'warning: mitigation "Rotate": owner written into the mitigation text ("Owner: …") at records[6].owner',
      `warning: comment by Ana on threat 0 "Fake session": written into the threat's description as text at records[7]`,
      '',
    ]);
    const td = JSON.parse(readFileSync(path.join(dir, 'td.json'), 'utf8'));
    const threat = td.detail.diagrams[0].cells.find((c: { id: string }) => c.id === 'p1').data
      .threats[0];
    expect(threat.mitigation).toBe('Rotate\nStatus: Proposed\nOwner: Olga');
    expect(threat.description).toBe('Comments:\n- Ana: Why?');
  });
});
