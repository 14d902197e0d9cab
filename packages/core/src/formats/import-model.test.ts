import { describe, expect, it } from 'vitest';
import { toNativeDocument } from '../model/document';
import { ValidationError } from '../model/errors';
import { detectFormat } from './detect-format';
import { exportModel } from './export-model';
import { threatDragonFixtures } from '../../../../test-support/fixtures.test-helper';
import { importModel } from './import-model';

const demo = () =>
  threatDragonFixtures().find((f) => f.name.endsWith('demo/v2-threat-model.json'))!.json;
const v1 = () =>
  threatDragonFixtures().find((f) => f.name.endsWith('demo-threat-model.json'))!.json;

describe('detectFormat and importModel', () => {
  it('detects every format', () => {
    const records = importModel(demo()).records;
    expect(detectFormat(demo())).toBe('threat-dragon-v2');
    expect(detectFormat(v1())).toBe('threat-dragon-v1');
    expect(detectFormat(toNativeDocument(records))).toBe('native');
    expect(detectFormat(JSON.parse(exportModel(records, 'otm').content))).toBe('otm');
  });

  it('explains what it expected for unknown input', () => {
    for (const input of [null, [], 'x', 3, { hello: 1 }]) {
      expect(() => detectFormat(input)).toThrow(ValidationError);
      expect(() => importModel(input)).toThrow(
        /expected a Threatloom document .* a Threat Dragon model .* an Open Threat Model/,
      );
    }
  });

  it('imports every exported JSON format back to the same records', () => {
    const records = importModel(demo()).records;
    for (const format of ['native', 'otm'] as const) {
      const back = importModel(JSON.parse(exportModel(records, format).content));
      expect(back.records.length, format).toBe(records.length);
      expect(back.warnings).toEqual([]);
    }
    expect(importModel(JSON.parse(exportModel(records, 'threat-dragon').content)).format).toBe(
      'threat-dragon-v2',
    );
  });

  it('rejects a native document with a bad record, naming its path', () => {
    const doc = toNativeDocument(importModel(demo()).records) as {
      records: Record<string, unknown>[];
    };
    doc.records[3]!.name = 5;
    try {
      importModel(doc);
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toBe('records[3].name');
    }
  });

  it('gives media types and extensions', () => {
    const records = importModel(demo()).records;
    expect(exportModel(records, 'csv')).toMatchObject({
      mediaType: 'text/csv; charset=utf-8',
      extension: 'csv',
    });
    expect(exportModel(records, 'markdown')).toMatchObject({
      mediaType: 'text/markdown; charset=utf-8',
      extension: 'md',
    });
    expect(exportModel(records, 'threat-dragon').extension).toBe('json');
  });
});
