import { describe, expect, it } from 'vitest';
import { checkDocument } from '../model/document';
import { categoriesFor } from '../model/keys';
import type { ModelRecord } from '../model/records';
import { generateThreats } from './generate';
import { RULES } from './packs';
import { actor, build, flow, named, proc, store, type Scene } from './rule-fixtures.test-helper';
import { SECURITY_FIXTURES } from './security-rule-fixtures.test-helper';

/**
 * One test per rule, named by its id: a minimal model where the rule fires on
 * element `T`, and one where it does not.
 */

const web = proc({ isWebApplication: true });
const ml = proc({ isMLModel: true });
const pii = { handlesPII: true };

/** [fires, stays quiet] per rule id. */
const FIXTURES: Record<string, [Scene, Scene]> = {
  ...SECURITY_FIXTURES,
  'stride.actor.spoofing': [{ el: actor() }, { el: proc() }],
  'stride.actor.repudiation': [{ el: actor() }, { el: proc() }],
  'stride.process.spoofing': [{ el: proc() }, { el: named('process', 'Orders API') }],
  'stride.process.tampering': [{ el: proc() }, { el: store() }],
  'stride.process.repudiation': [{ el: proc() }, { el: store() }],
  'stride.process.information-disclosure': [{ el: proc() }, { el: actor() }],
  'stride.process.denial-of-service': [
    { el: proc(), from: actor() },
    { el: named('process', 'Orders API'), from: actor() },
  ],
  'stride.process.elevation-of-privilege': [{ el: proc() }, { el: store() }],
  'stride.store.tampering': [{ el: store() }, { el: actor() }],
  'stride.store.repudiation': [{ el: store({ isALog: true }) }, { el: store() }],
  'stride.store.information-disclosure': [{ el: store() }, { el: actor() }],
  'stride.store.denial-of-service': [{ el: store(), to: proc() }, { el: store() }],
  'stride.flow.tampering': [{ el: flow(), inZone: true }, { el: flow() }],
  'stride.flow.information-disclosure': [{ el: flow(), inZone: true }, { el: flow() }],
  'stride.flow.denial-of-service': [{ el: flow(), inZone: true }, { el: flow() }],

  'stride-interaction.crossing.spoofing': [{ el: flow(), inZone: true }, { el: flow() }],
  'stride-interaction.crossing.tampering': [
    { el: flow(), inZone: true },
    { el: flow(), inZone: true, target: actor() },
  ],
  'stride-interaction.crossing.store-egress': [
    { el: flow(), source: store(), inZone: true },
    { el: flow(), source: store() },
  ],
  'stride-interaction.unauthenticated-actor': [
    { el: flow(), source: actor() },
    { el: flow(), source: actor({ providesAuthentication: true }) },
  ],
  'stride-interaction.public-cleartext': [
    { el: flow({ isPublicNetwork: true }) },
    { el: flow({ isPublicNetwork: true, isEncrypted: true }) },
  ],
  'stride-interaction.public-flooding': [
    { el: flow({ isPublicNetwork: true }) },
    { el: flow({ isPublicNetwork: true }), target: store() },
  ],
  'stride-interaction.bidirectional-crossing': [
    { el: flow({ isBidirectional: true }), inZone: true },
    { el: flow({ isBidirectional: true }) },
  ],
  'stride-interaction.actor-store-direct': [
    { el: flow(), source: store(), target: actor() },
    { el: flow(), source: actor() },
  ],
  'stride-interaction.dangling-end': [{ el: flow(), target: null }, { el: flow() }],
  'stride-interaction.process-to-actor-leak': [
    { el: flow(), target: actor() },
    { el: flow({ isEncrypted: true }), target: actor() },
  ],

  'property.process.high-privilege': [
    { el: proc({ privilegeLevel: 'Root' }) },
    { el: proc({ privilegeLevel: 'app user' }) },
  ],
  'property.process.privilege-level': [
    { el: proc({ privilegeLevel: 'service account' }) },
    { el: proc({ privilegeLevel: 'Administrator' }) },
  ],
  'property.process.web-injection': [{ el: web }, { el: proc() }],
  'property.process.web-session': [{ el: web }, { el: proc() }],
  'property.process.card-data': [{ el: proc({ handlesCardPayment: true }) }, { el: proc() }],
  'property.process.business-logic': [
    { el: proc({ handlesGoodsOrServices: true }) },
    { el: proc() },
  ],
  'property.store.log-sensitive-data': [{ el: store({ isALog: true }) }, { el: store() }],
  'property.store.log-unsigned': [
    { el: store({ isALog: true }) },
    { el: store({ isALog: true, isSigned: true }) },
  ],
  'property.store.unencrypted': [
    { el: store({ storesCredentials: true }) },
    { el: store({ storesCredentials: true, isEncrypted: true }) },
  ],
  'property.store.weak-encryption': [{ el: store({ isEncrypted: true }) }, { el: store() }],
  'property.store.weak-signature': [{ el: store({ isSigned: true }) }, { el: store() }],
  'property.store.credentials': [{ el: store({ storesCredentials: true }) }, { el: store() }],
  'property.store.inventory-race': [{ el: store({ storesInventory: true }) }, { el: store() }],
  'property.flow.plaintext-protocol': [
    { el: flow({ protocol: 'HTTP/1.1' }) },
    { el: flow({ protocol: 'HTTPS' }) },
  ],
  'property.flow.legacy-tls': [
    { el: flow({ protocol: 'TLS 1.0' }) },
    { el: flow({ protocol: 'TLS 1.3' }) },
  ],
  'property.flow.tls-configuration': [
    { el: flow({ isEncrypted: true, protocol: 'TLS 1.3', isPublicNetwork: true }) },
    { el: flow({ isEncrypted: true, protocol: 'SSLv3', isPublicNetwork: true }) },
  ],
  'property.flow.internal-cleartext': [
    { el: flow(), source: store() },
    { el: flow({ protocol: 'HTTPS' }), source: store() },
  ],
  'property.flow.bidirectional-replay': [{ el: flow({ isBidirectional: true }) }, { el: flow() }],
  'property.element.personal-data': [{ el: store(pii) }, { el: actor(pii) }],

  'oat.OAT-001.carding': [{ el: proc({ handlesCardPayment: true }) }, { el: proc() }],
  'oat.OAT-002.token-cracking': [{ el: store({ storesInventory: true }) }, { el: store() }],
  'oat.OAT-003.ad-fraud': [
    { el: proc({ name: 'Advertising server' }) },
    { el: proc({ name: 'Billing' }) },
  ],
  'oat.OAT-004.fingerprinting': [{ el: flow({ isPublicNetwork: true }) }, { el: flow() }],
  'oat.OAT-005.scalping': [
    { el: proc({ name: 'Concert tickets', handlesGoodsOrServices: true }) },
    { el: proc({ name: 'Orders service', handlesGoodsOrServices: true }) },
  ],
  'oat.OAT-006.expediting': [{ el: proc({ handlesGoodsOrServices: true }) }, { el: proc() }],
  'oat.OAT-007.credential-cracking': [
    { el: store({ storesCredentials: true }) },
    { el: store({ name: 'Secrets vault', storesCredentials: true }) },
  ],
  'oat.OAT-008.credential-stuffing': [
    { el: actor({ providesAuthentication: true }) },
    { el: actor() },
  ],
  'oat.OAT-009.captcha-defeat': [{ el: actor({ providesAuthentication: true }) }, { el: actor() }],
  'oat.OAT-010.card-cracking': [{ el: proc({ handlesCardPayment: true }) }, { el: proc() }],
  'oat.OAT-011.scraping': [
    { el: store(), to: web },
    { el: store(), to: proc() },
  ],
  'oat.OAT-012.cashing-out': [{ el: proc({ handlesCardPayment: true }) }, { el: proc() }],
  'oat.OAT-013.sniping': [
    { el: proc({ name: 'Auction', handlesGoodsOrServices: true }) },
    { el: proc({ name: 'Orders service', handlesGoodsOrServices: true }) },
  ],
  'oat.OAT-014.vulnerability-scanning': [
    { el: web, from: actor(), fromFlow: { isPublicNetwork: true } },
    { el: web, from: actor() },
  ],
  'oat.OAT-015.denial-of-service': [
    { el: web, from: actor(), fromFlow: { isPublicNetwork: true } },
    { el: proc(), from: actor(), fromFlow: { isPublicNetwork: true } },
  ],
  'oat.OAT-016.skewing': [
    { el: proc({ isWebApplication: true, name: 'Product ratings' }) },
    { el: proc({ isWebApplication: true, name: 'Checkout' }) },
  ],
  'oat.OAT-017.spamming': [
    { el: store(), from: web },
    { el: store(), from: proc() },
  ],
  'oat.OAT-018.footprinting': [{ el: web }, { el: proc() }],
  'oat.OAT-019.account-creation': [
    { el: store({ storesCredentials: true }) },
    { el: store({ name: 'Secrets vault', storesCredentials: true }) },
  ],
  'oat.OAT-020.account-aggregation': [
    { el: actor({ providesAuthentication: true }) },
    { el: actor() },
  ],
  'oat.OAT-021.denial-of-inventory': [{ el: store({ storesInventory: true }) }, { el: store() }],

  'linddun.actor.unawareness': [
    { el: actor() },
    { el: named('actor', 'Partner system (external)') },
  ],
  'linddun.process.linking': [{ el: proc() }, { el: store() }],
  'linddun.process.identifying': [{ el: proc() }, { el: store() }],
  'linddun.process.non-repudiation': [{ el: proc() }, { el: store() }],
  'linddun.process.data-disclosure': [{ el: proc() }, { el: store() }],
  'linddun.store.linking': [{ el: store() }, { el: proc() }],
  'linddun.store.identifying': [{ el: store() }, { el: proc() }],
  'linddun.store.non-compliance': [{ el: store() }, { el: proc() }],
  'linddun.flow.linking': [{ el: flow() }, { el: proc() }],
  'linddun.flow.detecting': [{ el: flow() }, { el: proc() }],
  'linddun.flow.data-disclosure': [{ el: flow(pii), inZone: true }, { el: flow(pii) }],
  'linddun.flow.unencrypted-personal-data': [
    { el: flow(pii) },
    { el: flow({ ...pii, isEncrypted: true }) },
  ],

  'cia.actor.integrity': [{ el: actor(), to: proc() }, { el: actor() }],
  'cia.process.confidentiality': [{ el: proc() }, { el: store() }],
  'cia.process.integrity': [{ el: proc() }, { el: store() }],
  'cia.process.availability': [
    { el: proc(), from: actor() },
    { el: proc(), from: proc() },
  ],
  'cia.store.confidentiality': [{ el: store() }, { el: store({ isEncrypted: true }) }],
  'cia.store.integrity': [{ el: store() }, { el: store({ isSigned: true }) }],
  'cia.store.availability': [{ el: store(), to: proc() }, { el: store() }],
  'cia.flow.confidentiality': [{ el: flow() }, { el: flow({ isEncrypted: true }) }],
  'cia.flow.integrity': [{ el: flow(), inZone: true }, { el: flow() }],
  'cia.flow.availability': [{ el: flow({ isPublicNetwork: true }) }, { el: flow() }],

  'die.actor.ephemeral': [{ el: actor({ providesAuthentication: true }) }, { el: actor() }],
  'die.process.distributed': [
    { el: named('process', 'Orders API'), to: actor() },
    { el: named('process', 'Orders API') },
  ],
  'die.process.immutable': [{ el: proc() }, { el: store() }],
  'die.process.ephemeral': [{ el: web }, { el: proc() }],
  'die.store.distributed': [{ el: store() }, { el: proc() }],
  'die.store.immutable': [{ el: store() }, { el: store({ isSigned: true }) }],
  'die.store.ephemeral': [{ el: store({ storesCredentials: true }) }, { el: store() }],
  'die.flow.ephemeral': [{ el: flow(), inZone: true }, { el: flow() }],

  'plot4ai.training-data.bias': [{ el: store({ isTrainingData: true }) }, { el: store() }],
  'plot4ai.training-data.provenance': [{ el: flow({ isTrainingData: true }) }, { el: flow() }],
  'plot4ai.training-data.re-identification': [
    { el: store({ isTrainingData: true, ...pii }) },
    { el: store({ isTrainingData: true }) },
  ],
  'plot4ai.security.poisoning': [
    { el: store({ isTrainingData: true }) },
    { el: store({ isMLModel: true }) },
  ],
  'plot4ai.security.adversarial-input': [{ el: ml }, { el: proc() }],
  'plot4ai.identifiability.model-inversion': [{ el: store({ isMLModel: true }) }, { el: store() }],
  'plot4ai.unawareness.automated-decision': [
    { el: ml, from: actor() },
    { el: ml, from: proc() },
  ],
  'plot4ai.accessibility.exclusion': [
    { el: ml, to: actor() },
    { el: ml, to: store() },
  ],
  'plot4ai.safety.harmful-output': [
    { el: ml, from: proc(), fromFlow: { isPublicNetwork: true } },
    { el: ml },
  ],
  'plot4ai.technique.model-drift': [{ el: store({ isTrainingData: true }) }, { el: store() }],

  'ai-ml.training-data.poisoning': [{ el: flow({ isTrainingData: true }) }, { el: flow() }],
  'ai-ml.training-data.disclosure': [
    { el: store({ isTrainingData: true, ...pii }) },
    { el: store({ isTrainingData: true }) },
  ],
  'ai-ml.model.adversarial-input': [{ el: ml }, { el: proc() }],
  'ai-ml.model.inversion': [
    { el: ml, from: actor() },
    { el: ml, from: proc() },
  ],
  'ai-ml.model.membership-inference': [{ el: proc({ isMLModel: true, ...pii }) }, { el: ml }],
  'ai-ml.model.theft': [{ el: store({ isMLModel: true }) }, { el: ml }],
  'ai-ml.model.tampering': [{ el: store({ isMLModel: true }) }, { el: store() }],
  'ai-ml.model.denial-of-service': [
    { el: ml, to: actor() },
    { el: ml, to: proc() },
  ],
};

describe('threat rules', () => {
  it('every rule has a fixture and every fixture a rule', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(rule.id, () => {
      const fixture = FIXTURES[rule.id];
      expect(fixture, `fixture for ${rule.id}`).toBeDefined();
      const [fires, quiet] = fixture!;
      const on = build(fires);
      const off = build(quiet);
      expect(checkDocument(on)).toEqual([]);
      expect(checkDocument(off)).toEqual([]);
      const hits = (records: ModelRecord[]) =>
        generateThreats(records, { packs: [rule.pack] }).filter(
          (s) => s.ruleId === rule.id && s.elementId === 'T',
        );
      const found = hits(on);
      expect(found).toHaveLength(1);
      // What the engine adds to the rule: where it fired, under which key, in the diagram's terms.
      expect(found[0]!.diagramId).toBe('d');
      expect(found[0]!.ruleKey.startsWith(`${rule.id}@T`)).toBe(true);
      expect(categoriesFor(rule.methodology)).toContain(found[0]!.category);
      expect(found[0]!.mitigations.length).toBeGreaterThan(0);
      expect(hits(off)).toEqual([]);
    });
  }
});
