import type { RuleInput } from '../rule';
import {
  clientApp,
  encryptedFlow,
  adminActor,
  machineActor,
  sensitiveFlow,
  sensitiveStore,
  unknownTechnology,
} from './context';
import {
  any,
  all,
  capec,
  crossesBoundary,
  cwe,
  inbound,
  is,
  kind,
  fix,
  not,
  outbound,
  source,
  target,
} from './dsl';

const base = { pack: 'stride', methodology: 'stride' } as const;

/**
 * STRIDE per element, as Microsoft's chart assigns it (actor S R; process S T R I D E; store
 * T I D, R when a log; flow T I D), as the fallback for what the engine knows nothing more
 * specific about: process and store threats fire on elements of unknown technology, flow
 * threats on flows that cross a boundary, a public network or carry stored or sensitive data.
 * The technology packs supersede them with specific findings.
 */
export const STRIDE_RULES: RuleInput[] = [
  {
    ...base,
    id: 'stride.actor.spoofing',
    targets: ['actor'],
    condition: any(unknownTechnology, outbound(target(kind('process', 'store')))),
    category: 'spoofing',
    severity: 'high',
    title: 'Actor impersonated',
    description:
      'An attacker poses as this external entity, for example with stolen credentials or a forged token, and acts in its name.',
    mitigations: [
      fix(
        'Authenticate the entity',
        'Require strong authentication (multi-factor for people, mutual TLS or signed tokens for systems) before trusting anything it sends.',
        '6.3.3',
        'Authentication',
      ),
      fix(
        'Bind actions to a verified session',
        'Issue a new session at authentication and check it on every request; re-authenticate before sensitive actions.',
        '7.2.4',
        '7.5.3',
        'Session_Management',
      ),
    ],
    references: [cwe(287), cwe(290), capec(151)],
  },
  {
    ...base,
    id: 'stride.actor.repudiation',
    targets: ['actor'],
    condition: all(not(machineActor), any(unknownTechnology, outbound(target(kind('process'))))),
    category: 'repudiation',
    severity: 'medium',
    title: 'Actor denies its actions',
    description:
      'The external entity claims it never sent a request or performed an action, and nothing recorded proves otherwise.',
    mitigations: [
      fix(
        'Keep an audit trail',
        'Log security-relevant actions with the authenticated identity, time and request, in a store the actor cannot change.',
        '16.3.3',
        '16.4.2',
        'Logging',
      ),
      fix(
        'Sign high-value transactions',
        'Have the actor confirm or sign high-value transactions so the record binds them to the action.',
        '4.1.5',
        'Transaction_Authorization',
      ),
    ],
    references: [cwe(778)],
  },
  {
    ...base,
    id: 'stride.process.spoofing',
    targets: ['process'],
    condition: unknownTechnology,
    category: 'spoofing',
    severity: 'medium',
    title: 'Process impersonated',
    description:
      'Another program poses as this process (a rogue service, DNS or name hijack) and receives data meant for it or answers in its place.',
    mitigations: [
      fix(
        'Authenticate the service',
        'Give the process its own identity (TLS certificate, workload identity) and make its clients verify it.',
        '12.3.5',
        'Microservices_Security',
      ),
      fix(
        'Publicly trusted certificates and HSTS',
        'Serve with certificates clients validate (publicly trusted outside, private CA inside) and send HSTS on web endpoints.',
        '12.2.2',
        '12.3.4',
        'Transport_Layer_Security',
      ),
    ],
    references: [cwe(290), capec(151)],
  },
  {
    ...base,
    id: 'stride.process.tampering',
    targets: ['process'],
    condition: unknownTechnology,
    category: 'tampering',
    severity: 'high',
    title: 'Process manipulated through its input',
    description:
      'Crafted input (injection, deserialisation, path traversal) changes what the process does or the data it writes.',
    mitigations: [
      fix(
        'Validate input',
        'Validate every input against a strict schema at the entry point; use parameterised queries and safe parsers.',
        '2.2.1',
        '1.2.4',
        'Input_Validation',
      ),
      fix(
        'Protect the code',
        'Deploy signed, immutable builds so the program itself cannot be altered in place.',
        '15.2.4',
        'Software_Supply_Chain_Security',
      ),
    ],
    references: [cwe(20), capec(66)],
  },
  {
    ...base,
    id: 'stride.process.repudiation',
    targets: ['process'],
    condition: all(not(clientApp), any(unknownTechnology, inbound(source(adminActor)))),
    category: 'repudiation',
    severity: 'low',
    title: 'Actions of the process cannot be traced',
    description:
      'The process performs security-relevant actions without recording who asked for them, so misuse cannot be attributed or investigated.',
    mitigations: [
      fix(
        'Log security events',
        'Record authentication, authorisation decisions and changes with the requesting identity, and ship the log off the host.',
        '16.3.1',
        '16.3.2',
        '16.4.3',
        'Logging',
      ),
      fix(
        'Record who, what, when',
        'Include the authenticated identity, time in UTC, source and outcome in every security event.',
        '16.2.1',
        '16.2.2',
        'Logging_Vocabulary',
      ),
    ],
    references: [cwe(778)],
  },
  {
    ...base,
    id: 'stride.process.information-disclosure',
    targets: ['process'],
    condition: unknownTechnology,
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Process leaks data',
    description:
      'Error messages, debug output, responses or side channels reveal data or internals to someone not entitled to them.',
    mitigations: [
      fix(
        'Return only what is needed',
        'Filter responses to what the caller may see; show generic errors and keep details in logs.',
        '15.3.1',
        '16.5.1',
        'Error_Handling',
      ),
      fix(
        'No debug output in production',
        'Disable debug modes, stack traces and version banners in production.',
        '13.4.2',
        '13.4.6',
      ),
    ],
    references: [cwe(200), cwe(209)],
  },
  {
    ...base,
    id: 'stride.process.denial-of-service',
    targets: ['process'],
    condition: all(unknownTechnology, inbound({ all: [] })),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Process exhausted',
    description:
      'Floods or expensive requests use up the CPU, memory, threads or connections of the process so legitimate callers are refused.',
    mitigations: [
      fix(
        'Limit resource use',
        'Rate-limit callers, bound request sizes and work per request, set timeouts, and scale out behind a load balancer.',
        '2.4.1',
        '15.2.2',
        'Denial_of_Service',
      ),
      fix(
        'Fail safely under load',
        'Shed load with back-pressure and circuit breakers rather than failing open.',
        '16.5.2',
        '16.5.3',
      ),
    ],
    references: [cwe(400), cwe(770), capec(125)],
  },
  {
    ...base,
    id: 'stride.process.elevation-of-privilege',
    targets: ['process'],
    condition: unknownTechnology,
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Caller gains privileges through the process',
    description:
      'A caller reaches functions or data beyond its rights: missing authorisation checks, or code execution inside the process.',
    mitigations: [
      fix(
        'Authorise every request',
        "Check the caller's permission for each operation and object on the server side, denying by default.",
        '8.2.1',
        '8.3.1',
        'Authorization',
      ),
      fix(
        'Run with least privilege',
        'Give the process only the operating-system and database rights it needs.',
        '13.2.2',
        'Access_Control',
      ),
    ],
    references: [cwe(269), cwe(862), capec(233)],
  },
  {
    ...base,
    id: 'stride.store.tampering',
    targets: ['store'],
    condition: any(unknownTechnology, sensitiveStore),
    category: 'tampering',
    severity: 'high',
    title: 'Stored data altered',
    description:
      'Someone with access to the store, or a process tricked into writing, changes the data held here.',
    mitigations: [
      fix(
        'Restrict write access',
        'Grant write rights only to the processes that need them and authenticate every connection to the store.',
        '8.2.2',
        '13.2.1',
        'Access_Control',
      ),
      fix(
        'Detect changes',
        'Keep integrity checks (hashes, signatures, audit columns) and backups to detect and undo unauthorised changes.',
        '11.3.3',
        'Cryptographic_Storage',
      ),
    ],
    references: [cwe(284), cwe(353)],
  },
  {
    ...base,
    id: 'stride.store.repudiation',
    targets: ['store'],
    condition: is('isALog'),
    category: 'repudiation',
    severity: 'medium',
    title: 'Log cannot prove what happened',
    description:
      'This store is a log: if entries can be deleted, altered or are never written, users and attackers can deny their actions.',
    mitigations: [
      fix(
        'Make the log append-only',
        'Write logs to append-only or write-once storage, forward them to a separate system, and alert on gaps.',
        '16.4.2',
        '16.4.3',
        'Logging',
      ),
      fix(
        'Complete, synchronised entries',
        'Record who, what and when with synchronised UTC timestamps so entries prove the sequence of events.',
        '16.2.1',
        '16.2.2',
        'Logging_Vocabulary',
      ),
    ],
    references: [cwe(778), capec(268)],
  },
  {
    ...base,
    id: 'stride.store.information-disclosure',
    targets: ['store'],
    condition: any(unknownTechnology, sensitiveStore),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Stored data read by the wrong party',
    description:
      'Data in the store is read through weak access control, a leaked backup, or direct access to its files or disks.',
    mitigations: [
      fix(
        'Control read access',
        'Authenticate and authorise every read, encrypt the store and its backups, and keep it off public networks.',
        '8.2.2',
        '14.2.4',
        'Cryptographic_Storage',
      ),
      fix(
        'Classify and minimise',
        'Classify the data held, keep only what is needed, and delete it when its retention ends.',
        '14.1.1',
        '14.2.7',
        'User_Privacy_Protection',
      ),
    ],
    references: [cwe(200), cwe(922)],
  },
  {
    ...base,
    id: 'stride.store.denial-of-service',
    targets: ['store'],
    condition: all(unknownTechnology, outbound({ all: [] })),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Store unavailable',
    description:
      'The store is filled, locked or overloaded so its readers and writers stall or fail.',
    mitigations: [
      fix(
        'Bound and replicate',
        'Set quotas and connection limits, monitor capacity, and keep replicas and tested backups.',
        '13.1.3',
        '5.2.4',
        'Denial_of_Service',
      ),
      fix(
        'Tested backups',
        'Back up regularly to separate storage and test restores.',
        '14.2.7',
        'Database_Security',
      ),
    ],
    references: [cwe(400)],
  },
  {
    ...base,
    id: 'stride.flow.tampering',
    targets: ['flow'],
    condition: all(
      not(encryptedFlow),
      any(crossesBoundary, is('isPublicNetwork'), source(kind('store')), target(kind('store'))),
    ),
    category: 'tampering',
    severity: 'medium',
    title: 'Data altered in transit',
    description: 'Someone on the path between the two ends changes the data as it flows.',
    mitigations: [
      fix(
        'Protect integrity in transit',
        'Use an authenticated channel (TLS) or sign messages, and verify them on receipt.',
        '12.3.1',
        '4.1.5',
        'Transport_Layer_Security',
      ),
      fix(
        'Validate what arrives',
        'Validate received data against its schema even on authenticated channels.',
        '2.2.1',
        'Input_Validation',
      ),
    ],
    references: [cwe(924), capec(94)],
  },
  {
    ...base,
    id: 'stride.flow.information-disclosure',
    targets: ['flow'],
    condition: any(
      crossesBoundary,
      is('isPublicNetwork'),
      sensitiveFlow,
      source(kind('store')),
      target(kind('store')),
    ),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Data read in transit',
    description: 'Someone on the path between the two ends reads the data as it flows.',
    mitigations: [
      fix(
        'Encrypt in transit',
        "Carry the flow over TLS 1.2+ (or encrypt the message) and verify the peer's certificate.",
        '12.1.1',
        '12.3.2',
        'Transport_Layer_Security',
      ),
      fix(
        'Send only what is needed',
        'Keep sensitive data out of URLs and minimise the fields that travel.',
        '14.2.1',
        '14.2.6',
      ),
    ],
    references: [cwe(319), capec(157)],
  },
  {
    ...base,
    id: 'stride.flow.denial-of-service',
    targets: ['flow'],
    condition: all(crossesBoundary, target(kind('process')), not(is('isPublicNetwork'))),
    category: 'denial-of-service',
    severity: 'low',
    title: 'Flow interrupted',
    description:
      'The channel is cut, saturated or its messages dropped, so the receiving end starves.',
    mitigations: [
      fix(
        'Plan for loss',
        'Use timeouts, retries with back-off, queues and redundant paths; monitor the channel.',
        '16.5.2',
        '13.1.2',
      ),
      fix(
        'Monitor the channel',
        'Alert on error rates, latency and queue backlogs for this flow.',
        '16.3.4',
        'Logging',
      ),
    ],
    references: [cwe(400)],
  },
];
