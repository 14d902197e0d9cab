import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseNativeDocument, type Threat } from '@threatloom/core';
import { describe, expect, it } from 'vitest';
import { fixturesDir, hasStackTrace, repoRoot, run, tempDir, threatloom } from './run-cli';

/** Every Threat Dragon model under ../shared/fixtures/threat-dragon. */
function listFixtures(dir = path.join(fixturesDir, 'threat-dragon')): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? listFixtures(p) : name.endsWith('.json') ? [p] : [];
    })
    .sort();
}
const fixtures = listFixtures();
const rel = (p: string) => path.relative(fixturesDir, p);

interface RawCell {
  data?: { threats?: unknown[] };
  threats?: unknown[];
}
/** Counts straight from the raw Threat Dragon JSON (v1 keeps cells in diagramJson, v2 on the diagram). */
function rawCounts(file: string): {
  version: 1 | 2;
  diagrams: number;
  elements: number;
  threats: number;
} {
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    version?: string;
    detail: { diagrams: { cells?: RawCell[]; diagramJson?: { cells?: RawCell[] } }[] };
  };
  const cells = json.detail.diagrams.flatMap((d) => d.cells ?? d.diagramJson?.cells ?? []);
  return {
    version: typeof json.version === 'string' && json.version.startsWith('2') ? 2 : 1,
    diagrams: json.detail.diagrams.length,
    elements: cells.length,
    threats: cells.reduce((n, c) => n + (c.data?.threats ?? c.threats ?? []).length, 0),
  };
}

const field = (stdout: string, name: string) =>
  Number(new RegExp(`^  ${name}: +(\\d+)`, 'm').exec(stdout)?.[1]);

describe('the CLI on the real Threat Dragon fixtures', { timeout: 120_000 }, () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
  });

  it.each(fixtures.map((f) => [rel(f), f]))(
    'validate %s: detects the version and keeps every element and threat',
    async (_name, file) => {
      const expected = rawCounts(file);
      const result = await threatloom(['validate', file]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe(
        `${file}: valid Threat Dragon v${expected.version} model`,
      );
      expect(field(result.stdout, 'diagrams')).toBe(expected.diagrams);
      expect(field(result.stdout, 'elements')).toBe(expected.elements);
      expect(field(result.stdout, 'threats')).toBe(expected.threats);
    },
  );

  it('convert to threat-dragon writes Threat Dragon v2 that its own schema accepts, and that imports back with the same counts', async () => {
    const schema = JSON.parse(
      readFileSync(path.join(fixturesDir, 'schemas/threat-dragon-v2.schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allowUnionTypes: true, strict: false });
    addFormats(ajv);
    const check = ajv.compile(schema);
    const dir = tempDir();
    for (const file of fixtures) {
      const out = path.join(dir, path.basename(file));
      const result = await threatloom(['convert', file, '--to', 'threat-dragon', '-o', out]);
      expect(result.code, rel(file)).toBe(0);
      const exported = JSON.parse(readFileSync(out, 'utf8')) as unknown;
      expect(check(exported), `${rel(file)}: ${JSON.stringify(check.errors?.slice(0, 2))}`).toBe(
        true,
      );
      const again = await threatloom(['validate', out]);
      const expected = rawCounts(file);
      expect(again.stdout, rel(file)).toContain('valid Threat Dragon v2 model');
      expect([field(again.stdout, 'elements'), field(again.stdout, 'threats')], rel(file)).toEqual([
        expected.elements,
        expected.threats,
      ]);
    }
  });

  it('convert round-trips: Threat Dragon → native → Threat Dragon → native gives the same native model', async () => {
    const dir = tempDir();
    const source = path.join(fixturesDir, 'threat-dragon/demo/v2-threat-model.json');
    const steps = [
      ['convert', source, '--to', 'native', '-o', 'a.json'],
      ['convert', 'a.json', '--to', 'threat-dragon', '-o', 'b.json'],
      ['convert', 'b.json', '--to', 'native', '-o', 'c.json'],
    ];
    for (const args of steps) expect((await threatloom(args, { cwd: dir })).code).toBe(0);
    const a = parseNativeDocument(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')));
    const c = parseNativeDocument(JSON.parse(readFileSync(path.join(dir, 'c.json'), 'utf8')));
    expect(c.records.length).toBe(a.records.length);
    // Threat Dragon keeps element and threat ids but numbers its diagrams and has no model or
    // mitigation ids, so those get new ids on each import: compare with them renamed by position.
    const canonical = (records: typeof a.records) => {
      const rename = new Map<string, string>();
      for (const r of records)
        if (r.typeName === 'model' || r.typeName === 'diagram' || r.typeName === 'mitigation')
          rename.set(r.id, `${r.typeName}#${rename.size}`);
      const swap = (v: unknown) => (typeof v === 'string' ? (rename.get(v) ?? v) : v);
      return records.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, swap(v)])),
      );
    };
    expect(canonical(c.records)).toEqual(canonical(a.records));
  });

  it('convert gives the same bytes for the same input', async () => {
    const file = path.join(fixturesDir, 'threat-dragon/ThreatDragonModels/demo-threat-model.json');
    const first = await threatloom(['convert', file, '--to', 'native']);
    const second = await threatloom(['convert', file, '--to', 'native']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('convert writes csv, markdown and otm as well', async () => {
    const file = path.join(fixturesDir, 'threat-dragon/demo/v2-threat-model.json');
    const csv = await threatloom(['convert', file, '--to', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split(/\r?\n/)[0]).toMatch(
      /^model,diagram,element,number,title,category,severity,status/,
    );
    const md = await threatloom(['convert', file, '--to', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    const dir = tempDir();
    const otm = await threatloom(['convert', file, '--to', 'otm', '-o', 'model.otm.json'], {
      cwd: dir,
    });
    expect(otm.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'model.otm.json'), 'utf8'))).toHaveProperty(
      'otmVersion',
    );
    // And the OTM file reads back as a model of its own.
    const back = await threatloom(['validate', 'model.otm.json'], { cwd: dir });
    expect(back.code).toBe(0);
    expect(back.stdout.split('\n')[0]).toBe('model.otm.json: valid Open Threat Model model');
  });

  it('convert reports what an import could not carry as warnings on stderr, with their JSON paths', async () => {
    const file = path.join(
      fixturesDir,
      'threat-dragon/ThreatDragonModels/enter-the-dragon/enter-the-dragon-1.json',
    );
    const result = await threatloom(['convert', file, '--to', 'native']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^warning: .+ at detail\.diagrams\[0\]\./),
      expect.stringMatching(/^warning: .+ at detail\.diagrams\[1\]\./),
    ]);
    // stdout is still just the converted model.
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'threatloom' });
  });

  it('generate on every fixture adds threats with rule ids, and a second run adds nothing', async () => {
    const dir = tempDir();
    for (const file of fixtures) {
      const expected = rawCounts(file);
      const once = path.join(dir, `once-${path.basename(file)}`);
      const first = await threatloom(['generate', file, '-o', once]);
      expect(first.code, rel(file)).toBe(0);
      const records = parseNativeDocument(JSON.parse(readFileSync(once, 'utf8'))).records;
      const threats = records.filter((r): r is Threat => r.typeName === 'threat');
      const generated = threats.filter((t) => t.ruleId !== null);
      // Imported threats stay, and every generated one names its rule.
      expect(threats.length - generated.length, rel(file)).toBe(expected.threats);
      for (const t of generated)
        expect(t.ruleKey?.startsWith(`${t.ruleId}@${t.elementId}`), t.ruleKey!).toBe(true);
      // STRIDE applies to every actor, process, store and flow, so a STRIDE diagram with one in scope gets suggestions.
      const stride = new Set(
        records.flatMap((r) =>
          r.typeName === 'diagram' && (r.methodology === 'stride' || r.methodology === 'generic')
            ? [r.id]
            : [],
        ),
      );
      const strideTargets = records.filter(
        (r) =>
          ['actor', 'process', 'store', 'flow'].includes(r.typeName) &&
          'diagramId' in r &&
          stride.has(r.diagramId) &&
          !('outOfScope' in r && r.outOfScope),
      );
      if (strideTargets.length > 0) expect(generated.length, rel(file)).toBeGreaterThan(0);
      expect(first.stdout).toBe(
        `${once}: ${generated.length} threat${generated.length === 1 ? '' : 's'} added, 0 already in the model\n`,
      );

      const second = await threatloom(['generate', once, '--format', 'table']);
      expect(second.code, rel(file)).toBe(0);
      expect(second.stdout, rel(file)).toMatch(
        new RegExp(
          `\\nTotal: ${generated.length} suggested threats? on \\d+ elements?.*; 0 added, ${generated.length} already in the model\\n$`,
        ),
      );
    }
  });

  it('generate --format table on a real model reads as a table', async () => {
    const file = path.join(fixturesDir, 'threat-dragon/demo/payment-online.json');
    const result = await threatloom(['generate', file, '--format', 'table']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const header = lines[0]!;
    expect(header).toMatch(/^RULE +CATEGORY +SEVERITY +MERGE +TITLE$/);
    // Every threat row has its severity under SEVERITY and a title under TITLE.
    const rows = lines.filter((l) => l.startsWith('  '));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.slice(header.indexOf('SEVERITY')).split(/\s{2,}/)[0]).toMatch(
        /^(Critical|High|Medium|Low|TBD)$/,
      );
      expect(row.slice(header.indexOf('TITLE')).trim().length).toBeGreaterThan(0);
    }
  });

  it('pnpm threatloom resolves a fixture path relative to the repository root', async () => {
    const file = path.relative(
      repoRoot,
      path.join(fixturesDir, 'threat-dragon/demo/iot-device.json'),
    );
    expect(file.startsWith('../shared/fixtures/')).toBe(true);
    const result = await run('pnpm', ['--silent', 'threatloom', 'validate', file], {
      cwd: repoRoot,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`${file}: valid Threat Dragon v2 model`);
  });

  it('rejects a Threat Dragon file with a wrong type with one line naming the JSON path', async () => {
    const dir = tempDir();
    const json = JSON.parse(
      readFileSync(path.join(fixturesDir, 'threat-dragon/demo/v2-threat-model.json'), 'utf8'),
    ) as { detail: { diagrams: { cells: unknown }[] } };
    json.detail.diagrams[0]!.cells = 'not a list';
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(json));
    const result = await threatloom(['validate', 'broken.json'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .+ at detail\.diagrams\[0\]\.cells/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
