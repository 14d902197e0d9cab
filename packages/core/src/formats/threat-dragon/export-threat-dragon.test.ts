import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../model/records';
import { tdExpressibleModel } from '../arbitrary-model.test-helper';
import { exportThreatDragon, type TdV2Threat } from './export-threat-dragon';
import { readSchema, threatDragonFixtures } from '../../../../../test-support/fixtures.test-helper';
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

  it('keeps comments, references, mitigation status and owner as text; the file still validates', () => {
    const { json } = threatDragonFixtures().find((f) =>
      f.name.endsWith('demo/v2-threat-model.json'),
    )!;
    const base = importThreatDragon(json).records;
    const threat = base.find((r) => r.typeName === 'threat' && r.status === 'open')!;
    if (threat.typeName !== 'threat') throw new Error('no threat');
    const element = base.find((r) => r.id === threat.elementId)!;
    const mitigation = base.find((r) => r.typeName === 'mitigation' && r.threatId === threat.id)!;
    const records = [
      ...base.map((r) =>
        r.id === threat.id
          ? { ...threat, references: [{ kind: 'cwe' as const, id: 'CWE-522', url: '' }] }
          : r.id === mitigation.id && r.typeName === 'mitigation'
            ? { ...r, status: 'in-progress' as const, owner: 'Olga' }
            : r,
      ),
      ...[
        {
          id: 'c1',
          targetId: element.id,
          body: 'Is this\nstill used?',
          authorName: 'Ana',
          createdAt: '2026-12-01T14:05:09.120Z',
        },
        {
          id: 'c2',
          targetId: element.id,
          parentId: 'c1',
          body: 'Yes.',
          authorName: 'Bo',
          createdAt: '2026-12-01T15:00:00Z',
          resolved: true,
        },
        {
          id: 'c3',
          targetId: threat.id,
          body: 'Confirmed in the pentest.',
          authorName: 'Cy',
          createdAt: '2026-11-30T09:00:00Z',
        },
      ].map((c) => ({
        typeName: 'comment' as const,
        parentId: null,
        authorId: '',
        resolved: false,
        ...c,
      })),
    ] as ModelRecord[];
    const td = exportThreatDragon(records);
    expectValid(td);
    const cell = td.detail.diagrams.flatMap((d) => d.cells).find((c) => c.id === element.id)!;
    const comments =
      'Comments:\n- Ana (1 Dec 2026, 14:05 UTC): Is this\n  still used?\n  - Bo (1 Dec 2026, 15:00 UTC) [resolved]: Yes.';
    const described = 'description' in element && element.description.trim() !== '';
    expect(cell.data.description).toBe(
      described ? `${element.description}\n\n${comments}` : comments,
    );
    const t = (cell.data.threats as TdV2Threat[]).find((x) => x.id === threat.id)!;
    expect(t.description).toBe(
      `${threat.description}\n\nReferences: CWE-522\n\nComments:\n- Cy (30 Nov 2026, 09:00 UTC): Confirmed in the pentest.`,
    );
    expect(t.mitigation).toMatch(/\nStatus: In progress\nOwner: Olga$/);
    // Imported back, the text is there for people to read (as text, not as fields).
    const back = roundTrip(records).records;
    expect(back.find((r) => r.id === threat.id)).toMatchObject({ references: [] });
    expect(JSON.stringify(back)).toContain('Owner: Olga');
  });
});
