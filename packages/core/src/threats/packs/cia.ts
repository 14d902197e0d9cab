import { unknownTechnology } from './context';
import type { RuleInput } from '../rule';
import { any, crossesBoundary, cwe, exposed, is, fix, outbound, tag } from './dsl';

const base = { pack: 'cia', methodology: 'cia' } as const;

/** Confidentiality, integrity and availability per element, narrowed by the element's properties. */
export const CIA_RULES: RuleInput[] = [
  {
    ...base,
    id: 'cia.actor.integrity',
    targets: ['actor'],
    condition: outbound({ all: [] }),
    category: 'integrity',
    severity: 'medium',
    title: "Actions taken in this actor's name",
    description: 'Someone posing as the actor makes changes the system attributes to it.',
    mitigations: [
      fix(
        'Authenticate and record',
        'Authenticate the actor strongly and keep an audit trail of its changes.',
        '6.3.3',
        '16.3.3',
        'Authentication',
      ),
      fix(
        'Confirm high-impact changes',
        'Require re-authentication for changes that matter.',
        '7.5.1',
        '7.5.3',
      ),
    ],
    references: [cwe(287)],
  },
  {
    ...base,
    id: 'cia.process.confidentiality',
    targets: ['process'],
    condition: unknownTechnology,
    category: 'confidentiality',
    severity: 'medium',
    title: 'Process discloses data',
    description: 'The process returns or leaks data to callers not entitled to it.',
    mitigations: [
      fix(
        'Authorise reads',
        'Check entitlement for every read and keep error output generic.',
        '8.2.2',
        '16.5.1',
        'Authorization',
      ),
      fix('Minimal responses', 'Return only the fields the caller needs.', '15.3.1', '14.2.6'),
    ],
    references: [cwe(200)],
  },
  {
    ...base,
    id: 'cia.process.integrity',
    targets: ['process'],
    condition: unknownTechnology,
    category: 'integrity',
    severity: 'high',
    title: 'Process behaviour or output altered',
    description:
      'Malicious input or a modified deployment changes what the process computes or writes.',
    mitigations: [
      fix(
        'Validate and verify',
        'Validate input strictly and deploy only signed, reviewed builds.',
        '2.2.1',
        '15.2.4',
        'Input_Validation',
      ),
      fix(
        'Parameterise interpreters',
        'Use parameterised queries and safe APIs for every interpreter.',
        '1.2.4',
        '1.2.5',
        'Injection_Prevention',
      ),
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
      fix(
        'Limit and scale',
        'Rate-limit, bound work per request and run redundant instances.',
        '2.4.1',
        '15.2.2',
        'Denial_of_Service',
      ),
      fix(
        'Degrade gracefully',
        'Use circuit breakers and back-pressure so dependants fail safely.',
        '16.5.2',
        '16.5.3',
      ),
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
      fix(
        'Encrypt and restrict',
        'Encrypt at rest with managed keys and limit read access to the processes that need it.',
        '14.2.4',
        '8.2.2',
        'Cryptographic_Storage',
      ),
      fix(
        'Keys apart from data',
        'Hold keys in a KMS or HSM, separate from the data.',
        '13.3.1',
        'Key_Management',
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
      fix(
        'Add integrity checks',
        'Sign or hash critical records, restrict write access and keep versioned backups.',
        '11.3.3',
        'Cryptographic_Storage',
      ),
      fix('Restrict writers', 'Grant write access only to the owning service.', '8.2.2', '13.2.2'),
    ],
    references: [cwe(353)],
  },
  {
    ...base,
    id: 'cia.store.availability',
    targets: ['store'],
    condition: outbound({ all: [] }),
    category: 'availability',
    severity: 'medium',
    title: 'Store lost or unavailable',
    description: "Failure, deletion, ransomware or exhaustion makes the store's data unavailable.",
    mitigations: [
      fix(
        'Back up and replicate',
        'Keep tested, offline backups and replicas, and monitor capacity.',
        '14.2.7',
        'Database_Security',
      ),
      fix(
        'Quotas and monitoring',
        'Set quotas and alert on capacity before the store fills.',
        '5.2.4',
        '13.1.3',
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
    mitigations: [
      fix(
        'Encrypt in transit',
        'Use TLS 1.2+ with certificate verification.',
        '12.3.1',
        '12.2.1',
        'Transport_Layer_Security',
      ),
      fix('Minimise in transit', 'Send only the fields needed.', '14.2.6'),
    ],
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
      fix(
        'Authenticate messages',
        'Use an authenticated channel or message signatures, and validate on receipt.',
        '4.1.5',
        '12.3.1',
        'Transport_Layer_Security',
      ),
      fix(
        'Validate on receipt',
        'Validate messages against their schema.',
        '2.2.1',
        'Input_Validation',
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
      fix(
        'Tolerate disruption',
        'Use retries, queues and alternative paths; monitor the channel.',
        '16.5.2',
        'Denial_of_Service',
      ),
      fix('Rate-limit at the edge', 'Throttle traffic from public networks.', '2.4.1'),
    ],
    references: [cwe(400)],
  },
];
