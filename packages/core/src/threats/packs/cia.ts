import type { RuleInput } from '../rule';
import { any, crossesBoundary, cwe, exposed, is, mitigation as m, tag } from './dsl';

const base = { pack: 'cia', methodology: 'cia' } as const;

/** Confidentiality, integrity and availability per element, narrowed by the element's properties. */
export const CIA_RULES: RuleInput[] = [
  {
    ...base,
    id: 'cia.actor.integrity',
    targets: ['actor'],
    category: 'integrity',
    severity: 'medium',
    title: "Actions taken in this actor's name",
    description: 'Someone posing as the actor makes changes the system attributes to it.',
    mitigations: [
      m(
        'Authenticate and record',
        'Authenticate the actor strongly and keep an audit trail of its changes.',
      ),
    ],
    references: [cwe(287)],
  },
  {
    ...base,
    id: 'cia.process.confidentiality',
    targets: ['process'],
    category: 'confidentiality',
    severity: 'medium',
    title: 'Process discloses data',
    description: 'The process returns or leaks data to callers not entitled to it.',
    mitigations: [
      m('Authorise reads', 'Check entitlement for every read and keep error output generic.'),
    ],
    references: [cwe(200)],
  },
  {
    ...base,
    id: 'cia.process.integrity',
    targets: ['process'],
    category: 'integrity',
    severity: 'high',
    title: 'Process behaviour or output altered',
    description:
      'Malicious input or a modified deployment changes what the process computes or writes.',
    mitigations: [
      m('Validate and verify', 'Validate input strictly and deploy only signed, reviewed builds.'),
    ],
    references: [cwe(20), cwe(494)],
  },
  {
    ...base,
    id: 'cia.process.availability',
    targets: ['process'],
    condition: exposed,
    category: 'availability',
    severity: 'medium',
    title: 'Exposed process made unavailable',
    description:
      'The process is reachable by actors or a public network, which can overload or crash it.',
    mitigations: [
      m('Limit and scale', 'Rate-limit, bound work per request and run redundant instances.'),
    ],
    references: [cwe(400)],
  },
  {
    ...base,
    id: 'cia.store.confidentiality',
    targets: ['store'],
    condition: any(is('isEncrypted', false), is('storesCredentials'), tag('handlesPII')),
    category: 'confidentiality',
    severity: 'high',
    title: 'Stored data read without authorisation',
    description:
      'Data in the store is unencrypted or especially sensitive, and can be read through weak access control or stolen media.',
    mitigations: [
      m(
        'Encrypt and restrict',
        'Encrypt at rest with managed keys and limit read access to the processes that need it.',
      ),
    ],
    references: [cwe(311), cwe(922)],
  },
  {
    ...base,
    id: 'cia.store.integrity',
    targets: ['store'],
    condition: is('isSigned', false),
    category: 'integrity',
    severity: 'medium',
    title: 'Stored data altered undetected',
    description: 'Nothing in the store (signatures, hashes) shows whether its data was changed.',
    mitigations: [
      m(
        'Add integrity checks',
        'Sign or hash critical records, restrict write access and keep versioned backups.',
      ),
    ],
    references: [cwe(353)],
  },
  {
    ...base,
    id: 'cia.store.availability',
    targets: ['store'],
    category: 'availability',
    severity: 'medium',
    title: 'Store lost or unavailable',
    description: "Failure, deletion, ransomware or exhaustion makes the store's data unavailable.",
    mitigations: [
      m(
        'Back up and replicate',
        'Keep tested, offline backups and replicas, and monitor capacity.',
      ),
    ],
    references: [cwe(400)],
  },
  {
    ...base,
    id: 'cia.flow.confidentiality',
    targets: ['flow'],
    condition: any(is('isEncrypted', false), is('isPublicNetwork')),
    category: 'confidentiality',
    severity: 'medium',
    title: 'Data in transit observed',
    description:
      'The flow is unencrypted or crosses a public network, where its content can be read.',
    mitigations: [m('Encrypt in transit', 'Use TLS 1.2+ with certificate verification.')],
    references: [cwe(319)],
  },
  {
    ...base,
    id: 'cia.flow.integrity',
    targets: ['flow'],
    condition: any(crossesBoundary, is('isPublicNetwork')),
    category: 'integrity',
    severity: 'medium',
    title: 'Data in transit modified',
    description:
      'The flow crosses a trust boundary or a public network, where messages can be changed or injected.',
    mitigations: [
      m(
        'Authenticate messages',
        'Use an authenticated channel or message signatures, and validate on receipt.',
      ),
    ],
    references: [cwe(924)],
  },
  {
    ...base,
    id: 'cia.flow.availability',
    targets: ['flow'],
    condition: is('isPublicNetwork'),
    category: 'availability',
    severity: 'low',
    title: 'Public channel disrupted',
    description:
      'A flow over a public network can be interrupted or flooded by parties outside your control.',
    mitigations: [
      m('Tolerate disruption', 'Use retries, queues and alternative paths; monitor the channel.'),
    ],
    references: [cwe(400)],
  },
];
