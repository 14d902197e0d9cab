import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '../model/records';
import { exportWarnings } from './export-warnings';
import { threatDragonFixtures } from '../../test/fixtures.test-helper';
import { importThreatDragon } from './threat-dragon/import-threat-dragon';

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
  it('lists what Threat Dragon cannot hold, by native path', () => {
    expect(exportWarnings(records, 'threat-dragon').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'records[0].reviewState: Threat Dragon has no reviewState; not exported',
      'records[0].tags: Threat Dragon has no tags; not exported',
      'records[2].zIndex: z-index rounded to a whole number',
      'records[3].sourcePoint: end points rounded to whole numbers',
      'records[4].ruleId: Threat Dragon has no threat ruleId; not exported',
      'records[4].references: Threat Dragon has no threat references; not exported',
      'records[4]: several mitigations are joined into one Threat Dragon mitigation text',
      'records[5].owner: Threat Dragon has no mitigation owner; not exported',
      'records[5].status: Threat Dragon has no mitigation status; not exported',
      'records[7]: comments are not exported',
    ]);
  });

  it('OTM loses only comments; native nothing', () => {
    expect(exportWarnings(records, 'otm')).toEqual([
      { path: 'records[7]', message: 'comments are not exported' },
    ]);
    expect(exportWarnings(records, 'native')).toEqual([]);
  });

  it('has nothing to say about models imported from Threat Dragon', () => {
    for (const { json } of threatDragonFixtures())
      expect(exportWarnings(importThreatDragon(json).records, 'threat-dragon')).toEqual([]);
  });
});
