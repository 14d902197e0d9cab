import { describe, expect, it } from 'vitest';
import { threatDragonFixtures } from '../../../../test-support/fixtures.test-helper';
import { importModel } from '../formats/import-model';
import { generateThreats } from './generate';

/**
 * Issue 11 targets on the shared Threat Dragon fixtures: at most 6 suggestions on any in-scope
 * element, and at least 95% of the human-written threats on in-scope elements suggested (same
 * element, same category). `pnpm bench:fixtures` prints the numbers per fixture.
 */
describe('suggestion targets on the shared fixtures', () => {
  const fixtures = threatDragonFixtures().map(({ name, json }) => ({
    name,
    records: importModel(json).records,
  }));

  it('at most 6 suggestions on any in-scope element of any fixture', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
    for (const { name, records } of fixtures) {
      const perElement = new Map<string, number>();
      for (const s of generateThreats(records))
        perElement.set(s.elementId, (perElement.get(s.elementId) ?? 0) + 1);
      for (const [id, n] of perElement) expect(n, `${name} ${id}`).toBeLessThanOrEqual(6);
    }
  });

  it('at least 95% of the human-written threats on in-scope elements are suggested', () => {
    let human = 0;
    let covered = 0;
    for (const { records } of fixtures) {
      const inScope = new Set(
        records.flatMap((r) =>
          ['actor', 'process', 'store', 'flow'].includes(r.typeName) &&
          !(r as { outOfScope: boolean }).outOfScope
            ? [r.id]
            : [],
        ),
      );
      const suggested = new Set(
        generateThreats(records).map((s) => `${s.elementId} ${s.category}`),
      );
      for (const t of records)
        if (t.typeName === 'threat' && inScope.has(t.elementId)) {
          human += 1;
          if (suggested.has(`${t.elementId} ${t.category}`)) covered += 1;
        }
    }
    expect(human).toBeGreaterThanOrEqual(50);
    expect(covered / human).toBeGreaterThanOrEqual(0.95);
  });
});
