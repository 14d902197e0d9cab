import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../model/records';
import { tdExpressibleModel } from '../arbitrary-model.test-helper';
import { exportThreatDragon } from './export-threat-dragon';
import { readSchema, threatDragonFixtures } from '../../../test/fixtures.test-helper';
import { importThreatDragon } from './import-threat-dragon';

const ajv = new Ajv({ allowUnionTypes: true, allErrors: true });
const validateV2 = ajv.compile(readSchema('threat-dragon-v2.schema.json'));

function expectValid(json: unknown): void {
  const ok = validateV2(json);
  expect(ok ? [] : validateV2.errors).toEqual([]);
}

/** Records with model and diagram ids (which Threat Dragon numbers itself) replaced by stable names, sorted by id. */
function normalise(records: readonly ModelRecord[]): ModelRecord[] {
  const rename = new Map<string, string>();
  const diagrams = records
    .filter((r) => r.typeName === 'diagram')
    .sort((a, b) => a.order - b.order);
  diagrams.forEach((d, i) => rename.set(d.id, `diagram#${i}`));
  const model = records.find((r) => r.typeName === 'model')!;
  rename.set(model.id, 'model#');
  const map = (id: string) => rename.get(id) ?? id;
  return records
    .map((r) => {
      const copy = { ...r, id: map(r.id) } as Record<string, unknown>;
      if ('diagramId' in copy) copy.diagramId = map(copy.diagramId as string);
      return copy as ModelRecord;
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Export, through JSON text as a file would go, and import again. */
const roundTrip = (records: readonly ModelRecord[]) =>
  importThreatDragon(JSON.parse(JSON.stringify(exportThreatDragon(records))));

describe('exportThreatDragon', () => {
  for (const { name, json } of threatDragonFixtures()) {
    it(`${name}: export validates against the v2 schema and imports back to the same model`, () => {
      const first = importThreatDragon(json).records;
      const exported = exportThreatDragon(first);
      expectValid(exported);
      const again = roundTrip(first);
      expect(again.warnings).toEqual([]);
      expect(normalise(again.records)).toEqual(normalise(first));
    });
  }

  it('writes Threat Dragon spellings: statuses, severities, type labels, diagram types, dangling ends', () => {
    const records = importThreatDragon(
      threatDragonFixtures().find((f) => f.name.endsWith('test-reports.json'))!.json,
    ).records;
    const out = exportThreatDragon(records);
    expect(out.detail.diagrams.map((d) => d.diagramType)).toEqual([
      'STRIDE',
      'CIA',
      'LINDDUN',
      'DIE',
      'PLOT4ai',
      'Generic',
      'STRIDE',
    ]);
    const threats = out.detail.diagrams.flatMap((d) =>
      d.cells.flatMap(
        (c) => (c.data.threats ?? []) as { status: string; severity: string; type: string }[],
      ),
    );
    for (const t of threats) {
      expect([
        'Open',
        'Mitigated',
        'NotApplicable',
        'Accepted',
        'Transferred',
        'Avoided',
        'Eliminated',
      ]).toContain(t.status);
      expect(['Critical', 'High', 'Medium', 'Low', 'TBA']).toContain(t.severity);
    }
    expect(threats.map((t) => t.type)).toContain('Distributed');
    const shapes = new Set(out.detail.diagrams.flatMap((d) => d.cells.map((c) => c.shape)));
    // The misspelled legacy shape is written correctly.
    expect([...shapes].sort()).toEqual([
      'actor',
      'flow',
      'process',
      'store',
      'td-text-block',
      'trust-boundary-box',
      'trust-boundary-curve',
    ]);
  });

  it('property: native -> Threat Dragon v2 -> native is the identity on what Threat Dragon can express', () => {
    fc.assert(
      fc.property(tdExpressibleModel, (records) => {
        const exported = exportThreatDragon(records);
        expectValid(exported);
        const back = roundTrip(records);
        expect(back.warnings).toEqual([]);
        expect(normalise(back.records)).toEqual(normalise(records));
      }),
      { numRuns: 150 },
    );
  });
});
