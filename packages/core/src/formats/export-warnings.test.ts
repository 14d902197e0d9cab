import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '../model/records';
import { exportWarnings } from './export-warnings';
import { threatDragonFixtures } from '../../../../test-support/fixtures.test-helper';
import { importThreatDragon } from './threat-dragon/import-threat-dragon';
import { exportThreatDragon, type TdV2Threat } from './threat-dragon/export-threat-dragon';

const records = [
  ZModelRecord.parse({
    id: 'm',
    typeName: 'model',
    title: 'M',
    reviewState: 'approved',
    tags: ['pci'],
  }),
  ZModelRecord.parse({ id: 'd', typeName: 'diagram' }),
  ZModelRecord.parse({ id: 'p', typeName: 'process', diagramId: 'd', zIndex: 1.5 }),
  ZModelRecord.parse({
    id: 'f',
    typeName: 'flow',
    diagramId: 'd',
    sourceId: 'p',
    targetPoint: { x: 1.5, y: 2 },
  }),
  ZModelRecord.parse({
    id: 't',
    typeName: 'threat',
    diagramId: 'd',
    elementId: 'p',
    category: 'spoofing',
    ruleId: 'STRIDE-P-S',
    references: [{ kind: 'cwe', id: 'CWE-287' }],
  }),
  ZModelRecord.parse({
    id: 'x1',
    typeName: 'mitigation',
    threatId: 't',
    title: 'A',
    owner: 'ana',
    status: 'in-progress',
  }),
  ZModelRecord.parse({ id: 'x2', typeName: 'mitigation', threatId: 't', title: 'B' }),
  ZModelRecord.parse({ id: 'c', typeName: 'comment', targetId: 't', body: 'why?' }),
] as ModelRecord[];

describe('exportWarnings', () => {
  it('lists what Threat Dragon cannot hold, and what it holds only as text, by native path', () => {
    expect(exportWarnings(records, 'threat-dragon').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'records[0].reviewState: model "M": review state not exported (Threat Dragon has no field for it)',
      'records[0].tags: model "M": tags not exported (Threat Dragon has no field for it)',
      'records[2].zIndex: process "unnamed": z-index rounded to a whole number',
      'records[3].sourcePoint: data flow "unnamed": end points rounded to whole numbers',
      'records[4].ruleId: threat 0 "untitled": rule STRIDE-P-S not exported (imported back, it is a hand-written threat)',
      'records[4].references: threat 0 "untitled": references written into the description as text',
      'records[4]: threat 0 "untitled": its mitigations are joined into one Threat Dragon mitigation text',
      'records[5].status: mitigation "A": status written into the mitigation text ("Status: …")',
      'records[5].owner: mitigation "A": owner written into the mitigation text ("Owner: …")',
      `records[7]: comment by someone on threat 0 "untitled": written into the threat's description as text`,
    ]);
  });

  it('is structured: record id, field and kind', () => {
    const warnings = exportWarnings(records, 'threat-dragon');
    const ofKind = (kind: string) => warnings.filter((w) => w.kind === kind);
    expect(ofKind('dropped').map((w) => [w.recordId, w.field])).toEqual([
      ['m', 'reviewState'],
      ['m', 'tags'],
      ['t', 'ruleId'],
    ]);
    expect(ofKind('as-text').map((w) => [w.recordId, w.field])).toEqual([
      ['t', 'references'],
      ['x1', 'status'],
      ['x1', 'owner'],
      ['c', null],
    ]);
  });

  it('what it says is kept as text is in the Threat Dragon file', () => {
    const td = exportThreatDragon(records);
    const threat = td.detail.diagrams[0]!.cells.find((c) => c.id === 'p')!.data
      .threats as TdV2Threat[];
    expect(threat[0]!.description).toBe('References: CWE-287\n\nComments:\n- Someone: why?');
    expect(threat[0]!.mitigation).toBe('A\nStatus: In progress\nOwner: ana\n\nB');
  });

  it('OTM loses only comments; native and the reports nothing', () => {
    expect(exportWarnings(records, 'otm')).toEqual([
      {
        path: 'records[7]',
        message:
          'comment by someone on threat 0 "untitled": not exported (Open Threat Model has no comments)',
        recordId: 'c',
        field: null,
        kind: 'dropped',
      },
    ]);
    for (const f of ['native', 'markdown', 'csv', 'sarif'] as const)
      expect(exportWarnings(records, f)).toEqual([]);
  });

  it('has nothing to say about models imported from Threat Dragon', () => {
    for (const { json } of threatDragonFixtures())
      expect(exportWarnings(importThreatDragon(json).records, 'threat-dragon')).toEqual([]);
  });
});
