import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '../../model/records';
import { CSV_COLUMNS, exportCsv } from './export-csv';
import { threatDragonFixtures } from '../../../../../test-support/fixtures.test-helper';
import { importThreatDragon } from '../threat-dragon/import-threat-dragon';

const hostile = [
  ZModelRecord.parse({ id: 'm', typeName: 'model', title: 'Shop, "the" model' }),
  ZModelRecord.parse({ id: 'd', typeName: 'diagram', title: 'Main\nflow' }),
  ZModelRecord.parse({ id: 'p', typeName: 'process', diagramId: 'd', name: 'API, v2' }),
  ZModelRecord.parse({
    id: 't1',
    typeName: 'threat',
    diagramId: 'd',
    elementId: 'p',
    number: 7,
    title: 'Say "hi"',
    category: 'tampering',
    severity: 'high',
    status: 'not-applicable',
    description: 'line 1\r\nline 2, with comma',
    score: '=1+1',
    references: [
      { kind: 'cwe', id: 'CWE-778' },
      { kind: 'oat', id: 'OAT-014' },
      { kind: 'linddun', id: 'U' },
    ],
  }),
  ZModelRecord.parse({
    id: 'm1',
    typeName: 'mitigation',
    threatId: 't1',
    title: 'Validate input',
    status: 'done',
  }),
  ZModelRecord.parse({
    id: 'm2',
    typeName: 'mitigation',
    threatId: 't1',
    title: 'Log, alert',
    status: 'in-progress',
  }),
] as ModelRecord[];

describe('exportCsv', () => {
  it('parses back with a CSV parser: commas, quotes and newlines quoted per RFC 4180', () => {
    const rows = parse(exportCsv(hostile), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      'Shop, "the" model',
      'Main\nflow',
      'API, v2',
      '7',
      'Say "hi"',
      'Tampering',
      'High',
      'Not applicable',
      "'=1+1",
      'line 1\r\nline 2, with comma',
      'Validate input [Done]\nLog, alert [In progress]',
      // The kind is named once (9.8).
      'CWE-778\nOAT-014\nLINDDUN U',
    ]);
  });

  it('has one row per threat for every fixture', () => {
    for (const { name, json } of threatDragonFixtures()) {
      const records = importThreatDragon(json).records;
      const rows = parse(exportCsv(records)) as string[][];
      expect(rows.length - 1, name).toBe(records.filter((r) => r.typeName === 'threat').length);
      for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    }
  });
});
