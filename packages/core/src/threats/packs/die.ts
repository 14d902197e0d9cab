import type { RuleInput } from '../rule';
import { cacheStore, clientApp, unknownTechnology } from './context';
import { all, any, crossesBoundary, cwe, exposed, inbound, is, fix, not, outbound } from './dsl';

const base = { pack: 'die', methodology: 'die' } as const;

/** DIE (Distributed, Immutable, Ephemeral): where the design depends on long-lived, mutable, single components. */
export const DIE_RULES: RuleInput[] = [
  {
    ...base,
    id: 'die.actor.ephemeral',
    targets: ['actor'],
    condition: is('providesAuthentication'),
    category: 'ephemeral',
    severity: 'low',
    title: 'Long-lived sessions or credentials',
    description:
      'The actor authenticates; long-lived sessions or static credentials stay useful to an attacker for a long time once stolen.',
    mitigations: [
      fix(
        'Shorten lifetimes',
        'Use short-lived sessions and tokens with refresh, and re-authenticate for sensitive actions.',
        '7.3.1',
        '7.3.2',
        'Session_Management',
      ),
      fix(
        'Revoke quickly',
        'Terminate sessions and tokens when accounts change or are disabled.',
        '7.4.2',
        '7.4.3',
      ),
    ],
    references: [cwe(613)],
  },
  {
    ...base,
    id: 'die.process.distributed',
    targets: ['process'],
    condition: any(exposed, unknownTechnology),
    category: 'distributed',
    severity: 'medium',
    title: 'Single instance of an exposed process',
    description:
      'If the process runs as one instance, an attack or failure on it takes the service down.',
    mitigations: [
      fix(
        'Distribute',
        'Run several instances across failure domains behind a load balancer.',
        '16.5.2',
        'Microservices_Security',
      ),
      fix(
        'Remove shared state',
        'Keep session and job state in shared stores so any instance can serve any request.',
        '15.4.1',
        '13.1.3',
      ),
    ],
    references: [cwe(400)],
  },
  {
    ...base,
    id: 'die.process.immutable',
    targets: ['process'],
    // server-side code: browser and mobile code is redeployed by the user's device, not by you
    condition: not(clientApp),
    category: 'immutable',
    severity: 'medium',
    title: 'Process changed in place',
    description:
      'Servers that are patched and configured by hand drift, and let an intruder persist by modifying them.',
    mitigations: [
      fix(
        'Deploy immutable images',
        'Build versioned images, deploy them unchanged, and forbid in-place changes (read-only file systems).',
        '15.2.4',
        'Docker_Security',
      ),
      fix(
        'No shell access in production',
        'Remove interactive access and change servers only by redeploying.',
        '13.4.2',
        '15.2.3',
      ),
    ],
    references: [cwe(494)],
  },
  {
    ...base,
    id: 'die.process.ephemeral',
    targets: ['process'],
    condition: any(exposed, is('isWebApplication')),
    category: 'ephemeral',
    severity: 'low',
    title: 'Long-lived exposed process',
    description:
      'A process that lives for months gives an intruder time to settle in; replacing instances often evicts them.',
    mitigations: [
      fix(
        'Replace often',
        'Recycle instances regularly and rebuild from source rather than repair.',
        '15.2.4',
        'Kubernetes_Security',
      ),
      fix(
        'Short-lived credentials',
        'Give instances credentials that expire with them.',
        '13.3.4',
        'Secrets_Management',
      ),
    ],
    references: [cwe(1188)],
  },
  {
    ...base,
    id: 'die.store.distributed',
    targets: ['store'],
    // a cache is disposable by design; stores that others read from are what the system depends on
    condition: all(
      not(cacheStore),
      any(outbound({ all: [] }), inbound({ all: [] }), unknownTechnology),
    ),
    category: 'distributed',
    severity: 'medium',
    title: 'Single copy of the data',
    description: 'One store instance is a single point of failure for its data.',
    mitigations: [
      fix(
        'Replicate',
        'Replicate across zones and keep offline backups that are restored in tests.',
        '14.2.7',
        'Database_Security',
      ),
      fix('Test failover', 'Exercise failover and restores regularly.', '16.5.2'),
    ],
    references: [cwe(400)],
  },
  {
    ...base,
    id: 'die.store.immutable',
    targets: ['store'],
    condition: any(is('isALog'), is('isSigned', false)),
    category: 'immutable',
    severity: 'medium',
    title: 'Records overwritten in place',
    description:
      'Data that is updated in place (and logs that can be rewritten) lose history an investigation or recovery needs.',
    mitigations: [
      fix(
        'Append, do not overwrite',
        'Use append-only or versioned storage and write-once retention for logs.',
        '16.4.2',
        '11.3.3',
        'Logging',
      ),
      fix(
        'Versioning and object lock',
        'Enable versioning or write-once retention so overwrites can be undone.',
        '14.2.7',
        'Secure_Cloud_Architecture',
      ),
    ],
    references: [cwe(353)],
  },
  {
    ...base,
    id: 'die.store.ephemeral',
    targets: ['store'],
    condition: is('storesCredentials'),
    category: 'ephemeral',
    severity: 'medium',
    title: 'Static secrets at rest',
    description: 'Stored secrets that never change stay valuable to whoever copies them.',
    mitigations: [
      fix(
        'Rotate secrets',
        'Prefer short-lived, automatically rotated credentials issued on demand.',
        '13.3.4',
        'Secrets_Management',
      ),
      fix(
        'Dynamic secrets',
        'Issue per-use, short-lived credentials from a vault.',
        '13.3.1',
        'Key_Management',
      ),
    ],
    references: [cwe(798)],
  },
  {
    ...base,
    id: 'die.flow.ephemeral',
    targets: ['flow'],
    condition: crossesBoundary,
    category: 'ephemeral',
    severity: 'low',
    title: 'Long-lived keys on a boundary-crossing channel',
    description:
      'Static API keys or certificates protecting this boundary-crossing flow stay usable long after a leak.',
    mitigations: [
      fix(
        'Use short-lived credentials',
        'Issue short-lived tokens or certificates automatically and revoke on suspicion.',
        '13.3.4',
        '10.3.5',
        'OAuth2',
      ),
      fix(
        'Sender-constrained tokens',
        'Bind tokens to the client with mTLS or DPoP.',
        '10.4.14',
        '9.2.1',
      ),
    ],
    references: [cwe(324)],
  },
];
