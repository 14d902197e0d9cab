import { encryptedFlow, mutualTls } from './context';
import type { RuleInput } from '../rule';
import {
  all,
  any,
  capec,
  crossesBoundary,
  cwe,
  danglingSource,
  danglingTarget,
  is,
  kind,
  fix,
  not,
  source,
  target,
} from './dsl';

const base = {
  pack: 'stride-interaction',
  methodology: 'stride',
  targets: ['flow' as const],
  interaction: true,
} as const satisfies Partial<RuleInput>;

/** STRIDE per interaction: threats that come from how a flow connects its ends and which boundaries it crosses. */
export const STRIDE_INTERACTION_RULES: RuleInput[] = [
  {
    ...base,
    id: 'stride-interaction.crossing.spoofing',
    supersedes: ['property.flow.bidirectional-replay', 'network.dns-and-tls-spoofing'],
    condition: all(crossesBoundary, not(mutualTls)),
    category: 'spoofing',
    severity: 'high',
    title: 'Sender across a trust boundary not authenticated',
    description:
      'This flow crosses a trust boundary. If the receiving side does not authenticate the sender, anything on the other side of the boundary can pose as it.',
    mitigations: [
      fix(
        'Authenticate at the boundary',
        'Authenticate every request that crosses the boundary (mutual TLS, signed tokens) and reject anonymous traffic.',
        '12.3.5',
        '8.2.1',
        'Authentication',
      ),
      fix(
        'Do not trust the network location',
        'Authorise by verified identity, never by source address or zone.',
        '13.2.1',
        'Zero_Trust_Architecture',
      ),
    ],
    references: [cwe(306), capec(151)],
  },
  {
    ...base,
    id: 'stride-interaction.crossing.tampering',
    condition: all(crossesBoundary, target(kind('process', 'store'))),
    category: 'tampering',
    severity: 'high',
    title: 'Untrusted input crosses into a trusted zone',
    description:
      'Data from a less trusted zone enters a process or store here. Unvalidated, it can inject commands, corrupt data or exploit parsers.',
    mitigations: [
      fix(
        'Validate at the boundary',
        'Treat the data as untrusted: validate it against a strict schema, size limits and allow-lists where it enters the zone.',
        '2.2.1',
        '2.2.2',
        'Input_Validation',
      ),
      fix(
        'Safe parsers and encoders',
        'Parse with hardened parsers and encode data for every interpreter it reaches.',
        '1.5.1',
        '1.2.4',
        'Injection_Prevention',
      ),
    ],
    references: [cwe(20), capec(153)],
  },
  {
    ...base,
    id: 'stride-interaction.crossing.store-egress',
    condition: all(crossesBoundary, source(kind('store'))),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Stored data leaves its trust zone',
    description:
      "Data read from a store flows out across a trust boundary, where the store's access controls no longer protect it.",
    mitigations: [
      fix(
        'Send only what is needed',
        'Filter and minimise what leaves the zone, and authorise the receiver for exactly that data.',
        '14.2.6',
        '8.2.3',
      ),
      fix(
        'Encrypt what leaves',
        'Encrypt the flow and, for sensitive fields, the data itself.',
        '12.3.1',
        'Cryptographic_Storage',
      ),
    ],
    references: [cwe(200), cwe(668)],
  },
  {
    ...base,
    id: 'stride-interaction.unauthenticated-actor',
    supersedes: ['stride-interaction.crossing.spoofing'],
    condition: all(
      source(all(kind('actor'), is('providesAuthentication', false))),
      target(kind('process')),
    ),
    category: 'spoofing',
    severity: 'high',
    title: 'Unauthenticated actor calls a process',
    description:
      'The actor sending this flow is not marked as authenticating, so the process cannot tell who is calling it.',
    mitigations: [
      fix(
        'Require authentication',
        'Authenticate the actor before the process acts on its requests, or document why anonymous access is intended and limit what it can do.',
        '8.2.1',
        'Authentication',
      ),
      fix(
        'Limit anonymous functions',
        'Where anonymous access is intended, rate-limit it and expose only read-only, non-sensitive functions.',
        '2.4.1',
        '8.1.1',
      ),
    ],
    references: [cwe(306), capec(115)],
  },
  {
    ...base,
    id: 'stride-interaction.public-cleartext',
    supersedes: ['stride.flow.information-disclosure', 'stride.flow.tampering'],
    condition: all(is('isPublicNetwork'), not(encryptedFlow)),
    category: 'information-disclosure',
    severity: 'critical',
    title: 'Cleartext over a public network',
    description:
      'This flow crosses a public network unencrypted: anyone on the path can read and alter it (adversary in the middle).',
    mitigations: [
      fix(
        'Encrypt the channel',
        'Use TLS 1.2 or later with certificate verification, or encrypt and sign the messages themselves.',
        '12.2.1',
        '12.1.1',
        'Transport_Layer_Security',
      ),
      fix(
        'HSTS and no downgrade',
        'Redirect to HTTPS only for browser endpoints, send HSTS, and refuse cleartext for APIs.',
        '3.4.1',
        '4.1.2',
        'HTTP_Strict_Transport_Security',
      ),
    ],
    references: [cwe(319), capec(94), capec(157)],
  },
  {
    ...base,
    id: 'stride-interaction.public-flooding',
    supersedes: ['stride.flow.denial-of-service'],
    condition: all(is('isPublicNetwork'), target(kind('process'))),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Process flooded from a public network',
    description:
      'A process receives this flow from a public network, where anyone can send it more requests than it can handle.',
    mitigations: [
      fix(
        'Throttle public traffic',
        'Put rate limiting, request size limits and DDoS protection in front of the process.',
        '2.4.1',
        'Denial_of_Service',
      ),
      fix(
        'Bound work per request',
        'Set timeouts, pagination and payload limits so single requests stay cheap.',
        '15.2.2',
        '5.2.1',
      ),
    ],
    references: [cwe(770), capec(125)],
  },
  {
    ...base,
    id: 'stride-interaction.bidirectional-crossing',
    supersedes: ['stride-interaction.crossing.tampering'],
    condition: all(is('isBidirectional'), crossesBoundary),
    category: 'tampering',
    severity: 'medium',
    title: 'Replies flow back into the trusted zone',
    description:
      'This bidirectional flow crosses a trust boundary, so data also travels from the less trusted side back in, where it is easily treated as trusted.',
    mitigations: [
      fix(
        'Validate both directions',
        'Validate responses as strictly as requests, and bind each response to the request that caused it.',
        '2.2.1',
        'Input_Validation',
      ),
      fix(
        'Correlate responses',
        'Bind each response to its request (ids, nonces) and reject unexpected ones.',
        '4.1.5',
        '6.7.2',
      ),
    ],
    references: [cwe(20)],
  },
  {
    ...base,
    id: 'stride-interaction.actor-store-direct',
    condition: any(
      all(source(kind('actor')), target(kind('store'))),
      all(source(kind('store')), target(kind('actor'))),
    ),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'External entity accesses a store directly',
    description:
      'An actor reads or writes the store without a process in between, so no application logic checks what it may do.',
    mitigations: [
      fix(
        'Put a process in front',
        'Route access through a service that authorises each operation, or give the actor narrowly scoped, audited credentials.',
        '8.3.1',
        'Access_Control',
      ),
      fix(
        'Audit direct access',
        'Log every direct read and write with the identity used.',
        '16.3.3',
        'Logging',
      ),
    ],
    references: [cwe(284), cwe(862)],
  },
  {
    ...base,
    id: 'stride-interaction.dangling-end',
    condition: any(danglingSource, danglingTarget),
    category: 'spoofing',
    severity: 'low',
    title: 'Flow to or from an unmodelled party',
    description:
      'One end of this flow is not attached to any element, so whoever sends or receives it is unknown and cannot be trusted.',
    mitigations: [
      fix(
        'Model the peer',
        'Attach the flow to the actor, process or store it really connects, so its threats are analysed.',
        '13.1.1',
        'Threat_Modeling',
      ),
      fix(
        'Allow-list peers',
        'Permit connections only to documented peers.',
        '13.2.4',
        'Network_Segmentation',
      ),
    ],
    references: [cwe(923)],
  },
  {
    ...base,
    id: 'stride-interaction.process-to-actor-leak',
    condition: all(
      source(kind('process', 'store')),
      target(all(kind('actor'), is('providesAuthentication', false))),
      not(encryptedFlow),
    ),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Data sent unencrypted to an unauthenticated actor',
    description:
      'Data goes to an actor that does not authenticate, over a flow that is not encrypted: it may reach the wrong recipient or be read on the way.',
    mitigations: [
      fix(
        'Know the recipient',
        'Authenticate the recipient before sending it data, and encrypt the channel.',
        '8.2.2',
        '12.2.1',
        'Authentication',
      ),
      fix(
        'Minimise what is sent',
        'Send only the fields the recipient needs.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
    ],
    references: [cwe(200), cwe(319)],
  },
];
