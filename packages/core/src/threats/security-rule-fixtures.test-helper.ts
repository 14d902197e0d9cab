import { actor, flow, named, proc, store, type Scene } from './rule-fixtures.test-helper';

/**
 * [fires, stays quiet] per rule id of the security packs (injection, access, data, network,
 * cloud, kubernetes, supply-chain, llm, iot, client) and the LINDDUN mapping rules. Elements
 * are named as people name them ("Orders DB (MySQL)"), so the technology comes from the name.
 */
const p = (name: string, f = {}) => named('process', name, f);
const s = (name: string, f = {}) => named('store', name, f);
const a = (name: string, f = {}) => named('actor', name, f);
const customer = a('Customer');
const api = p('Orders API');
const mysql = s('Orders DB (MySQL)');
const kafka = s('Orders queue (Kafka)');
const spa = p('Shop SPA');
const webApp = p('Shop web app');
const idp = p('Keycloak');
const lambda = p('Resize Lambda');
const container = p('Orders container');
const pipeline = p('Jenkins pipeline');
const repo = s('Git repository');
const registry = s('Container registry');
const agent = p('Support LLM agent');
const vectors = s('Docs vector store');
const tool = p('Email (agent tool)');
const sensor = p('Thermostat (IoT device)');
const plc = p('PLC');
const mobile = p('Banking mobile app');
const bucket = s('Uploads S3 bucket');
const pii = { handlesPII: true };

export const SECURITY_FIXTURES: Record<string, [Scene, Scene]> = {
  'injection.sql': [
    { el: api, to: mysql },
    { el: api, to: s('Session cache (Redis)') },
  ],
  'injection.nosql': [
    { el: p('Catalog API'), to: s('Catalog (MongoDB)') },
    { el: p('Catalog API'), to: mysql },
  ],
  'injection.os-command': [
    { el: p('Thumbnailer (ImageMagick)'), from: customer },
    { el: p('Thumbnailer (ImageMagick)'), from: p('Billing') },
  ],
  'injection.code': [
    { el: p('Report template renderer'), from: customer },
    { el: p('Report renderer'), from: customer },
  ],
  'injection.ldap': [{ el: p('Login (LDAP)') }, { el: p('Login') }],
  'injection.stored-xss': [
    { el: p('Forum web app'), to: s('Posts DB') },
    { el: p('Forum web app') },
  ],
  'injection.dom-xss': [{ el: spa }, { el: api }],
  'injection.xxe': [
    { el: p('Invoice service'), from: proc(), fromFlow: { protocol: 'SOAP' } },
    { el: p('Invoice service'), from: proc(), fromFlow: { protocol: 'HTTPS' } },
  ],
  'injection.deserialisation': [
    { el: p('Billing'), from: proc(), fromFlow: { protocol: 'Java RMI' } },
    { el: p('Billing'), from: proc(), fromFlow: { protocol: 'HTTPS' } },
  ],
  'injection.path-traversal': [
    { el: p('Document download service'), from: customer },
    { el: p('Document download service'), from: p('Billing') },
  ],
  'injection.ssrf': [
    { el: p('Webhook API'), from: customer },
    { el: api, from: customer },
  ],
  'injection.file-upload': [
    { el: p('Avatar upload API'), from: customer },
    { el: api, from: customer },
  ],
  'injection.request-smuggling': [
    { el: api, from: p('API gateway') },
    { el: api, from: p('Billing') },
  ],
  'injection.log-forging': [
    { el: api, from: customer, to: s('Audit log') },
    { el: api, to: s('Audit log') },
  ],
  'injection.email-header': [{ el: p('Notification mailer') }, { el: api }],
  'injection.graphql-abuse': [{ el: p('Catalog GraphQL API') }, { el: p('Catalog REST API') }],
  'injection.mass-assignment': [
    { el: p('Accounts API'), to: s('Accounts DB') },
    { el: p('Accounts API') },
  ],
  'injection.prototype-pollution': [
    { el: p('BFF', { description: 'Node.js and Express' }), from: customer },
    { el: p('BFF', { description: 'Go' }), from: customer },
  ],
  'injection.memory-safety': [
    { el: p('Video codec', { description: 'C++' }) },
    { el: p('Video service', { description: 'Go' }) },
  ],
  'injection.cache-poisoning': [
    { el: api, to: s('Redis cache') },
    { el: api, to: mysql },
  ],
  'injection.input-validation': [
    { el: p('Search API'), from: customer },
    { el: p('Search API'), from: customer, to: mysql },
  ],

  'access.login-brute-force': [{ el: idp }, { el: p('Secrets vault') }],
  'access.mfa-missing': [
    { el: customer, to: webApp, toFlow: { isPublicNetwork: true } },
    { el: customer, to: webApp },
  ],
  'access.admin-interface': [
    { el: a('Administrator'), to: proc() },
    { el: customer, to: proc() },
  ],
  'access.missing-authentication': [
    { el: api, from: customer },
    { el: api, from: p('Billing') },
  ],
  'access.broken-object-authorisation': [
    { el: api, from: customer, to: mysql },
    { el: api, to: mysql },
  ],
  'access.function-authorisation': [
    { el: api, from: a('Administrator') },
    { el: api, from: customer },
  ],
  'access.token-validation': [{ el: api, to: idp }, { el: api }],
  'access.idp-signing-keys': [{ el: idp }, { el: api }],
  'access.oauth-redirect': [{ el: idp, from: spa }, { el: idp }],
  'access.account-recovery': [{ el: idp }, { el: api }],
  'access.default-credentials': [{ el: p('Grafana dashboard') }, { el: api }],
  'access.csrf': [
    { el: webApp, from: customer },
    { el: webApp, from: p('Billing') },
  ],
  'access.cors': [
    { el: api, from: spa },
    { el: api, from: customer },
  ],
  'access.browser-token-storage': [{ el: spa, to: api }, { el: spa }],
  'access.clickjacking': [{ el: spa }, { el: api }],
  'access.third-party-scripts': [
    { el: p('Shop SPA', { description: 'loads analytics from a CDN' }) },
    { el: spa },
  ],
  'access.client-side-enforcement': [{ el: mobile, to: p('Accounts API') }, { el: mobile }],
  'access.rate-limiting': [
    { el: api, from: customer },
    { el: api, from: p('Billing') },
  ],
  'access.excessive-data-exposure': [
    { el: api, to: customer, from: mysql },
    { el: api, to: customer },
  ],
  'access.websocket-origin': [
    { el: flow({ protocol: 'WSS' }) },
    { el: flow({ protocol: 'HTTPS' }) },
  ],
  'access.credentials-in-transit': [
    { el: flow({ name: 'Login' }) },
    { el: flow({ name: 'Login', protocol: 'HTTPS' }) },
  ],

  'data.queue.forged-messages': [{ el: kafka, from: proc() }, { el: kafka }],
  'data.queue.tampering': [{ el: kafka }, { el: mysql }],
  'data.queue.disclosure': [{ el: kafka }, { el: mysql }],
  'data.queue.poison-message': [
    { el: p('Billing'), from: kafka },
    { el: p('Billing'), from: mysql },
  ],
  'data.queue.flooding': [
    { el: kafka, from: a('Field device') },
    { el: kafka, from: proc() },
  ],
  'data.database.exposed': [
    { el: mysql, from: a('Analyst') },
    { el: mysql, from: proc() },
  ],
  'data.database.over-privileged': [{ el: mysql, from: proc() }, { el: mysql }],
  'data.database.disclosure': [{ el: mysql }, { el: kafka }],
  'data.database.availability': [{ el: mysql, from: proc() }, { el: mysql }],
  'data.cache.unauthenticated': [{ el: s('Redis cache') }, { el: mysql }],
  'data.log.less-trusted-writers': [
    { el: s('Audit log'), from: a('Field device') },
    { el: s('Audit log'), from: proc() },
  ],
  'data.config.secrets-in-config': [{ el: s('App config') }, { el: mysql }],
  'data.config.tampering': [{ el: s('App config'), to: proc() }, { el: s('App config') }],
  'data.vault.over-broad-access': [{ el: s('Secrets vault') }, { el: mysql }],
  'data.vault.availability': [{ el: s('Secrets vault'), to: proc() }, { el: s('Secrets vault') }],
  'data.file-system.permissions': [{ el: s('Shared file system') }, { el: mysql }],
  'data.search.disclosure': [{ el: s('Elasticsearch') }, { el: mysql }],
  'data.sensitive.actor-direct': [
    { el: s('Customers DB', pii), from: a('Analyst') },
    { el: s('Customers DB', pii), from: proc() },
  ],
  'data.queue.consumer-trusts-content': [
    { el: p('Billing'), from: kafka, to: s('Ledger DB') },
    { el: p('Billing'), from: kafka },
  ],
  'data.cache.poisoned-read': [
    { el: api, from: s('Redis cache'), also: customer },
    { el: api, from: s('Redis cache') },
  ],

  'network.internet-without-waf': [
    { el: webApp, from: customer },
    { el: webApp, from: p('API gateway'), fromFrom: customer },
  ],
  'network.missing-segmentation': [
    { el: mysql, from: webApp, fromFrom: customer },
    { el: mysql, from: webApp, fromFrom: customer, inZone: true },
  ],
  'network.remote-admin-exposed': [
    { el: flow({ protocol: 'SSH', isPublicNetwork: true }) },
    { el: flow({ protocol: 'SSH' }) },
  ],
  'network.service-to-service-unauthenticated': [
    { el: flow(), target: api, inZone: true },
    { el: flow({ protocol: 'gRPC (mTLS)' }), target: api, inZone: true },
  ],
  'network.cleartext-crossing': [
    { el: flow(), inZone: true },
    { el: flow({ isEncrypted: true }), inZone: true },
  ],
  'network.dns-and-tls-spoofing': [
    { el: flow({ protocol: 'HTTPS', isPublicNetwork: true }) },
    { el: flow({ protocol: 'HTTP', isPublicNetwork: true }) },
  ],
  'network.edge-bypass': [
    { el: api, from: p('API gateway'), fromFlow: { isPublicNetwork: true } },
    { el: api, from: p('API gateway') },
  ],
  'network.egress-unrestricted': [
    { el: api, from: customer, to: a('Payment provider (Stripe)') },
    { el: api, from: customer },
  ],

  'cloud.storage.public-bucket': [{ el: bucket }, { el: mysql }],
  'cloud.storage.public-sensitive': [{ el: s('Uploads S3 bucket', pii) }, { el: bucket }],
  'cloud.storage.overwrite': [
    { el: s('Assets S3 bucket'), to: customer },
    { el: s('Assets S3 bucket'), to: proc() },
  ],
  'cloud.iam.over-broad': [{ el: lambda }, { el: api }],
  'cloud.metadata-service': [{ el: lambda, from: customer }, { el: lambda }],
  'cloud.serverless.event-injection': [{ el: lambda, from: bucket }, { el: lambda }],
  'cloud.serverless.denial-of-wallet': [
    { el: lambda, from: customer },
    { el: lambda, from: proc() },
  ],
  'cloud.audit-logging': [
    { el: a('Administrator'), to: lambda },
    { el: a('Administrator'), to: api },
  ],
  'cloud.console-takeover': [{ el: a('Cloud administrator') }, { el: a('Administrator') }],

  'kubernetes.container-escape': [{ el: container }, { el: api }],
  'kubernetes.service-account-token': [{ el: p('Orders pod') }, { el: container }],
  'kubernetes.api-server-exposed': [{ el: p('Kubernetes control plane') }, { el: container }],
  'kubernetes.secrets-exposure': [{ el: p('Kubernetes control plane') }, { el: container }],
  'kubernetes.network-policy': [{ el: container, to: mysql }, { el: container }],
  'kubernetes.resource-limits': [{ el: container, from: customer }, { el: container }],
  'kubernetes.image-provenance': [{ el: container }, { el: api }],

  'supply-chain.poisoned-pipeline': [{ el: pipeline, from: repo }, { el: pipeline }],
  'supply-chain.dependency-confusion': [{ el: pipeline }, { el: api }],
  'supply-chain.pipeline-secrets': [{ el: pipeline }, { el: api }],
  'supply-chain.unverified-artifact': [{ el: api, from: registry }, { el: api }],
  'supply-chain.source-tampering': [{ el: repo }, { el: mysql }],
  'supply-chain.registry-tampering': [{ el: registry }, { el: mysql }],
  'supply-chain.vulnerable-components': [
    { el: p('Apache web server'), from: customer },
    { el: p('Apache web server'), from: proc() },
  ],

  'llm.prompt-injection.direct': [
    { el: agent, from: customer },
    { el: agent, from: proc() },
  ],
  'llm.prompt-injection.indirect': [{ el: agent, from: vectors }, { el: agent }],
  'llm.sensitive-disclosure': [{ el: agent, from: s('CRM DB', pii) }, { el: agent }],
  'llm.third-party-provider': [
    { el: flow({ isPublicNetwork: true }), source: agent, target: a('Model provider (external)') },
    { el: flow({ isPublicNetwork: true }), source: agent, target: api },
  ],
  'llm.supply-chain': [{ el: p('Model serving endpoint') }, { el: agent }],
  'llm.improper-output-handling': [{ el: agent, to: p('Search tool') }, { el: agent }],
  'llm.excessive-agency': [
    { el: agent, to: tool },
    { el: agent, to: vectors },
  ],
  'llm.tool-code-execution': [{ el: p('Code interpreter (agent tool)') }, { el: tool }],
  'llm.untrusted-tool-server': [{ el: p('GitHub MCP server') }, { el: tool }],
  'llm.system-prompt-leakage': [{ el: agent, from: customer }, { el: agent }],
  'llm.vector-store.cross-tenant': [{ el: vectors }, { el: mysql }],
  'llm.vector-store.poisoning': [{ el: vectors, from: proc() }, { el: vectors }],
  'llm.data-poisoning': [
    { el: s('Feedback dataset'), from: customer },
    { el: s('Feedback dataset') },
  ],
  'llm.misinformation': [{ el: agent, to: customer }, { el: agent }],
  'llm.unbounded-consumption': [
    { el: agent, from: customer },
    { el: agent, from: proc() },
  ],
  'llm.agent-memory-poisoning': [{ el: agent, to: s('Agent memory') }, { el: agent }],
  'llm.agent-audit': [{ el: agent, to: tool }, { el: agent }],

  'iot.firmware-update': [{ el: sensor }, { el: api }],
  'iot.physical-access': [{ el: sensor }, { el: api }],
  'iot.device-identity': [
    { el: flow(), source: sensor, target: p('Telemetry API') },
    { el: flow(), source: p('Telemetry API'), target: p('Billing') },
  ],
  'iot.command-spoofing': [
    { el: flow(), source: p('Cloud API'), target: sensor },
    { el: flow(), target: api },
  ],
  'iot.plain-protocol': [
    { el: flow({ protocol: 'MQTT' }) },
    { el: flow({ protocol: 'MQTT over TLS' }) },
  ],
  'iot.local-api': [{ el: p('Local API') }, { el: api }],
  'iot.fleet-botnet': [{ el: sensor, to: proc() }, { el: sensor }],
  'ot.unauthenticated-protocol': [
    { el: flow({ protocol: 'Modbus/TCP' }) },
    { el: flow({ protocol: 'HTTPS' }) },
  ],
  'ot.it-to-ot': [
    { el: flow(), source: p('ERP'), target: plc },
    { el: flow(), source: p('HMI'), target: plc },
  ],
  'ot.safety-impact': [{ el: plc }, { el: api }],

  'client.mobile-storage': [{ el: mobile }, { el: api }],
  'client.mobile-transport': [
    { el: flow(), source: mobile, target: p('Accounts API') },
    { el: flow(), source: spa, target: p('Accounts API') },
  ],
  'client.reverse-engineering': [{ el: mobile }, { el: spa }],
  'client.deep-links': [
    { el: p('Banking mobile app', { description: 'OAuth login' }) },
    { el: mobile },
  ],
  'client.update-channel': [{ el: p('Desktop app (Electron)') }, { el: mobile }],
  'client.personal-data-on-device': [
    { el: p('Shop SPA', pii) },
    { el: p('Banking mobile app', pii) },
  ],
  'client.server-trust': [
    { el: flow(), source: sensor, target: p('Telemetry API') },
    { el: flow({ protocol: 'HTTPS' }), source: sensor, target: p('Telemetry API') },
  ],

  'linddun.actor.linking': [{ el: customer }, { el: a('Partner system (external)') }],
  'linddun.actor.identifying': [{ el: customer }, { el: a('Partner system (external)') }],
  'linddun.process.detecting': [{ el: proc() }, { el: store() }],
  'linddun.process.non-compliance': [{ el: proc() }, { el: store() }],
  'linddun.store.non-repudiation': [{ el: store() }, { el: proc() }],
  'linddun.store.detecting': [{ el: store() }, { el: proc() }],
  'linddun.store.data-disclosure': [{ el: store() }, { el: proc() }],
  'linddun.flow.identifying': [{ el: flow() }, { el: proc() }],
  'linddun.flow.non-repudiation': [{ el: flow() }, { el: proc() }],
  'linddun.flow.disclosure': [{ el: flow() }, { el: proc() }],
  'linddun.flow.non-compliance': [{ el: flow() }, { el: actor() }],
};
