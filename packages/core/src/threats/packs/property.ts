import type { RuleInput } from '../rule';
import {
  all,
  any,
  capec,
  cwe,
  HIGH_PRIVILEGE,
  is,
  isSet,
  LEGACY_TLS,
  mitigation as m,
  not,
  oneOf,
  PLAINTEXT_PROTOCOLS,
  tag,
} from './dsl';

const base = { pack: 'property', methodology: 'stride' } as const;

/**
 * Property-driven rules: each element property changes what can go wrong.
 * (Properties also read by other packs: providesAuthentication by
 * stride-interaction and oat; isPublicNetwork by stride-interaction and oat.)
 */
export const PROPERTY_RULES: RuleInput[] = [
  {
    ...base,
    id: 'property.process.high-privilege',
    targets: ['process'],
    condition: oneOf('privilegeLevel', HIGH_PRIVILEGE),
    category: 'elevation-of-privilege',
    severity: 'critical',
    title: 'Process runs with administrative privilege',
    description:
      'The process runs as root, SYSTEM or an administrator: any flaw in it hands an attacker the whole host.',
    mitigations: [
      m(
        'Drop privileges',
        'Run as a dedicated unprivileged account; isolate the few privileged operations in a small separate component.',
      ),
    ],
    references: [cwe(250), capec(233)],
  },
  {
    ...base,
    id: 'property.process.privilege-level',
    targets: ['process'],
    condition: all(isSet('privilegeLevel'), not(oneOf('privilegeLevel', HIGH_PRIVILEGE))),
    category: 'elevation-of-privilege',
    severity: 'low',
    title: "Compromise grants the process's privilege level",
    description:
      'If the process is compromised, the attacker holds its privilege level and can move laterally to what that level reaches.',
    mitigations: [
      m(
        'Apply least privilege',
        'Review the stated privilege level and reduce it to the minimum the process needs; separate duties across accounts.',
      ),
    ],
    references: [cwe(269)],
  },
  {
    ...base,
    id: 'property.process.web-injection',
    supersedes: ['stride.process.tampering'],
    targets: ['process'],
    condition: is('isWebApplication'),
    category: 'tampering',
    severity: 'high',
    title: 'Injection into a web application',
    description:
      'A web application takes input from browsers: cross-site scripting, SQL injection and similar flaws let that input run as code.',
    mitigations: [
      m(
        'Encode and parameterise',
        'Encode output for its context, use parameterised queries, and set a strict Content-Security-Policy.',
      ),
      m(
        'Test for injection',
        'Run the OWASP ASVS checks and automated scans against the application before release.',
      ),
    ],
    references: [cwe(79), cwe(89), capec(63), capec(66)],
  },
  {
    ...base,
    id: 'property.process.web-session',
    targets: ['process'],
    condition: is('isWebApplication'),
    category: 'spoofing',
    severity: 'medium',
    title: 'Web session hijacked or forged',
    description:
      'Session cookies or tokens are stolen, fixed or ridden (cross-site request forgery) to act as a logged-in user.',
    mitigations: [
      m(
        'Harden sessions',
        'Use Secure, HttpOnly, SameSite cookies, rotate the session on login, and require anti-CSRF tokens for state changes.',
      ),
    ],
    references: [cwe(352), cwe(384), capec(62)],
  },
  {
    ...base,
    id: 'property.process.card-data',
    targets: ['process'],
    condition: is('handlesCardPayment'),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Cardholder data exposed',
    description:
      'The process handles payment cards: card numbers leaking from memory, logs or storage is a breach and brings it into PCI DSS scope.',
    mitigations: [
      m(
        'Keep card data out',
        'Tokenise through a PCI-compliant payment provider so the process never sees full card numbers; never log them.',
      ),
    ],
    references: [cwe(311), cwe(359)],
  },
  {
    ...base,
    id: 'property.process.business-logic',
    targets: ['process'],
    condition: is('handlesGoodsOrServices'),
    category: 'tampering',
    severity: 'medium',
    title: 'Prices, quantities or workflow manipulated',
    description:
      'The process sells goods or services: tampered prices, negative quantities or skipped checkout steps let buyers pay less than they should.',
    mitigations: [
      m(
        'Enforce business rules server-side',
        'Recompute prices and totals on the server and enforce the order of workflow steps.',
      ),
    ],
    references: [cwe(841), cwe(840)],
  },
  {
    ...base,
    id: 'property.store.log-sensitive-data',
    targets: ['store'],
    condition: is('isALog'),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Log holds sensitive data',
    description:
      'Logs end up with passwords, tokens or personal data, and are then read by people or systems not entitled to them.',
    mitigations: [
      m(
        'Minimise log content',
        'Mask secrets and personal data before logging, and restrict and encrypt access to the logs.',
      ),
    ],
    references: [cwe(532)],
  },
  {
    ...base,
    id: 'property.store.log-unsigned',
    supersedes: ['stride.store.tampering'],
    targets: ['store'],
    condition: all(is('isALog'), is('isSigned', false)),
    category: 'tampering',
    severity: 'medium',
    title: 'Unsigned log entries can be forged',
    description:
      'Entries in this log carry no signature or hash chain, so forged or altered entries (log injection) cannot be detected.',
    mitigations: [
      m(
        'Chain or sign entries',
        'Neutralise line breaks and control characters in logged values, and hash-chain or sign entries.',
      ),
    ],
    references: [cwe(117), capec(93)],
  },
  {
    ...base,
    id: 'property.store.unencrypted',
    targets: ['store'],
    condition: all(
      is('isEncrypted', false),
      any(
        tag('handlesPII'),
        is('storesCredentials'),
        is('isALog'),
        tag('isTrainingData'),
        tag('isMLModel'),
      ),
    ),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Sensitive data stored unencrypted',
    description:
      'The store holds sensitive data (personal data, credentials, logs or model assets) without encryption at rest: a stolen disk, backup or snapshot exposes it.',
    mitigations: [
      m(
        'Encrypt at rest',
        'Enable storage or database encryption with keys held in a key-management service, and encrypt backups.',
      ),
    ],
    references: [cwe(311), cwe(312)],
  },
  {
    ...base,
    id: 'property.store.weak-encryption',
    targets: ['store'],
    condition: is('isEncrypted'),
    category: 'information-disclosure',
    severity: 'low',
    title: 'Outdated encryption or key handling',
    description:
      'The store is encrypted, but old algorithms, short keys or keys kept beside the data undo the protection.',
    mitigations: [
      m(
        'Use current cryptography',
        'Use AES-GCM or the platform default, keep keys in a KMS or HSM, and rotate them.',
      ),
    ],
    references: [cwe(326), cwe(327)],
  },
  {
    ...base,
    id: 'property.store.weak-signature',
    targets: ['store'],
    condition: is('isSigned'),
    category: 'tampering',
    severity: 'low',
    title: 'Signatures not verified or weak',
    description:
      'The stored data is signed, but signatures that are never checked, or use outdated algorithms, do not stop tampering.',
    mitigations: [
      m(
        'Verify signatures',
        'Verify every signature on read with a current algorithm (Ed25519, ECDSA P-256, RSA-PSS) and protected keys.',
      ),
    ],
    references: [cwe(347), capec(473)],
  },
  {
    ...base,
    id: 'property.store.credentials',
    supersedes: ['stride.store.information-disclosure'],
    targets: ['store'],
    condition: is('storesCredentials'),
    category: 'information-disclosure',
    severity: 'critical',
    title: 'Credential store compromised',
    description:
      'A stolen copy of stored credentials can be cracked offline or reused directly if passwords are stored in plain text or hashed weakly.',
    mitigations: [
      m(
        'Hash passwords properly',
        'Store passwords only as Argon2id, scrypt or bcrypt hashes with unique salts; keep API secrets in a vault.',
      ),
    ],
    references: [cwe(256), cwe(916), capec(55)],
  },
  {
    ...base,
    id: 'property.store.inventory-race',
    targets: ['store'],
    condition: is('storesInventory'),
    category: 'tampering',
    severity: 'medium',
    title: 'Stock levels corrupted by concurrent updates',
    description:
      'Concurrent reservations and purchases race on the inventory counts, overselling stock or letting it go negative.',
    mitigations: [
      m(
        'Update atomically',
        'Reserve stock with atomic conditional updates or transactions, and reconcile counts regularly.',
      ),
    ],
    references: [cwe(362), capec(26)],
  },
  {
    ...base,
    id: 'property.flow.plaintext-protocol',
    supersedes: ['stride.flow.information-disclosure'],
    targets: ['flow'],
    condition: oneOf('protocol', PLAINTEXT_PROTOCOLS),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Plaintext protocol',
    description:
      'The flow uses a protocol that sends data, and often credentials, in clear text (such as HTTP, FTP or Telnet).',
    mitigations: [
      m(
        'Use the secure variant',
        'Switch to the TLS-protected protocol (HTTPS, SFTP/FTPS, SSH, LDAPS, SMTP with STARTTLS enforced).',
      ),
    ],
    references: [cwe(319), capec(158)],
  },
  {
    ...base,
    id: 'property.flow.legacy-tls',
    supersedes: ['stride.flow.information-disclosure'],
    targets: ['flow'],
    condition: oneOf('protocol', LEGACY_TLS),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Deprecated SSL/TLS version',
    description:
      'SSL and TLS 1.0/1.1 have known attacks (POODLE, BEAST) and are deprecated by RFC 8996.',
    mitigations: [
      m('Require TLS 1.2+', 'Disable SSL and TLS below 1.2 on both ends and prefer TLS 1.3.'),
    ],
    references: [cwe(327), cwe(757)],
  },
  {
    ...base,
    id: 'property.flow.tls-configuration',
    targets: ['flow'],
    condition: all(is('isEncrypted'), not(oneOf('protocol', LEGACY_TLS))),
    category: 'spoofing',
    severity: 'low',
    title: 'Encrypted channel with weak validation',
    description:
      'The flow is encrypted, but skipped certificate validation or weak cipher suites still let an attacker in the middle impersonate an end.',
    mitigations: [
      m(
        'Validate certificates',
        'Verify certificate chains and host names on every connection; use current cipher suites; consider pinning for internal services.',
      ),
    ],
    references: [cwe(295)],
  },
  {
    ...base,
    id: 'property.flow.internal-cleartext',
    targets: ['flow'],
    condition: all(
      is('isEncrypted', false),
      is('isPublicNetwork', false),
      not(oneOf('protocol', PLAINTEXT_PROTOCOLS)),
    ),
    category: 'information-disclosure',
    severity: 'low',
    title: 'Unencrypted on the internal network',
    description:
      'The flow stays on a private network but is not encrypted: an attacker who gets a foothold inside can read it.',
    mitigations: [
      m(
        'Encrypt internal traffic too',
        'Use TLS (or a service mesh with mutual TLS) between internal components; do not rely on the network perimeter.',
      ),
    ],
    references: [cwe(319)],
  },
  {
    ...base,
    id: 'property.flow.bidirectional-replay',
    targets: ['flow'],
    condition: is('isBidirectional'),
    category: 'spoofing',
    severity: 'low',
    title: 'Messages replayed on a two-way channel',
    description:
      'Requests and replies travel both ways: captured messages or tokens can be replayed, and replies mixed up between requests.',
    mitigations: [
      m(
        'Bind and expire messages',
        'Use nonces or timestamps, short-lived tokens, and correlate each reply with its request.',
      ),
    ],
    references: [cwe(294), capec(60)],
  },
  {
    ...base,
    id: 'property.element.personal-data',
    supersedes: ['stride.store.information-disclosure', 'stride.flow.information-disclosure'],
    targets: ['process', 'store', 'flow'],
    condition: tag('handlesPII'),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Personal data exposed',
    description:
      'This element handles personal data; its exposure harms the people it describes and is a notifiable breach under privacy law.',
    mitigations: [
      m(
        'Protect and minimise',
        'Collect only the personal data needed, restrict access to it, encrypt it, and define retention.',
      ),
    ],
    references: [cwe(359)],
  },
];
