import type { RuleInput } from '../rule';
import { any, crossesBoundary, cwe, exposed, is, mitigation as m } from './dsl';

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
      m(
        'Shorten lifetimes',
        'Use short-lived sessions and tokens with refresh, and re-authenticate for sensitive actions.',
      ),
    ],
    references: [cwe(613)],
  },
  {
    ...base,
    id: 'die.process.distributed',
    targets: ['process'],
    condition: exposed,
    category: 'distributed',
    severity: 'medium',
    title: 'Single instance of an exposed process',
    description:
      'If the process runs as one instance, an attack or failure on it takes the service down.',
    mitigations: [
      m('Distribute', 'Run several instances across failure domains behind a load balancer.'),
    ],
    references: [cwe(400)],
  },
  {
    ...base,
    id: 'die.process.immutable',
    targets: ['process'],
    category: 'immutable',
    severity: 'medium',
    title: 'Process changed in place',
    description:
      'Servers that are patched and configured by hand drift, and let an intruder persist by modifying them.',
    mitigations: [
      m(
        'Deploy immutable images',
        'Build versioned images, deploy them unchanged, and forbid in-place changes (read-only file systems).',
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
      m('Replace often', 'Recycle instances regularly and rebuild from source rather than repair.'),
    ],
    references: [],
  },
  {
    ...base,
    id: 'die.store.distributed',
    targets: ['store'],
    category: 'distributed',
    severity: 'medium',
    title: 'Single copy of the data',
    description: 'One store instance is a single point of failure for its data.',
    mitigations: [
      m('Replicate', 'Replicate across zones and keep offline backups that are restored in tests.'),
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
      m(
        'Append, do not overwrite',
        'Use append-only or versioned storage and write-once retention for logs.',
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
      m(
        'Rotate secrets',
        'Prefer short-lived, automatically rotated credentials issued on demand.',
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
      m(
        'Use short-lived credentials',
        'Issue short-lived tokens or certificates automatically and revoke on suspicion.',
      ),
    ],
    references: [cwe(324)],
  },
];
