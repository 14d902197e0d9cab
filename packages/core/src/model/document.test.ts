import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { NATIVE_VERSION, parseNativeDocument, toNativeDocument } from './document';

const minimal = () => ({
  format: 'threatloom',
  version: 1,
  records: [
    { id: 'm1', typeName: 'model', title: 'Shop' },
    { id: 'd1', typeName: 'diagram', title: 'Main' },
    { id: 'p1', typeName: 'process', diagramId: 'd1', name: 'Web' },
    { id: 't1', typeName: 'threat', diagramId: 'd1', elementId: 'p1', category: 'tampering' },
  ],
});

function issuesOf(input: unknown) {
  try {
    parseNativeDocument(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('native document', () => {
  it('parses a minimal document and fills defaults', () => {
    const doc = parseNativeDocument(minimal());
    expect(doc.records.find((r) => r.id === 't1')).toMatchObject({
      status: 'open',
      severity: 'tbd',
      ruleId: null,
    });
    expect(parseNativeDocument(JSON.parse(JSON.stringify(toNativeDocument(doc.records))))).toEqual(
      doc,
    );
  });

  it('names the JSON path and problem of a schema error', () => {
    const doc = minimal();
    (doc.records[3] as Record<string, unknown>).severity = 'huge';
    expect(issuesOf(doc)[0]?.path).toBe('records[3].severity');
  });

  it('reports dangling references and duplicate ids', () => {
    const doc = minimal();
    doc.records.push({ id: 'p1', typeName: 'process', diagramId: 'nope', name: '' });
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['records[4].id', 'records[4].diagramId']),
    );
  });

  it('requires exactly one model record', () => {
    const doc = minimal();
    doc.records.shift();
    expect(issuesOf(doc)[0]?.message).toMatch(/exactly one model record/);
  });

  it('refuses versions it does not know, newer or malformed', () => {
    expect(issuesOf({ ...minimal(), version: NATIVE_VERSION + 1 })[0]?.message).toMatch(/newer/);
    expect(issuesOf({ ...minimal(), version: 'one' })[0]?.path).toBe('version');
    expect(issuesOf([])[0]?.message).toMatch(/JSON object/);
  });
});
