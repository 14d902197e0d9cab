import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../model/errors';
import type { ModelRecord } from '../../model/records';
import { tdExpressibleModel } from '../arbitrary-model.test-helper';
import { exportOtm } from './export-otm';
import { readSchema, threatDragonFixtures } from '../../../../../test-support/fixtures.test-helper';
import { importOtm } from './import-otm';
import { importThreatDragon } from '../threat-dragon/import-threat-dragon';

const ajv = new Ajv({ allowUnionTypes: true, allErrors: true, strict: false });
const validateOtm = ajv.compile(readSchema('open-threat-model.schema.json'));

function expectValid(doc: unknown): void {
  const ok = validateOtm(doc);
  expect(ok ? [] : validateOtm.errors).toEqual([]);
}

const byId = (rs: readonly ModelRecord[]) =>
  [...rs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const roundTrip = (records: readonly ModelRecord[]) =>
  importOtm(JSON.parse(JSON.stringify(exportOtm(records))));

describe('OTM export and import', () => {
  for (const { name, json } of threatDragonFixtures()) {
    it(`${name}: OTM export validates and round-trips every record`, () => {
      const records = importThreatDragon(json).records;
      const doc = exportOtm(records);
      expectValid(doc);
      const back = roundTrip(records);
      expect(back.warnings).toEqual([]);
      expect(byId(back.records)).toEqual(byId(records));
    });
  }

  it('puts components in the smallest boundary containing them, others in a per-diagram default zone', () => {
    const records = importThreatDragon(
      threatDragonFixtures().find((f) => f.name.endsWith('payment-online.json'))!.json,
    ).records;
    const doc = exportOtm(records);
    const zoneIds = new Set(doc.trustZones.map((z) => z.id));
    for (const c of doc.components)
      expect(zoneIds.has((c.parent as { trustZone: string }).trustZone)).toBe(true);
    const boundaries = records.filter((r) => r.typeName === 'boundary');
    expect(
      doc.trustZones
        .filter((z) => z.type === 'trust-boundary')
        .map((z) => z.id)
        .sort(),
    ).toEqual(boundaries.map((b) => b.id).sort());
    // At least one component sits inside a real boundary in this demo.
    expect(
      doc.components.some((c) =>
        boundaries.some((b) => b.id === (c.parent as { trustZone: string }).trustZone),
      ),
    ).toBe(true);
  });

  it('writes statuses as OTM free text from the status table', () => {
    const records = importThreatDragon(
      threatDragonFixtures().find((f) => f.name.endsWith('demo/v2-threat-model.json'))!.json,
    ).records;
    const states = [...exportOtm(records).components, ...exportOtm(records).dataflows].flatMap(
      (c) => (c.threats as { state: string }[]).map((t) => t.state),
    );
    expect(new Set(states)).toEqual(new Set(['exposed', 'mitigated']));
  });

  it('property: native -> OTM -> native is the identity', () => {
    fc.assert(
      fc.property(tdExpressibleModel, (records) => {
        expectValid(exportOtm(records));
        const back = roundTrip(records);
        expect(back.warnings).toEqual([]);
        expect(byId(back.records)).toEqual(byId(records));
      }),
      { numRuns: 100 },
    );
  });
});

describe('OTM from other tools', () => {
  const foreign = {
    otmVersion: '0.2.0',
    project: { name: 'Shop', id: 'shop' },
    assets: [
      {
        id: 'a1',
        name: 'Card data',
        risk: { confidentiality: 100, integrity: 100, availability: 50 },
      },
    ],
    trustZones: [{ id: 'internet', name: 'Internet', risk: { trustRating: 10 } }],
    components: [
      { id: 'browser', name: 'Browser', type: 'generic-client', parent: { trustZone: 'internet' } },
      {
        id: 'api',
        name: 'API',
        type: 'web-service',
        parent: { trustZone: 'internet' },
        threats: [
          {
            threat: 'sqli',
            state: 'exposed',
            mitigations: [{ mitigation: 'prep', state: 'implemented' }],
          },
        ],
      },
      {
        id: 'db',
        name: 'Orders DB',
        type: 'postgresql-database',
        parent: { trustZone: 'internet' },
      },
    ],
    dataflows: [
      {
        id: 'f1',
        name: 'HTTPS',
        source: 'browser',
        destination: 'api',
        threats: [{ threat: 'mitm', state: 'Needs Investigation' }],
      },
    ],
    threats: [
      {
        id: 'sqli',
        name: 'SQL injection',
        categories: ['Tampering'],
        cwes: ['CWE-89'],
        risk: { likelihood: 50, impact: 80 },
      },
      {
        id: 'mitm',
        name: 'Interception',
        categories: ['Information disclosure'],
        risk: { likelihood: null, impact: 30 },
      },
      { id: 'lonely', name: 'Unused', risk: { likelihood: 1, impact: 1 } },
    ],
    mitigations: [{ id: 'prep', name: 'Prepared statements', riskReduction: 90 }],
  };

  it('validates, imports with layout and warns about what it drops', () => {
    expectValid(foreign);
    const { records, warnings } = importOtm(foreign, { newId: () => 'diagram-x' });
    expect(records.find((r) => r.id === 'browser')).toMatchObject({
      typeName: 'actor',
      diagramId: 'diagram-x',
    });
    expect(records.find((r) => r.id === 'db')).toMatchObject({ typeName: 'store' });
    expect(records.find((r) => r.id === 'api')).toMatchObject({ typeName: 'process' });
    const zone = records.find((r) => r.id === 'internet') as {
      x: number;
      y: number;
      width: number;
      height: number;
      typeName: string;
    };
    expect(zone.typeName).toBe('boundary');
    for (const id of ['browser', 'api', 'db']) {
      const c = records.find((r) => r.id === id) as {
        x: number;
        y: number;
        width: number;
        height: number;
      };
      expect(
        c.x >= zone.x &&
          c.y >= zone.y &&
          c.x + c.width <= zone.x + zone.width &&
          c.y + c.height <= zone.y + zone.height,
      ).toBe(true);
    }
    expect(records.find((r) => r.id === 'sqli')).toMatchObject({
      category: 'tampering',
      status: 'open',
      severity: 'high',
      references: [{ kind: 'cwe', id: 'CWE-89' }],
    });
    expect(records.find((r) => r.id === 'mitm')).toMatchObject({
      category: 'information-disclosure',
      status: 'open',
      severity: 'low',
      elementId: 'f1',
    });
    expect(records.find((r) => r.id === 'prep')).toMatchObject({
      threatId: 'sqli',
      status: 'done',
    });
    expect(warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining([
        'assets[0]',
        'trustZones[0].risk.trustRating',
        'components[0].type',
        'components[2].type',
        'threats[2]',
      ]),
    );
  });

  it('rejects malformed OTM with paths', () => {
    const bad = structuredClone(foreign) as Record<string, unknown>;
    (bad.components as Record<string, unknown>[])[1]!.name = 42;
    try {
      importOtm(bad);
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe('components[1].name');
    }
  });
});
