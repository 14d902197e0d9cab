import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

type Doc = {
  paths: Record<string, Record<string, { parameters?: { name: string; description?: string }[] }>>;
};

describe('openApiDocument', () => {
  it('lists the report once, with its documented query descriptions', () => {
    const doc = openApiDocument() as Doc;
    const report = doc.paths['/api/models/{id}/report.pdf']!;
    expect(Object.keys(report)).toEqual(['get']);
    const outOfScope = report.get!.parameters!.find((p) => p.name === 'outOfScope');
    expect(outOfScope?.description).toBe('true|false, default true');
  });

  it('declares GET /api/auth/me usable signed out', () => {
    const doc = openApiDocument() as Doc & {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.paths['/api/auth/me']!.get!.security).toEqual([]);
  });
});
