import type { RuleInput } from '../rule';
import { capec, cwe, is, mitigation as m } from './dsl';

const base = { pack: 'stride', methodology: 'stride' } as const;

/** STRIDE per element, as Microsoft's chart assigns it: actor S R; process S T R I D E; store T I D (R when a log); flow T I D. */
export const STRIDE_RULES: RuleInput[] = [
  {
    ...base,
    id: 'stride.actor.spoofing',
    targets: ['actor'],
    category: 'spoofing',
    severity: 'high',
    title: 'Actor impersonated',
    description:
      'An attacker poses as this external entity, for example with stolen credentials or a forged token, and acts in its name.',
    mitigations: [
      m(
        'Authenticate the entity',
        'Require strong authentication (multi-factor for people, mutual TLS or signed tokens for systems) before trusting anything it sends.',
      ),
    ],
    references: [cwe(287), cwe(290), capec(151)],
  },
  {
    ...base,
    id: 'stride.actor.repudiation',
    targets: ['actor'],
    category: 'repudiation',
    severity: 'medium',
    title: 'Actor denies its actions',
    description:
      'The external entity claims it never sent a request or performed an action, and nothing recorded proves otherwise.',
    mitigations: [
      m(
        'Keep an audit trail',
        'Log security-relevant actions with the authenticated identity, time and request, in a store the actor cannot change.',
      ),
    ],
    references: [cwe(778)],
  },
  {
    ...base,
    id: 'stride.process.spoofing',
    targets: ['process'],
    category: 'spoofing',
    severity: 'medium',
    title: 'Process impersonated',
    description:
      'Another program poses as this process (a rogue service, DNS or name hijack) and receives data meant for it or answers in its place.',
    mitigations: [
      m(
        'Authenticate the service',
        'Give the process its own identity (TLS certificate, workload identity) and make its clients verify it.',
      ),
    ],
    references: [cwe(290), capec(151)],
  },
  {
    ...base,
    id: 'stride.process.tampering',
    targets: ['process'],
    category: 'tampering',
    severity: 'high',
    title: 'Process manipulated through its input',
    description:
      'Crafted input (injection, deserialisation, path traversal) changes what the process does or the data it writes.',
    mitigations: [
      m(
        'Validate input',
        'Validate every input against a strict schema at the entry point; use parameterised queries and safe parsers.',
      ),
      m(
        'Protect the code',
        'Deploy signed, immutable builds so the program itself cannot be altered in place.',
      ),
    ],
    references: [cwe(20), capec(66)],
  },
  {
    ...base,
    id: 'stride.process.repudiation',
    targets: ['process'],
    category: 'repudiation',
    severity: 'low',
    title: 'Actions of the process cannot be traced',
    description:
      'The process performs security-relevant actions without recording who asked for them, so misuse cannot be attributed or investigated.',
    mitigations: [
      m(
        'Log security events',
        'Record authentication, authorisation decisions and changes with the requesting identity, and ship the log off the host.',
      ),
    ],
    references: [cwe(778)],
  },
  {
    ...base,
    id: 'stride.process.information-disclosure',
    targets: ['process'],
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Process leaks data',
    description:
      'Error messages, debug output, responses or side channels reveal data or internals to someone not entitled to them.',
    mitigations: [
      m(
        'Return only what is needed',
        'Filter responses to what the caller may see; show generic errors and keep details in logs.',
      ),
    ],
    references: [cwe(200), cwe(209)],
  },
  {
    ...base,
    id: 'stride.process.denial-of-service',
    targets: ['process'],
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Process exhausted',
    description:
      'Floods or expensive requests use up the CPU, memory, threads or connections of the process so legitimate callers are refused.',
    mitigations: [
      m(
        'Limit resource use',
        'Rate-limit callers, bound request sizes and work per request, set timeouts, and scale out behind a load balancer.',
      ),
    ],
    references: [cwe(400), cwe(770), capec(125)],
  },
  {
    ...base,
    id: 'stride.process.elevation-of-privilege',
    targets: ['process'],
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Caller gains privileges through the process',
    description:
      'A caller reaches functions or data beyond its rights: missing authorisation checks, or code execution inside the process.',
    mitigations: [
      m(
        'Authorise every request',
        "Check the caller's permission for each operation and object on the server side, denying by default.",
      ),
      m(
        'Run with least privilege',
        'Give the process only the operating-system and database rights it needs.',
      ),
    ],
    references: [cwe(269), cwe(862), capec(233)],
  },
  {
    ...base,
    id: 'stride.store.tampering',
    targets: ['store'],
    category: 'tampering',
    severity: 'high',
    title: 'Stored data altered',
    description:
      'Someone with access to the store, or a process tricked into writing, changes the data held here.',
    mitigations: [
      m(
        'Restrict write access',
        'Grant write rights only to the processes that need them and authenticate every connection to the store.',
      ),
      m(
        'Detect changes',
        'Keep integrity checks (hashes, signatures, audit columns) and backups to detect and undo unauthorised changes.',
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
      m(
        'Make the log append-only',
        'Write logs to append-only or write-once storage, forward them to a separate system, and alert on gaps.',
      ),
    ],
    references: [cwe(778), capec(268)],
  },
  {
    ...base,
    id: 'stride.store.information-disclosure',
    targets: ['store'],
    category: 'information-disclosure',
    severity: 'high',
    title: 'Stored data read by the wrong party',
    description:
      'Data in the store is read through weak access control, a leaked backup, or direct access to its files or disks.',
    mitigations: [
      m(
        'Control read access',
        'Authenticate and authorise every read, encrypt the store and its backups, and keep it off public networks.',
      ),
    ],
    references: [cwe(200), cwe(922)],
  },
  {
    ...base,
    id: 'stride.store.denial-of-service',
    targets: ['store'],
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Store unavailable',
    description:
      'The store is filled, locked or overloaded so its readers and writers stall or fail.',
    mitigations: [
      m(
        'Bound and replicate',
        'Set quotas and connection limits, monitor capacity, and keep replicas and tested backups.',
      ),
    ],
    references: [cwe(400)],
  },
  {
    ...base,
    id: 'stride.flow.tampering',
    targets: ['flow'],
    category: 'tampering',
    severity: 'medium',
    title: 'Data altered in transit',
    description: 'Someone on the path between the two ends changes the data as it flows.',
    mitigations: [
      m(
        'Protect integrity in transit',
        'Use an authenticated channel (TLS) or sign messages, and verify them on receipt.',
      ),
    ],
    references: [cwe(924), capec(94)],
  },
  {
    ...base,
    id: 'stride.flow.information-disclosure',
    targets: ['flow'],
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Data read in transit',
    description: 'Someone on the path between the two ends reads the data as it flows.',
    mitigations: [
      m(
        'Encrypt in transit',
        "Carry the flow over TLS 1.2+ (or encrypt the message) and verify the peer's certificate.",
      ),
    ],
    references: [cwe(319), capec(157)],
  },
  {
    ...base,
    id: 'stride.flow.denial-of-service',
    targets: ['flow'],
    category: 'denial-of-service',
    severity: 'low',
    title: 'Flow interrupted',
    description:
      'The channel is cut, saturated or its messages dropped, so the receiving end starves.',
    mitigations: [
      m(
        'Plan for loss',
        'Use timeouts, retries with back-off, queues and redundant paths; monitor the channel.',
      ),
    ],
    references: [cwe(400)],
  },
];
