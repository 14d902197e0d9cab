import type { Condition } from '../rule';
import {
  all,
  any,
  crossesBoundary,
  inbound,
  is,
  kind,
  mentions,
  not,
  oneOf,
  outbound,
  source,
  target,
} from './dsl';

/**
 * What an element is and where it sits, as conditions the security packs share. Rules say
 * "a process writing to a SQL database", not which words or properties show it, so how a
 * technology or an exposure is recognised is decided here, once.
 */

/** Words in an element's name or description that name a technology (case-insensitive substrings). */
export const named = (words: readonly string[]): Condition => {
  // A `contains` test holds at most 100 words.
  const chunks: string[][] = [];
  for (let i = 0; i < words.length; i += 100) chunks.push(words.slice(i, i + 100));
  return any(...chunks.flatMap((c) => [mentions('name', c), mentions('description', c)]));
};

/**
 * Technology ids of the catalogue (model v2) and, until every model carries them, the words
 * that name them in element names and descriptions (case-insensitive substrings).
 */
const TECH_WORDS = {
  'sql-database': [
    'mysql',
    'postgres',
    'mariadb',
    'sql server',
    'mssql',
    'oracle',
    'sqlite',
    'aurora',
    'rds',
    'sql',
    'database',
    'databse',
    ' db',
  ],
  'nosql-database': ['mongo', 'dynamodb', 'cassandra', 'couchdb', 'cosmos', 'firestore', 'nosql'],
  'search-index': ['elasticsearch', 'opensearch', 'solr', 'search index'],
  'object-storage': ['s3', 'bucket', 'blob storage', 'object storage', 'gcs', 'minio'],
  'file-system': [
    'file system',
    'filesystem',
    'file share',
    'nfs',
    'disk',
    'flatfile',
    'flat file',
  ],
  cache: ['redis', 'memcache', 'cache'],
  'message-queue': [
    'queue',
    'kafka',
    'rabbitmq',
    'sqs',
    'sns',
    'pub/sub',
    'pubsub',
    'event bus',
    'broker',
    'nats',
    'kinesis',
  ],
  'secrets-vault': ['vault', 'secrets manager', 'kms', 'hsm'],
  'config-file': ['config', 'settings', '.env'],
  'log-store': ['log', 'audit', 'siem', 'splunk'],
  'vector-store': [
    'vector',
    'embedding',
    'pinecone',
    'weaviate',
    'qdrant',
    'chroma',
    'milvus',
    'pgvector',
  ],
  'artifact-registry': ['registry', 'artifactory', 'nexus', 'amazon ecr'],
  'source-repository': ['git', 'repository', 'repo'],
  'cloud-metadata-service': ['metadata service', 'imds', '169.254.169.254'],
  'web-frontend': [
    'single-page',
    'single page',
    'spa',
    'react',
    'angular',
    'web ui',
    'frontend',
    'front end',
    'front-end',
  ],
  browser: ['browser', 'chrome', 'firefox'],
  'mobile-app': ['mobile', 'android', 'ios app'],
  'desktop-app': ['desktop', 'electron', 'windows app'],
  'web-app': ['web app', 'web application', 'website', 'web site', 'portal', 'php'],
  'web-server': ['web server', 'apache', 'iis', 'tomcat'],
  'api-service': [
    'api',
    'backend',
    'back end',
    'microservice',
    'graphql',
    'web service',
    ' service',
  ],
  'api-gateway': ['gateway'],
  'load-balancer': ['load balancer', 'elb', 'alb', 'haproxy'],
  'reverse-proxy': ['reverse proxy', 'nginx', 'envoy', 'traefik', 'ingress'],
  waf: ['waf', 'web application firewall'],
  cdn: ['cdn', 'cloudfront', 'akamai', 'cloudflare'],
  'identity-provider': [
    'idp',
    'identity provider',
    'keycloak',
    'okta',
    'auth0',
    'entra',
    'active directory',
    'sso',
    'auth',
    'login',
  ],
  'serverless-function': ['lambda', 'serverless', 'cloud function', 'azure function'],
  'container-workload': ['container', 'docker', 'pod'],
  'kubernetes-control-plane': ['kubernetes', 'k8s', 'kube-apiserver', 'control plane'],
  'batch-job': ['batch', 'cron', 'scheduler', 'etl', 'script'],
  'message-consumer': ['worker', 'consumer', 'subscriber'],
  'ci-cd-pipeline': ['ci/cd', 'pipeline', 'jenkins', 'github actions', 'gitlab ci'],
  'llm-agent': ['llm', 'agent', 'chatbot', 'gpt', 'copilot', 'assistant'],
  'llm-tool': ['llm tool', 'agent tool', 'mcp', 'plugin'],
  'model-serving': ['model serving', 'inference', 'model endpoint', 'sagemaker'],
  'iot-device': ['iot', 'sensor', 'firmware', 'embedded', 'connected car'],
  'ot-controller': ['plc', 'scada', 'hmi', 'rtu'],
  'human-user': ['user', 'customer', 'visitor', 'employee', 'patient'],
  administrator: ['admin', 'operator', 'sysadmin'],
  'external-system': [
    'external',
    'third party',
    'third-party',
    'partner',
    'payment provider',
    'stripe',
  ],
  device: ['device', 'phone', 'laptop'],
} as const;

type TechId = keyof typeof TECH_WORDS;

/** Classes of the catalogue: a class id stands for every technology under it. */
const TECH_CLASSES = {
  client: ['web-frontend', 'browser', 'mobile-app', 'desktop-app'],
  web: ['web-app', 'web-server', 'api-service'],
  edge: ['api-gateway', 'load-balancer', 'reverse-proxy', 'waf', 'cdn'],
  compute: [
    'serverless-function',
    'container-workload',
    'kubernetes-control-plane',
    'batch-job',
    'message-consumer',
    'cloud-metadata-service',
  ],
  database: ['sql-database', 'nosql-database', 'search-index'],
  storage: ['object-storage', 'file-system', 'config-file', 'log-store', 'cache'],
  ai: ['llm-agent', 'llm-tool', 'model-serving', 'vector-store'],
  iot: ['iot-device', 'ot-controller'],
  'ci-cd': ['ci-cd-pipeline', 'artifact-registry', 'source-repository'],
  person: ['human-user', 'administrator'],
  external: ['external-system', 'device'],
} as const satisfies Record<string, readonly TechId[]>;

type TechRef = TechId | keyof typeof TECH_CLASSES;

/** The element's (set or inferred) technology is one of these ids or under one of these classes. */
export const tech = (...ids: TechRef[]): Condition => {
  const all = ids.flatMap((id) =>
    id in TECH_CLASSES ? [...TECH_CLASSES[id as keyof typeof TECH_CLASSES]] : [id as TechId],
  );
  return named(all.flatMap((id) => [...TECH_WORDS[id]]));
};

/** Known to be something: any technology at all (the opposite of "we know nothing about it"). */
const knownTechnology: Condition = any(
  is('isWebApplication'),
  is('isALog'),
  tech(...(Object.keys(TECH_WORDS) as TechId[])),
);
export const unknownTechnology: Condition = not(knownTechnology);

/** Stores by technology (databases also when drawn as processes, as people often do). */
export const sqlStore = all(
  kind('store', 'process'),
  tech('sql-database'),
  not(tech('nosql-database')),
);
export const nosqlStore = all(kind('store', 'process'), tech('nosql-database'));
export const databaseStore = any(sqlStore, nosqlStore);
export const searchStore = all(kind('store'), tech('search-index'));
export const objectStore = all(kind('store'), tech('object-storage'));
export const fileStore = all(kind('store'), tech('file-system'), not(tech('object-storage')));
export const cacheStore = all(kind('store'), tech('cache'));
export const queueStore = all(kind('store', 'process'), tech('message-queue'));
export const logStore = all(kind('store'), any(is('isALog'), tech('log-store')));
export const vaultStore = all(kind('store', 'process'), tech('secrets-vault'));
export const configStore = all(kind('store'), tech('config-file'));
export const vectorStore = all(kind('store'), tech('vector-store'));
export const registryStore = all(kind('store'), tech('artifact-registry'));
export const sourceRepoStore = all(
  kind('store'),
  tech('source-repository'),
  not(tech('artifact-registry')),
);

/** Processes by technology. */
export const browserApp = all(kind('process'), tech('web-frontend', 'browser'));
export const webServer = all(
  kind('process'),
  any(is('isWebApplication'), tech('web-app', 'web-server')),
  not(browserApp),
);
export const apiService = all(
  kind('process'),
  tech('api-service'),
  not(browserApp),
  not(databaseStore),
);
export const gateway = all(kind('process'), tech('edge'));
/** A server-side process that answers requests: web application, web server, API or gateway. */
export const serverSide = any(webServer, apiService, gateway);
export const identityProvider = all(kind('process'), tech('identity-provider'));
export const mobileApp = all(kind('process'), tech('mobile-app'));
export const desktopApp = all(kind('process'), tech('desktop-app'));
/** Code that runs on a device the user (or an attacker) holds. */
export const clientApp = all(kind('process'), tech('client'));
export const serverless = all(kind('process'), tech('serverless-function'));
export const containerWorkload = all(kind('process'), tech('container-workload'));
export const kubernetesControlPlane = all(kind('process'), tech('kubernetes-control-plane'));
export const ciCd = all(kind('process'), tech('ci-cd-pipeline'));
export const llmAgent = all(kind('process'), tech('llm-agent'), not(tech('llm-tool')));
export const llmTool = all(kind('process'), tech('llm-tool'));
export const modelServing = all(kind('process'), tech('model-serving'));
export const iotDevice = all(kind('process', 'actor'), tech('iot-device'));
export const otController = all(kind('process', 'actor'), tech('ot-controller'));
/** Native code: memory-unsafe languages, firmware, drivers. */
export const nativeCode = any(
  all(
    kind('process'),
    named(['c++', 'c/c++', 'native', 'firmware', 'embedded', 'kernel', 'driver', 'rtos']),
  ),
  iotDevice,
  otController,
);
/** Runs in a cloud account: serverless functions, containers, or a process naming a cloud. */
export const cloudWorkload = any(
  serverless,
  containerWorkload,
  all(
    kind('process'),
    any(
      mentions('name', ['aws', 'azure', 'gcp', 'cloud', 'ec2']),
      mentions('description', ['aws', 'azure', 'gcp', 'cloud', 'ec2']),
    ),
  ),
);
/** Consumes messages from a queue. */
export const queueConsumer = all(kind('process'), inbound(source(queueStore)));

/** Actors. */
export const adminActor = all(kind('actor'), tech('administrator'));
export const machineActor = all(kind('actor'), tech('external', 'iot', 'web', 'identity-provider'));
export const humanActor = all(kind('actor'), not(machineActor));
export const externalSystem = all(kind('actor', 'process'), tech('external-system'));

/** Flows. */
/**
 * Marked encrypted, or its protocol is an encrypted one as the protocol catalogue reads it
 * (`HTTPS`, `HTTP/2`, `HTTP (TLS 1.3)`, `SMTP/TLS`, `redis+tls`, `gRPC over mTLS`…).
 */
export const encryptedFlow = any(is('isEncrypted'), is('protocolEncrypted'));
/**
 * A deprecated encrypted protocol: any SSL version, TLS below 1.2, SSH-1, PPTP. Bare `SSL` and
 * `SSL/TLS` mean TLS and are not deprecated.
 */
export const legacyTls = all(is('protocolDeprecated'), is('protocolEncrypted'));
/**
 * Privilege levels that mean the whole machine: root, SYSTEM, kernel, a privileged container.
 * A bare "admin" is not one: people write it for "used by administrators".
 */
export const highPrivilege = any(
  oneOf('privilegeLevel', [
    'root',
    'system',
    'localsystem',
    'nt authority',
    'superuser',
    'kernel',
    'sudo',
    'privileged',
    'administrator',
    'domainadmin',
  ]),
  mentions('privilegeLevel', [
    'runs as root',
    'as root',
    'local system',
    'privileged container',
    'cluster-admin',
    'domain admin',
  ]),
);
/** The protocol names mutual TLS (or another mutual authentication), so both ends are authenticated. */
export const mutualTls = mentions('protocol', ['mtls', 'mutual', 'kerberos', 'sigv4']);
/**
 * The catalogue knows the protocol to be unencrypted (HTTP, FTP, Telnet, `HTTP (no TLS)`) and the
 * flow is not marked encrypted. Marked encrypted over a plaintext protocol is a contradiction the
 * author resolves (`modelWarnings` reports it), not a plaintext finding.
 */
export const plaintextFlow = all(is('protocolEncrypted', false), not(is('isEncrypted')));
/** The flow carries data from outside in: from an actor, over a public network, or across a boundary into its target. */
const untrustedFlow = any(
  is('isPublicNetwork'),
  source(kind('actor')),
  all(crossesBoundary, source(kind('actor', 'process'))),
);
/** Personal or secret data on the flow or its ends (until data classification exists: the asset tag and credential stores). */
export const sensitiveFlow = any(
  is('handlesPII'),
  source(any(is('storesCredentials'), is('handlesPII'))),
  target(any(is('storesCredentials'), is('handlesPII'))),
);

/** Box elements reached by flows from outside their zone or from people. */
export const receivesUntrusted = inbound(untrustedFlow);
/** Reachable from the internet: a public-network flow in, or a person (actor) calling it. */
export const internetFacing = inbound(
  any(is('isPublicNetwork'), source(all(humanActor, not(adminActor)))),
);
export const writesTo = (c: Condition): Condition => outbound(target(c));
export const readsFrom = (c: Condition): Condition => inbound(source(c));
/** Stores holding personal data or credentials. */
export const sensitiveStore = all(
  kind('store'),
  any(is('handlesPII'), is('storesCredentials'), is('isTrainingData')),
);
