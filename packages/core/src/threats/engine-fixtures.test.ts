import { describe, expect, it } from 'vitest';
import { counterIds, threatDragonFixtures } from '../../../../test-support/fixtures.test-helper';
import { importModel } from '../formats/import-model';
import { categoriesFor } from '../model/keys';
import type { ModelRecord } from '../model/records';
import { applyOp } from '../ops/apply';
import { toRecordMap } from '../ops/ops';
import { validateOp } from '../ops/validate';
import { generateThreats } from './generate';
import { mergeSuggestions } from './merge';

/** The engine over real Threat Dragon models, imported by the formats module. */
describe('threat engine on Threat Dragon fixtures', () => {
  for (const { name, json } of threatDragonFixtures()) {
    it(name, () => {
      const { records } = importModel(json);
      const before = records.filter((r) => r.typeName === 'threat');
      const suggestions = generateThreats(records);
      // An engine that suggests nothing must fail here on every model with in-scope elements
      // (blank fixtures must get nothing); which suggestions land on which named elements is
      // golden.test.ts's job.
      const targets = new Set(['actor', 'process', 'store', 'flow']);
      const inScope = records.filter(
        (r) => targets.has(r.typeName) && !(r as { outOfScope?: boolean }).outOfScope,
      );
      expect(suggestions.length > 0, `${inScope.length} in-scope elements`).toBe(
        inScope.length > 0,
      );
      const elements = new Map(
        records.filter((r) => 'diagramId' in r && r.typeName !== 'threat').map((r) => [r.id, r]),
      );
      const diagrams = new Map(
        records.flatMap((r) => (r.typeName === 'diagram' ? [[r.id, r]] : [])),
      );
      for (const s of suggestions) {
        const element = elements.get(s.elementId) as { outOfScope: boolean } | undefined;
        expect(element, s.ruleKey).toBeDefined();
        expect(element!.outOfScope).toBe(false);
        // each diagram gets threats in its own methodology's categories
        expect(categoriesFor(diagrams.get(s.diagramId)!.methodology)).toContain(s.category);
      }

      const state = toRecordMap(records);
      for (const op of mergeSuggestions(records, suggestions, { newId: counterIds('t') })) {
        const check = validateOp(state, op);
        expect(check.ok, JSON.stringify(check)).toBe(true);
        if (check.ok) applyOp(state, check.op);
      }
      const after: ModelRecord[] = [...state.values()];
      // imported threats are untouched; a second run adds nothing
      for (const t of before) expect(state.get(t.id)).toEqual(t);
      expect(after.filter((r) => r.typeName === 'threat')).toHaveLength(
        before.length + suggestions.length,
      );
      expect(mergeSuggestions(after, generateThreats(after), { newId: counterIds('u') })).toEqual(
        [],
      );
    });
  }

  it('a model with several methodologies gets suggestions per methodology; PLOT4ai waits for ML tags', () => {
    const fixture = threatDragonFixtures().find((f) => f.name.endsWith('test-reports.json'))!;
    const { records } = importModel(fixture.json);
    const methodologiesWithSuggestions = (rs: ModelRecord[]) => {
      const hit = new Set(generateThreats(rs).map((s) => s.diagramId));
      return new Set(
        rs.flatMap((r) => (r.typeName === 'diagram' && hit.has(r.id) ? [r.methodology] : [])),
      );
    };
    expect(methodologiesWithSuggestions(records)).toEqual(
      new Set(['stride', 'linddun', 'cia', 'die', 'generic']),
    );
    const plot4ai = records.find((r) => r.typeName === 'diagram' && r.methodology === 'plot4ai')!;
    const tagged = records.map((r) =>
      r.typeName === 'process' && r.diagramId === plot4ai.id ? { ...r, isMLModel: true } : r,
    );
    expect(methodologiesWithSuggestions(tagged).has('plot4ai')).toBe(true);
  });
});
