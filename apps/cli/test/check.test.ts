import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, tempDir, threatloom } from './run-cli';
import { writeNativeModel } from './sample-model';

/** The sample model plus open threats of each severity on the web app (p1). */
function modelWithThreats(dir: string): void {
  writeNativeModel(dir, (records) => {
    const threat = (
      id: string,
      number: number,
      severity: string,
      title: string,
      status = 'open',
    ) => ({
      id,
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'p1',
      number,
      category: 'tampering',
      severity,
      title,
      status,
    });
    records.push(
      threat('t2', 2, 'medium', 'Order total tampered in transit'),
      threat('t3', 3, 'high', 'SQL injection in search'),
      threat('t4', 4, 'critical', 'Admin console exposed', 'mitigated'),
      threat('t5', 5, 'tbd', 'Unrated finding'),
      threat('t6', 6, 'low', 'Verbose error pages'),
    );
  });
}

describe('threatloom check', { timeout: 60_000 }, () => {
  it('exits 1 and lists open threats at or above the threshold, most severe first', async () => {
    const dir = tempDir();
    modelWithThreats(dir);
    const result = await threatloom(['check', 'model.json', '--fail-on', 'medium'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^3\s+High\s+Tampering\s+Web app\s+SQL injection in search$/);
    expect(lines[2]).toMatch(/^2\s+Medium\s+.*Order total tampered in transit$/);
    expect(result.stdout).not.toContain('Admin console exposed'); // mitigated
    expect(result.stdout).not.toContain('Verbose error pages'); // below the threshold
    expect(lines.at(-1)).toBe(
      'model.json: 2 open threats at medium or above (4 open in all, 1 not rated yet)',
    );
  });

  it('defaults to high, and exits 0 when nothing open reaches the threshold', async () => {
    const dir = tempDir();
    modelWithThreats(dir);
    expect((await threatloom(['check', 'model.json'], { cwd: dir })).code).toBe(1);
    const clean = tempDir();
    writeNativeModel(clean);
    const ok = await threatloom(['check', 'model.json', '--fail-on', 'low'], { cwd: clean });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('model.json: 0 open threats at low or above (0 open in all)\n');
  });

  it('exits 2 on a missing file, an invalid model and a bad threshold', async () => {
    const dir = tempDir();
    writeNativeModel(
      dir,
      (records) => {
        records[2]!.typeName = 'gadget';
      },
      'bad.json',
    );
    const missing = await threatloom(['check', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: cannot read nope\.json: no such file\n$/);
    const invalid = await threatloom(['check', 'bad.json'], { cwd: dir });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^error: .* at records\[2\]/);
    const threshold = await threatloom(['check', 'bad.json', '--fail-on', 'severe'], { cwd: dir });
    expect(threshold.code).toBe(2);
  });
});

describe('threatloom convert --to sarif', { timeout: 60_000 }, () => {
  it('writes SARIF 2.1.0 with one result per open threat pointing at the model file', async () => {
    const dir = tempDir();
    modelWithThreats(dir);
    const result = await threatloom(['convert', 'model.json', '--to', 'sarif', '-o', 'out.sarif'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const log = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
    const schema = JSON.parse(
      readFileSync(path.join(fixturesDir, 'sarif/sarif-2.1.0.schema.json'), 'utf8'),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as {
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    expect(results.map((r) => [r.level, r.message.text.split(' on ')[0]])).toEqual([
      ['warning', '#2 Order total tampered in transit'],
      ['error', '#3 SQL injection in search'],
      ['warning', '#5 Unrated finding'],
      ['note', '#6 Verbose error pages'],
    ]);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('model.json');
  });
});
