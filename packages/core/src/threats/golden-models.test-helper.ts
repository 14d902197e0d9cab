import { ZModelRecord, type ModelRecord } from '../model/records';

/**
 * Small, realistic models written for the golden tests, described compactly: boxes in order
 * (laid out left to right, 300 apart), flows between them by id, and trust-boundary boxes
 * drawn around consecutive members.
 */
export interface ModelSpec {
  title: string;
  methodology?: string;
  /** [id, kind, name, fields?] */
  boxes: [string, 'actor' | 'process' | 'store', string, Record<string, unknown>?][];
  /** [id, source id, target id, fields?] */
  flows: [string, string, string, Record<string, unknown>?][];
  /** [id, name, member ids (consecutive in `boxes`)] */
  zones?: [string, string, string[]][];
}

const STEP = 300;

export function buildModel(spec: ModelSpec): ModelRecord[] {
  const raw: Record<string, unknown>[] = [
    { id: 'm', typeName: 'model', title: spec.title },
    { id: 'd', typeName: 'diagram', title: spec.title, methodology: spec.methodology ?? 'stride' },
  ];
  const x = new Map<string, number>();
  spec.boxes.forEach(([id, typeName, name, fields], i) => {
    x.set(id, i * STEP);
    raw.push({ id, typeName, name, diagramId: 'd', x: i * STEP, y: 0, ...fields });
  });
  for (const [id, sourceId, targetId, fields] of spec.flows)
    raw.push({ id, typeName: 'flow', diagramId: 'd', sourceId, targetId, name: id, ...fields });
  for (const [id, name, members] of spec.zones ?? []) {
    const xs = members.map((m) => x.get(m)!);
    const left = Math.min(...xs) - 60;
    raw.push({
      id,
      typeName: 'boundary',
      diagramId: 'd',
      name,
      x: left,
      y: -60,
      width: Math.max(...xs) + 180 - left,
      height: 200,
    });
  }
  return raw.map((r) => ZModelRecord.parse(r));
}

/** A three-tier web shop on a SQL database, with an admin back office. */
export const THREE_TIER_SQL: ModelSpec = {
  title: 'Three-tier web shop on SQL',
  boxes: [
    ['customer', 'actor', 'Customer'],
    ['spa', 'process', 'Storefront SPA (React)', { isWebApplication: true }],
    ['web', 'process', 'Shop web app', { isWebApplication: true, privilegeLevel: 'admin' }],
    ['orders', 'process', 'Orders service', { handlesGoodsOrServices: true }],
    ['db', 'store', 'Orders DB (PostgreSQL)', { handlesPII: true }],
    ['admin', 'actor', 'Administrator'],
  ],
  flows: [
    ['f-browse', 'customer', 'spa', { protocol: 'HTTPS', isPublicNetwork: true }],
    ['f-api', 'spa', 'web', { protocol: 'HTTPS', isPublicNetwork: true, isEncrypted: true }],
    ['f-order', 'web', 'orders', { protocol: 'HTTP/2 gRPC (mTLS)' }],
    ['f-sql', 'orders', 'db', { protocol: 'PostgreSQL over TLS', isEncrypted: true }],
    ['f-admin', 'admin', 'orders', { protocol: 'HTTPS' }],
  ],
  zones: [
    ['z-dmz', 'DMZ', ['web']],
    ['z-app', 'Application zone', ['orders', 'db']],
  ],
};

/** Microservices on Kubernetes behind a gateway, talking through Kafka, built by a CI pipeline. */
export const K8S_MICROSERVICES: ModelSpec = {
  title: 'Microservices on Kubernetes',
  boxes: [
    ['client', 'actor', 'Partner system (external)'],
    ['gw', 'process', 'API gateway (Kong)'],
    ['orders', 'process', 'Orders service (container)'],
    ['kafka', 'store', 'Order events (Kafka)'],
    ['billing', 'process', 'Billing worker (container)'],
    ['billdb', 'store', 'Billing DB (PostgreSQL)'],
    ['vault', 'store', 'Secrets vault (HashiCorp Vault)', { storesCredentials: true }],
    ['k8s', 'process', 'Kubernetes control plane'],
    ['repo', 'store', 'Git repository'],
    ['ci', 'process', 'CI/CD pipeline (GitHub Actions)'],
    ['registry', 'store', 'Container registry'],
  ],
  flows: [
    ['f-call', 'client', 'gw', { protocol: 'HTTPS', isPublicNetwork: true }],
    ['f-route', 'gw', 'orders', { protocol: 'gRPC over mTLS' }],
    ['f-publish', 'orders', 'kafka', { protocol: 'Kafka over TLS' }],
    ['f-consume', 'kafka', 'billing', { protocol: 'Kafka over TLS' }],
    ['f-ledger', 'billing', 'billdb', { protocol: 'PostgreSQL' }],
    ['f-secret', 'vault', 'orders', { protocol: 'HTTPS' }],
    ['f-checkout', 'repo', 'ci', { protocol: 'HTTPS' }],
    ['f-push', 'ci', 'registry', { protocol: 'HTTPS' }],
    ['f-pull', 'registry', 'orders', { protocol: 'HTTPS' }],
    ['f-deploy', 'ci', 'k8s', { protocol: 'HTTPS' }],
  ],
  zones: [['z-cluster', 'Cluster', ['gw', 'orders', 'kafka', 'billing', 'billdb', 'vault', 'k8s']]],
};

/** A mobile banking app holding personal data, with an identity provider. */
export const MOBILE_BANKING: ModelSpec = {
  title: 'Mobile banking',
  boxes: [
    ['customer', 'actor', 'Customer'],
    ['app', 'process', 'Banking mobile app (iOS and Android)', { handlesPII: true }],
    ['idp', 'process', 'Identity provider (Keycloak)'],
    ['api', 'process', 'Accounts API'],
    ['db', 'store', 'Customer DB (MySQL)', { handlesPII: true }],
  ],
  flows: [
    ['f-use', 'customer', 'app', {}],
    ['f-login', 'app', 'idp', { protocol: 'HTTPS', isPublicNetwork: true }],
    ['f-calls', 'app', 'api', { protocol: 'HTTPS', isPublicNetwork: true, handlesPII: true }],
    ['f-sql', 'api', 'db', { protocol: 'MySQL', handlesPII: true }],
  ],
  zones: [['z-bank', 'Bank data centre', ['idp', 'api', 'db']]],
};

/** An LLM support agent with tools, a vector store and an external model provider. */
export const LLM_AGENT: ModelSpec = {
  title: 'LLM support agent',
  boxes: [
    ['customer', 'actor', 'Customer'],
    ['agent', 'process', 'Support chatbot (LLM agent)'],
    ['kb', 'store', 'Knowledge base vector store'],
    ['refund', 'process', 'Refund (agent tool)'],
    ['orders', 'process', 'Orders API'],
    ['provider', 'actor', 'Model provider API (external)'],
  ],
  flows: [
    ['f-chat', 'customer', 'agent', { protocol: 'HTTPS', isPublicNetwork: true }],
    ['f-reply', 'agent', 'customer', { protocol: 'HTTPS', isPublicNetwork: true }],
    ['f-retrieve', 'kb', 'agent', { protocol: 'HTTPS' }],
    ['f-tool', 'agent', 'refund', { protocol: 'HTTPS' }],
    ['f-refund', 'refund', 'orders', { protocol: 'HTTPS' }],
    ['f-complete', 'agent', 'provider', { protocol: 'HTTPS', isPublicNetwork: true }],
  ],
  zones: [['z-app', 'Application', ['agent', 'kb', 'refund', 'orders']]],
};

/** An IoT thermostat with a cloud back end and a companion app. */
export const IOT_CLOUD: ModelSpec = {
  title: 'IoT thermostat and cloud',
  boxes: [
    ['owner', 'actor', 'Home owner'],
    ['phone', 'process', 'Companion mobile app'],
    ['device', 'process', 'Smart thermostat (IoT device)'],
    ['broker', 'store', 'Telemetry broker (MQTT queue)'],
    ['cloud', 'process', 'Device cloud API'],
    ['tsdb', 'store', 'Telemetry DB (PostgreSQL)'],
  ],
  flows: [
    ['f-app', 'owner', 'phone', {}],
    ['f-control', 'phone', 'cloud', { protocol: 'HTTPS', isPublicNetwork: true }],
    ['f-telemetry', 'device', 'broker', { protocol: 'MQTT', isPublicNetwork: true }],
    ['f-ingest', 'broker', 'cloud', { protocol: 'MQTT/TLS' }],
    ['f-command', 'cloud', 'device', { protocol: 'HTTPS', isPublicNetwork: true }],
    ['f-store', 'cloud', 'tsdb', { protocol: 'PostgreSQL over TLS' }],
  ],
  zones: [['z-cloud', 'Cloud account', ['broker', 'cloud', 'tsdb']]],
};
