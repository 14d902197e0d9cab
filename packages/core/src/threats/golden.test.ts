import { describe, expect, it } from 'vitest';
import { threatDragonFixtures } from '../../../../test-support/fixtures.test-helper';
import { importModel } from '../formats/import-model';
import { modelWarnings } from '../model/document';
import type { ModelRecord } from '../model/records';
import { generateThreats, type Suggestion } from './generate';
import {
  buildModel,
  IOT_CLOUD,
  K8S_MICROSERVICES,
  LLM_AGENT,
  MOBILE_BANKING,
  THREE_TIER_SQL,
  type ModelSpec,
} from './golden-models.test-helper';

/**
 * Golden tests: on real Threat Dragon models and on models written for the purpose, the
 * suggestions an AppSec engineer must see on named elements, and those that must not appear.
 */

/** Rule ids suggested per element name (names with line breaks read as one line). */
function byName(records: ModelRecord[], suggestions: Suggestion[] = generateThreats(records)) {
  const names = new Map(
    records.flatMap((r) =>
      'name' in r && 'diagramId' in r ? [[r.id, r.name.replace(/\s+/g, ' ')]] : [],
    ),
  );
  const out = new Map<string, string[]>();
  for (const s of suggestions) {
    const name = names.get(s.elementId)!;
    out.set(name, [...(out.get(name) ?? []), s.ruleId]);
  }
  return out;
}

interface Expectation {
  must?: string[];
  mustNot?: string[];
}

function check(found: Map<string, string[]>, expectations: Record<string, Expectation>) {
  for (const [name, { must = [], mustNot = [] }] of Object.entries(expectations)) {
    const rules = found.get(name) ?? [];
    for (const id of must) expect(rules, `${name} must get ${id}`).toContain(id);
    for (const id of mustNot) expect(rules, `${name} must not get ${id}`).not.toContain(id);
  }
}

const written = (spec: ModelSpec) => byName(buildModel(spec));
const fixture = (file: string) => {
  const found = threatDragonFixtures().find((f) => f.name === file);
  expect(found, file).toBeDefined();
  return importModel(found!.json).records;
};

/** Everything a "Plaintext protocol" finding could come from. */
const PLAINTEXT = [
  'property.flow.plaintext-protocol',
  'property.flow.legacy-tls',
  'stride-interaction.public-cleartext',
  'property.flow.internal-cleartext',
  'network.cleartext-crossing',
];
const DOS_AND_AUDIT = [
  'stride.process.denial-of-service',
  'stride.process.repudiation',
  'oat.OAT-015.denial-of-service',
  'access.rate-limiting',
  'cloud.serverless.denial-of-wallet',
  'kubernetes.resource-limits',
];
const BRUTE_FORCE = [
  'access.login-brute-force',
  'oat.OAT-007.credential-cracking',
  'oat.OAT-008.credential-stuffing',
  'property.store.credentials',
];

describe('golden: models written for the purpose', () => {
  it('three-tier web shop on SQL', () => {
    check(written(THREE_TIER_SQL), {
      'Orders service': {
        must: [
          'injection.sql',
          'access.broken-object-authorisation',
          'access.function-authorisation',
        ],
        mustNot: ['oat.OAT-013.sniping', 'oat.OAT-005.scalping'],
      },
      'Orders DB (PostgreSQL)': {
        must: ['property.store.unencrypted', 'data.database.over-privileged'],
      },
      'Shop web app': {
        must: ['access.csrf', 'network.internet-without-waf', 'property.process.web-injection'],
        // privilege level "admin" is free text, not root or SYSTEM
        mustNot: ['property.process.high-privilege'],
      },
      'Storefront SPA (React)': {
        must: ['injection.dom-xss', 'access.client-side-enforcement'],
        mustNot: [...DOS_AND_AUDIT, 'property.process.web-injection', 'injection.sql'],
      },
      Administrator: { must: ['access.admin-interface'] },
      'f-order': { mustNot: [...PLAINTEXT, 'stride-interaction.crossing.spoofing'] },
      'f-api': { mustNot: PLAINTEXT },
      'f-browse': { mustNot: PLAINTEXT },
      'f-sql': { mustNot: PLAINTEXT },
    });
  });

  it('microservices on Kubernetes with a message queue and a CI/CD pipeline', () => {
    check(written(K8S_MICROSERVICES), {
      'Order events (Kafka)': { must: ['data.queue.forged-messages', 'data.queue.tampering'] },
      'Billing worker (container)': {
        must: ['data.queue.poison-message', 'injection.sql', 'kubernetes.container-escape'],
      },
      'Orders service (container)': {
        must: [
          'kubernetes.container-escape',
          'kubernetes.image-provenance',
          'injection.request-smuggling',
        ],
      },
      'Kubernetes control plane': { must: ['kubernetes.api-server-exposed'] },
      'CI/CD pipeline (GitHub Actions)': {
        must: [
          'supply-chain.poisoned-pipeline',
          'supply-chain.pipeline-secrets',
          'supply-chain.dependency-confusion',
        ],
      },
      'Container registry': { must: ['supply-chain.registry-tampering'] },
      'Git repository': { must: ['supply-chain.source-tampering'] },
      'Secrets vault (HashiCorp Vault)': {
        must: ['data.vault.over-broad-access'],
        mustNot: [...BRUTE_FORCE, 'property.store.unencrypted', 'supply-chain.registry-tampering'],
      },
      'API gateway (Kong)': { must: ['access.rate-limiting'] },
      'f-route': { mustNot: [...PLAINTEXT, 'network.service-to-service-unauthenticated'] },
      'f-publish': { mustNot: PLAINTEXT },
      'f-ledger': { must: ['property.flow.internal-cleartext'] },
    });
  });

  it('mobile banking app holding personal data', () => {
    check(written(MOBILE_BANKING), {
      'Banking mobile app (iOS and Android)': {
        must: [
          'client.mobile-storage',
          'client.reverse-engineering',
          'access.client-side-enforcement',
        ],
        mustNot: DOS_AND_AUDIT,
      },
      'Accounts API': {
        must: ['injection.sql', 'access.broken-object-authorisation', 'access.rate-limiting'],
        mustNot: ['iot.local-api'],
      },
      'Identity provider (Keycloak)': {
        must: ['access.login-brute-force', 'access.idp-signing-keys', 'access.account-recovery'],
      },
      'Customer DB (MySQL)': {
        must: ['property.element.personal-data', 'network.missing-segmentation'],
      },
      'f-calls': {
        must: ['client.mobile-transport'],
        mustNot: [...PLAINTEXT, 'network.service-to-service-unauthenticated'],
      },
      'f-login': { mustNot: PLAINTEXT },
      'f-sql': { must: ['property.flow.internal-cleartext'] },
      'f-use': { mustNot: PLAINTEXT },
    });
  });

  it('mobile banking as a LINDDUN diagram: privacy threats on every element', () => {
    const records = buildModel({ ...MOBILE_BANKING, methodology: 'linddun' });
    const found = byName(records);
    const elements = records.filter((r) =>
      ['actor', 'process', 'store', 'flow'].includes(r.typeName),
    );
    expect(elements.length).toBe(9);
    for (const e of elements)
      expect(found.get((e as { name: string }).name), (e as { name: string }).name).toBeDefined();
    check(found, {
      Customer: {
        must: ['linddun.actor.unawareness', 'linddun.actor.linking', 'linddun.actor.identifying'],
      },
      'f-calls': { must: ['linddun.flow.data-disclosure'], mustNot: ['linddun.flow.disclosure'] },
      'Customer DB (MySQL)': {
        must: ['linddun.store.non-compliance', 'linddun.store.data-disclosure'],
      },
    });
  });

  it('LLM agent with tools and a vector store', () => {
    check(written(LLM_AGENT), {
      'Support chatbot (LLM agent)': {
        must: [
          'llm.prompt-injection.direct',
          'llm.prompt-injection.indirect',
          'llm.excessive-agency',
          'llm.improper-output-handling',
          'llm.unbounded-consumption',
        ],
      },
      'Knowledge base vector store': { must: ['llm.vector-store.cross-tenant'] },
      'Refund (agent tool)': { mustNot: ['llm.excessive-agency', 'llm.agent-audit'] },
      'f-complete': { must: ['llm.third-party-provider'], mustNot: PLAINTEXT },
      'f-chat': { mustNot: PLAINTEXT },
    });
  });

  it('IoT device with a cloud back end', () => {
    check(written(IOT_CLOUD), {
      'Smart thermostat (IoT device)': {
        must: [
          'iot.firmware-update',
          'iot.physical-access',
          'access.default-credentials',
          'injection.memory-safety',
        ],
      },
      'f-telemetry': {
        must: ['iot.plain-protocol', 'iot.device-identity', 'stride-interaction.public-cleartext'],
      },
      'f-ingest': { mustNot: ['iot.plain-protocol', ...PLAINTEXT] },
      'f-command': { must: ['iot.command-spoofing'], mustNot: PLAINTEXT },
      'Telemetry broker (MQTT queue)': { must: ['data.queue.forged-messages'] },
      'Device cloud API': {
        must: ['injection.sql', 'cloud.metadata-service', 'data.queue.poison-message'],
      },
      'Companion mobile app': { must: ['client.mobile-storage'], mustNot: DOS_AND_AUDIT },
    });
  });

  it('secure protocols people type are never called plaintext or deprecated', () => {
    const secure = [
      'HTTPS',
      'HTTP/2',
      'HTTP (TLS 1.3)',
      'SMTP/TLS',
      'MQTT/TLS',
      'POP3S',
      'redis+tls',
      'DNS-over-HTTPS',
      'SSL/TLS',
      'HTTP/2 gRPC (mTLS)',
      'HTTP/S',
      'HTTPS (TLS 1.3)',
      'gRPC over mTLS',
      'Secure WebSocket',
      'LDAPS',
      'SFTP',
    ];
    for (const protocol of secure) {
      const found = written({
        title: protocol,
        boxes: [
          ['a', 'process', 'Orders API'],
          ['b', 'store', 'Orders DB (MySQL)'],
        ],
        flows: [['f', 'a', 'b', { protocol, isPublicNetwork: true }]],
      });
      check(found, { f: { mustNot: PLAINTEXT } });
    }
  });
});

describe('golden: protocols read by the protocol catalogue', () => {
  /** One flow from an API to a database, with these fields. */
  const flowWith = (fields: Record<string, unknown>) =>
    buildModel({
      title: 'protocol',
      boxes: [
        ['a', 'process', 'Orders API'],
        ['b', 'store', 'Orders DB (MySQL)'],
      ],
      flows: [['f', 'a', 'b', fields]],
    });
  const on = (fields: Record<string, unknown>) => byName(flowWith(fields));

  it('plaintext protocols, however spelled, get "Plaintext protocol"', () => {
    for (const protocol of ['HTTP', 'HTTP/1.1', 'FTP', 'Telnet', 'LDAP', 'redis', 'SNMPv2c'])
      check(on({ protocol }), { f: { must: ['property.flow.plaintext-protocol'] } });
    // "no TLS" and "insecure" name TLS and "secure" but say the opposite.
    for (const protocol of ['HTTP (no TLS)', 'Insecure HTTP', 'plain HTTP', 'HTTP without TLS'])
      check(on({ protocol }), { f: { must: ['property.flow.plaintext-protocol'] } });
  });

  it('a blank protocol is read from the flow name', () => {
    check(on({ name: 'HTTP JSON RPC' }), {
      'HTTP JSON RPC': { must: ['property.flow.plaintext-protocol'] },
    });
    check(on({ name: 'HTTPS' }), { HTTPS: { mustNot: PLAINTEXT } });
    check(on({ name: 'Orders query' }), {
      'Orders query': { mustNot: ['property.flow.plaintext-protocol'] },
    });
  });

  it('SSL and TLS below 1.2 are deprecated; bare SSL, SSL/TLS and TLS 1.2+ are not', () => {
    for (const protocol of ['TLS 1.0', 'TLSv1.1', 'SSLv3', 'HTTPS (TLS 1.0)', 'SSL 3.0'])
      check(on({ protocol }), {
        f: { must: ['property.flow.legacy-tls'], mustNot: ['property.flow.plaintext-protocol'] },
      });
    for (const protocol of ['SSL', 'SSL/TLS', 'TLS 1.2', 'TLS 1.3', 'HTTPS'])
      check(on({ protocol }), { f: { mustNot: ['property.flow.legacy-tls'] } });
  });

  it('an internal HTTPS flow is not "Unencrypted on the internal network"; an internal TCP flow is', () => {
    check(on({ protocol: 'HTTPS' }), { f: { mustNot: ['property.flow.internal-cleartext'] } });
    check(on({ protocol: 'HTTP (TLS 1.3)' }), {
      f: { mustNot: ['property.flow.internal-cleartext'] },
    });
    check(on({ protocol: 'TCP 3306' }), {
      f: {
        must: ['property.flow.internal-cleartext'],
        mustNot: ['property.flow.plaintext-protocol'],
      },
    });
  });

  it('marked encrypted over HTTP: a model warning, not plaintext threats', () => {
    const records = flowWith({ protocol: 'HTTP', isEncrypted: true, isPublicNetwork: true });
    check(byName(records), { f: { mustNot: PLAINTEXT } });
    const warnings = modelWarnings(records);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toMatch(/^records\[\d+\]\.isEncrypted$/);
    expect(warnings[0]!.message).toContain('marked encrypted');
    expect(modelWarnings(flowWith({ protocol: 'HTTPS', isEncrypted: true }))).toEqual([]);
    expect(modelWarnings(flowWith({ protocol: 'HTTP' }))).toEqual([]);
    expect(modelWarnings(flowWith({ protocol: 'TCP', isEncrypted: true }))).toEqual([]);
  });
});

describe('golden: shared Threat Dragon models', () => {
  it('demo threat model: queue, worker, database and HTTPS flows', () => {
    for (const file of [
      'ThreatDragonModels/demo-threat-model.json',
      'ThreatDragonModels/v2-threat-model.json',
      'demo/v2-threat-model.json',
    ])
      check(byName(fixture(file)), {
        'Message Queue': {
          must: ['data.queue.forged-messages', 'data.queue.tampering', 'data.queue.disclosure'],
        },
        'Background Worker Process': { must: ['data.queue.poison-message'] },
        'Web Request': { mustNot: PLAINTEXT },
        'Web Response': { mustNot: PLAINTEXT },
        'Worker Config': { must: ['data.config.secrets-in-config'] },
        Database: { must: ['property.store.unencrypted'] },
      });
  });

  it('IoT device: SQL injection from the cloud API, unauthenticated local API, UPnP broadcast', () => {
    check(byName(fixture('demo/iot-device.json')), {
      'Cloud API': { must: ['injection.sql'], mustNot: ['iot.local-api'] },
      'Local API': { must: ['iot.local-api', 'access.missing-authentication'] },
      'IoT Device': { must: ['iot.firmware-update', 'iot.physical-access'] },
      Broadcast: { must: ['iot.plain-protocol'] },
      HTTPS: { mustNot: PLAINTEXT },
    });
  });

  it('three-tier web app: SQL injection towards the database drawn as a process', () => {
    check(byName(fixture('demo/three-tier-web-app.json')), {
      'Web Service': { must: ['injection.sql'] },
      PostgresSQL: { must: ['data.database.disclosure'] },
    });
  });

  it('generic CMS: web server writing to MySQL, administrator access', () => {
    check(byName(fixture('demo/generic-cms.json')), {
      'Web server': { must: ['injection.sql', 'injection.stored-xss', 'access.csrf'] },
      Admin: { must: ['access.admin-interface'] },
    });
  });

  it('renting car (LINDDUN): privacy threats on every in-scope element', () => {
    const records = fixture('demo/renting-car.json');
    const found = new Set(generateThreats(records).map((s) => s.elementId));
    const inScope = records.filter(
      (r) =>
        ['actor', 'process', 'store', 'flow'].includes(r.typeName) &&
        !(r as { outOfScope: boolean }).outOfScope,
    );
    expect(inScope.length).toBe(30);
    for (const e of inScope) expect(found.has(e.id), (e as { name: string }).name).toBe(true);
  });

  it('payment online: no plaintext finding on flows marked encrypted', () => {
    const records = fixture('demo/payment-online.json');
    const encrypted = new Set(
      records.flatMap((r) => (r.typeName === 'flow' && r.isEncrypted ? [r.id] : [])),
    );
    for (const s of generateThreats(records))
      if (encrypted.has(s.elementId)) expect(PLAINTEXT, s.ruleKey).not.toContain(s.ruleId);
  });
});
