import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '../../model/records';
import { generateThreats } from '../../threats/generate';
import { mergeSuggestions } from '../../threats/merge';
import { applyOps } from '../../ops/apply';
import { toRecordMap } from '../../ops/ops';
import {
  fixturesDir,
  threatDragonFixtures,
} from '../../../../../test-support/fixtures.test-helper';
import { importThreatDragon } from '../threat-dragon/import-threat-dragon';
import { exportSarif } from './export-sarif';

const schema = JSON.parse(
  readFileSync(path.join(fixturesDir, 'sarif/sarif-2.1.0.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const shop: ModelRecord[] = [
  { id: 'm', typeName: 'model', title: 'Shop' },
  { id: 'd', typeName: 'diagram', title: 'Checkout' },
  { id: 'p', typeName: 'process', diagramId: 'd', name: 'Orders API' },
  {
    id: 't1',
    typeName: 'threat',
    diagramId: 'd',
    elementId: 'p',
    number: 1,
    title: 'SQL injection in order search',
    category: 'tampering',
    severity: 'high',
    ruleId: 'stride.process.tampering',
    ruleKey: 'stride.process.tampering@p',
  },
  {
    id: 't2',
    typeName: 'threat',
    diagramId: 'd',
    elementId: 'p',
    number: 2,
    title: 'Card data in logs',
    category: 'information-disclosure',
    severity: 'medium',
  },
  {
    id: 't3',
    typeName: 'threat',
    diagramId: 'd',
    elementId: 'p',
    number: 3,
    title: 'Already fixed',
    category: 'spoofing',
    severity: 'critical',
    status: 'mitigated',
  },
].map((r) => ZModelRecord.parse(r));

describe('SARIF export', () => {
  it('writes one result per open threat with rule id, level, logical and physical location', () => {
    const log = exportSarif(shop, { artifactUri: 'models/shop.json' });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [run] = log.runs;
    expect(run!.results).toHaveLength(2);
    expect(run!.results[0]).toMatchObject({
      ruleId: 'stride.process.tampering',
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'models/shop.json' } },
          logicalLocations: [{ name: 'Orders API', fullyQualifiedName: 'Checkout/Orders API' }],
        },
      ],
      partialFingerprints: { 'threatloomThreat/v1': 'stride.process.tampering@p' },
    });
    // A hand-written threat reports its category as the rule; medium is a warning.
    expect(run!.results[1]).toMatchObject({
      ruleId: 'manual.information-disclosure',
      level: 'warning',
    });
    // The mitigated critical threat is not a result.
    expect(JSON.stringify(run!.results)).not.toContain('Already fixed');
  });

  it("describes each rule once, with the built-in rule's mitigations and references as help", () => {
    const log = exportSarif(shop);
    const rules = log.runs[0]!.tool.driver.rules as {
      id: string;
      help: { text: string };
      helpUri?: string;
    }[];
    expect(rules.map((r) => r.id)).toEqual([
      'stride.process.tampering',
      'manual.information-disclosure',
    ]);
    expect(rules[0]!.help.text).toMatch(/References:/);
    expect(rules[0]!.helpUri).toMatch(/^https:\/\/cwe\.mitre\.org\//);
  });

  it('validates against the SARIF 2.1.0 schema for every Threat Dragon fixture after generation', () => {
    const fixtures = threatDragonFixtures();
    expect(fixtures.length).toBeGreaterThan(10);
    let results = 0;
    for (const { name, json } of fixtures) {
      const { records } = importThreatDragon(json);
      const state = toRecordMap(records);
      applyOps(state, mergeSuggestions(records, generateThreats(records)));
      const log = exportSarif([...state.values()], { artifactUri: name });
      expect(validate(log), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      results += log.runs[0]!.results.length;
    }
    expect(results).toBeGreaterThan(100);
  });
});
