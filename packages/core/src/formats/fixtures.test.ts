import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, threatDragonFixtures } from '../../../../test-support/fixtures.test-helper';

describe('fixtures', () => {
  it('finds the Threat Dragon fixtures named in PROVENANCE.md, each a summary + detail object', () => {
    const provenance = readFileSync(path.join(fixturesDir, 'PROVENANCE.md'), 'utf8');
    const found = threatDragonFixtures();
    expect(found.length).toBeGreaterThanOrEqual(14);
    expect(provenance).toContain('ThreatDragonModels/enter-the-dragon');
    for (const f of found)
      expect(f.json, f.name).toMatchObject({
        summary: expect.any(Object),
        detail: expect.any(Object),
      });
  });
});
