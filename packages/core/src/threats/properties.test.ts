import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tdExpressibleModel } from '../formats/arbitrary-model.test-helper';
import { applyOp } from '../ops/apply';
import { toRecordMap } from '../ops/ops';
import { validateOp } from '../ops/validate';
import { generateThreats } from './generate';
import { mergeSuggestions } from './merge';

/** Engine invariants over arbitrary models (fast-check; the generator is the formats module's). */
describe('threat engine properties', () => {
  it('determinism: any order of the same records gives the same suggestions', () => {
    fc.assert(
      fc.property(tdExpressibleModel, fc.integer(), (records, seed) => {
        const shuffled = [...records];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(generateThreats(shuffled)).toEqual(generateThreats(records));
      }),
      { numRuns: 60 },
    );
  });

  it('merge idempotence: merged ops all validate, keep existing threats, and a second merge adds nothing', () => {
    let merged = 0;
    fc.assert(
      fc.property(tdExpressibleModel, (records) => {
        let n = 0;
        const state = toRecordMap(records);
        const ops = mergeSuggestions(records, generateThreats(records), {
          newId: () => `gen-${++n}`,
        });
        merged += ops.length;
        for (const op of ops) {
          const check = validateOp(state, op);
          expect(check.ok).toBe(true);
          if (check.ok) applyOp(state, check.op);
        }
        for (const r of records) if (r.typeName === 'threat') expect(state.get(r.id)).toEqual(r);
        const after = [...state.values()];
        expect(
          mergeSuggestions(after, generateThreats(after), { newId: () => `again-${++n}` }),
        ).toEqual([]);
        const outOfScope = new Set(
          records.flatMap((r) => ('outOfScope' in r && r.outOfScope ? [r.id] : [])),
        );
        expect(generateThreats(after).some((s) => outOfScope.has(s.elementId))).toBe(false);
      }),
      { numRuns: 60 },
    );
    expect(merged).toBeGreaterThan(100);
  });
});
