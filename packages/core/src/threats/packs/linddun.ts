import type { RuleInput } from '../rule';
import { tech } from './context';
import { all, not, crossesBoundary, cwe, is, linddun, fix, tag } from './dsl';

const base = { pack: 'linddun', methodology: 'linddun' } as const;
/**
 * Actors that stand for people, the data subjects: not external systems or servers. A phone or
 * laptop is a person's device and counts as the person.
 */
const person = not(tech('external-system', 'web', 'identity-provider', 'ot-controller'));

/**
 * LINDDUN privacy threats, by LINDDUN's per-element mapping: every actor that stands for a
 * person gets linking, identifying and unawareness; every process, store and flow gets
 * linking, identifying, non-repudiation, detecting, data disclosure and non-compliance. In a
 * LINDDUN diagram every element is in the privacy analysis, whether or not it is tagged as
 * holding personal data; flows known to carry personal data across a boundary or unencrypted
 * get the more specific data-disclosure findings instead.
 */
export const LINDDUN_RULES: RuleInput[] = [
  {
    ...base,
    id: 'linddun.actor.unawareness',
    targets: ['actor'],
    condition: person,
    category: 'unawareness',
    severity: 'medium',
    title: 'Data subject unaware of or unable to control processing',
    description:
      "This actor's personal data is processed, but they are not told how, nor given a way to see, correct or withdraw it.",
    mitigations: [
      fix(
        'Inform and empower',
        'Provide a clear privacy notice at collection, and self-service access, correction, deletion and consent withdrawal.',
        '10.7.2',
        'User_Privacy_Protection',
      ),
      fix(
        'Consent you can withdraw',
        'Record consent per purpose and let people review and revoke it.',
        '10.7.3',
        '14.2.7',
      ),
    ],
    references: [linddun('U')],
  },
  {
    ...base,
    id: 'linddun.process.linking',
    targets: ['process'],
    category: 'linking',
    severity: 'medium',
    title: 'Records linked across contexts',
    description:
      'The process combines personal data from several sources or sessions, building profiles beyond what each context allows.',
    mitigations: [
      fix(
        'Separate and pseudonymise',
        'Use per-context pseudonyms and keep data sets separate unless linking is a stated, lawful purpose.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Purpose-bound processing',
        'Document each purpose and keep data sets for different purposes apart.',
        '14.1.2',
        '8.1.2',
      ),
    ],
    references: [linddun('L'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.process.identifying',
    targets: ['process'],
    category: 'identifying',
    severity: 'medium',
    title: 'Person identified from processed data',
    description:
      'Even data meant to be anonymous (attributes, identifiers, behaviour) lets the process or its outputs single out a person.',
    mitigations: [
      fix(
        'Anonymise outputs',
        'Strip direct identifiers, generalise quasi-identifiers, and apply k-anonymity or differential privacy to outputs.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Strip metadata',
        'Remove identifying metadata from user-supplied files and outputs.',
        '14.2.8',
        '14.2.3',
      ),
    ],
    references: [linddun('I'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.process.non-repudiation',
    targets: ['process'],
    category: 'non-repudiation',
    severity: 'low',
    title: 'Person cannot deny an action',
    description:
      'The process keeps proof of what a person did (signed records, detailed logs) where plausible deniability is expected, such as whistle-blowing or voting.',
    mitigations: [
      fix(
        'Record less',
        'Log only what the purpose requires, and use unlinkable credentials where deniability matters.',
        '16.2.5',
        'User_Privacy_Protection',
      ),
      fix(
        'Retention limits for records',
        'Delete detailed records once their purpose is met.',
        '14.2.7',
        'Logging',
      ),
    ],
    references: [linddun('Nr')],
  },
  {
    ...base,
    id: 'linddun.process.data-disclosure',
    targets: ['process'],
    category: 'data-disclosure',
    severity: 'high',
    title: 'More personal data collected or shared than needed',
    description:
      'The process collects, keeps or passes on personal data beyond what its purpose needs.',
    mitigations: [
      fix(
        'Minimise',
        'List the purpose of each personal data field, drop what is not needed, and share aggregates instead of records.',
        '14.2.6',
        '14.1.1',
        'User_Privacy_Protection',
      ),
      fix(
        'No sharing with trackers',
        'Do not send personal data to third-party trackers and analytics.',
        '14.2.3',
        'Third_Party_Javascript_Management',
      ),
    ],
    references: [linddun('DD'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.store.linking',
    targets: ['store'],
    category: 'linking',
    severity: 'medium',
    title: 'Stored records can be joined into profiles',
    description:
      'Common identifiers in the store let its records be joined with each other or with other data sets.',
    mitigations: [
      fix(
        'Pseudonymise at rest',
        'Replace direct identifiers with keyed pseudonyms and hold the key separately.',
        '11.1.1',
        'User_Privacy_Protection',
      ),
      fix(
        'Separate identifiers',
        'Keep identifying attributes in a separate, more restricted store.',
        '8.2.3',
        '14.2.4',
      ),
    ],
    references: [linddun('L'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.store.identifying',
    targets: ['store'],
    category: 'identifying',
    severity: 'medium',
    title: 'Stored data re-identifies people',
    description:
      'Records that look anonymous can be matched to individuals through rare attribute combinations.',
    mitigations: [
      fix(
        'Reduce identifiability',
        'Generalise or suppress rare values and test the data set against re-identification.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Restrict raw access',
        'Give analysts aggregated or pseudonymised views, not raw tables.',
        '8.2.3',
        '14.2.4',
      ),
    ],
    references: [linddun('I'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.store.non-compliance',
    targets: ['store'],
    category: 'non-compliance',
    severity: 'medium',
    title: 'Personal data kept too long',
    description:
      'The store keeps personal data without a retention limit or legal basis, breaching storage-limitation rules such as GDPR Article 5.',
    mitigations: [
      fix(
        'Define retention',
        'Set and enforce a retention period per data category, with automatic deletion and a record of processing.',
        '14.2.7',
        'User_Privacy_Protection',
      ),
      fix(
        'Record of processing',
        'Keep a record of processing with the legal basis per data category.',
        '14.1.1',
        '14.1.2',
      ),
    ],
    references: [linddun('Nc')],
  },
  {
    ...base,
    id: 'linddun.flow.linking',
    targets: ['flow'],
    category: 'linking',
    severity: 'low',
    title: 'Messages linked to one person',
    description:
      'Stable identifiers in the messages (user ids, device ids, cookies) let observers link separate interactions to one person.',
    mitigations: [
      fix(
        'Rotate identifiers',
        'Use short-lived, per-purpose identifiers in messages.',
        '14.2.1',
        'User_Privacy_Protection',
      ),
      fix(
        'Keep identifiers out of URLs',
        'Send identifiers in bodies or headers, never in URLs or referrers.',
        '14.2.1',
        '3.4.5',
      ),
    ],
    references: [linddun('L'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.flow.detecting',
    targets: ['flow'],
    category: 'detecting',
    severity: 'low',
    title: 'Communication reveals a relationship',
    description:
      'Simply observing that this flow happens (timing, size, endpoints) reveals something about a person, such as being a patient of a clinic.',
    mitigations: [
      fix(
        'Hide metadata',
        'Encrypt the flow end to end, pad or batch messages, and avoid revealing endpoints in URLs.',
        '12.3.1',
        '12.1.5',
        'User_Privacy_Protection',
      ),
      fix(
        'Avoid revealing endpoints',
        'Use generic host names and paths that do not reveal the purpose of the communication.',
        '14.2.1',
        '3.4.5',
      ),
    ],
    references: [linddun('D'), cwe(1230)],
  },
  {
    ...base,
    id: 'linddun.flow.data-disclosure',
    supersedes: ['linddun.flow.disclosure'],
    targets: ['flow'],
    condition: all(tag('handlesPII'), crossesBoundary),
    category: 'data-disclosure',
    severity: 'high',
    title: 'Personal data shared across a trust boundary',
    description:
      'Personal data leaves its trust zone here, often to another organisation, where the original purpose and protections may not hold.',
    mitigations: [
      fix(
        'Control the transfer',
        'Send only the fields needed, under a data-processing agreement, and record the transfer.',
        '14.2.3',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Encrypt what is shared',
        'Encrypt personal data sent to other parties in transit and, where possible, end to end.',
        '12.2.1',
        'Cryptographic_Storage',
      ),
    ],
    references: [linddun('DD'), cwe(201)],
  },
  {
    ...base,
    id: 'linddun.flow.unencrypted-personal-data',
    supersedes: ['linddun.flow.disclosure'],
    targets: ['flow'],
    condition: all(tag('handlesPII'), is('isEncrypted', false)),
    category: 'data-disclosure',
    severity: 'high',
    title: 'Personal data sent unencrypted',
    description: 'Personal data travels over this flow without encryption.',
    mitigations: [
      fix(
        'Encrypt in transit',
        'Use TLS 1.2+ for every flow carrying personal data.',
        '12.2.1',
        '12.3.1',
        'Transport_Layer_Security',
      ),
      fix(
        'Minimise in transit',
        'Send only the personal fields needed on this flow.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
    ],
    references: [linddun('DD'), cwe(319)],
  },
  {
    ...base,
    id: 'linddun.actor.linking',
    targets: ['actor'],
    condition: person,
    category: 'linking',
    severity: 'medium',
    title: "Person's interactions linked into a profile",
    description:
      'What this person does across sessions, channels or services can be tied together through accounts, device identifiers and cookies, revealing more than any single interaction.',
    mitigations: [
      fix(
        'Unlinkable identifiers',
        'Use per-service pseudonymous identifiers and avoid cross-context tracking identifiers.',
        '14.2.3',
        'User_Privacy_Protection',
      ),
      fix(
        'Data minimisation by design',
        'Collect per interaction only what that purpose needs.',
        '14.2.6',
        '14.1.1',
      ),
    ],
    references: [linddun('L'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.actor.identifying',
    targets: ['actor'],
    condition: person,
    category: 'identifying',
    severity: 'medium',
    title: 'Person identified where anonymity is expected',
    description:
      'The person can be singled out from their account, network address, device or behaviour even when the interaction does not need to know who they are.',
    mitigations: [
      fix(
        'Anonymous or pseudonymous use',
        'Offer pseudonymous use where identity is not needed and strip network identifiers from stored records.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Protect identifying attributes',
        'Restrict and encrypt identity attributes and keep them apart from usage data.',
        '8.2.3',
        '14.2.4',
      ),
    ],
    references: [linddun('I'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.process.detecting',
    targets: ['process'],
    category: 'detecting',
    severity: 'low',
    title: 'Observable behaviour reveals that a person uses the service',
    description:
      'Responses, timing, errors or notifications of this process let an observer learn whether a person is a user or what they did (for example through account-existence checks).',
    mitigations: [
      fix(
        'Uniform responses',
        'Answer lookups and failures the same way whether or not a person exists.',
        '6.3.8',
        'Authentication',
      ),
      fix(
        'Quiet notifications',
        'Avoid revealing content or purpose in notifications and e-mail subjects.',
        '14.2.3',
        'User_Privacy_Protection',
      ),
    ],
    references: [linddun('D'), cwe(204)],
  },
  {
    ...base,
    id: 'linddun.process.non-compliance',
    targets: ['process'],
    category: 'non-compliance',
    severity: 'medium',
    title: 'Processing without a lawful basis or consent',
    description:
      'The process uses personal data for a purpose people did not agree to, without a recorded legal basis, or against data-protection principles.',
    mitigations: [
      fix(
        'Record purpose and basis',
        'Document each purpose, its legal basis and the data used, in the record of processing.',
        '14.1.1',
        '14.1.2',
      ),
      fix(
        'Enforce consent',
        'Check recorded consent before processing for consent-based purposes and honour withdrawal.',
        '10.7.3',
        'User_Privacy_Protection',
      ),
    ],
    references: [linddun('Nc')],
  },
  {
    ...base,
    id: 'linddun.store.non-repudiation',
    targets: ['store'],
    category: 'non-repudiation',
    severity: 'low',
    title: 'Stored records prove what a person did',
    description:
      'The store keeps detailed, attributable records of people’s actions longer or more precisely than needed, removing deniability where it matters.',
    mitigations: [
      fix(
        'Store less detail',
        'Keep aggregated or pseudonymised records where individual attribution is not required.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Expire detailed records',
        'Delete attributable records when their purpose ends.',
        '14.2.7',
        'Logging',
      ),
    ],
    references: [linddun('Nr')],
  },
  {
    ...base,
    id: 'linddun.store.detecting',
    targets: ['store'],
    category: 'detecting',
    severity: 'low',
    title: 'Existence of a record reveals something about a person',
    description:
      'Merely learning that a record exists in this store (a patient file, a membership) discloses information about the person.',
    mitigations: [
      fix(
        'Hide record existence',
        'Return the same answer for absent and forbidden records and keep record counts private.',
        '8.2.2',
        '6.3.8',
      ),
      fix(
        'Restrict metadata access',
        'Protect indexes, file names and backups that reveal who is in the store.',
        '14.2.4',
        'User_Privacy_Protection',
      ),
    ],
    references: [linddun('D'), cwe(204)],
  },
  {
    ...base,
    id: 'linddun.store.data-disclosure',
    targets: ['store'],
    category: 'data-disclosure',
    severity: 'high',
    title: 'Personal data in the store disclosed or kept beyond need',
    description:
      'The store holds more personal data than its purpose needs, or makes it available to more people and systems than necessary.',
    mitigations: [
      fix(
        'Minimise stored fields',
        'Store only the fields each purpose needs and drop the rest.',
        '14.2.6',
        '14.1.1',
      ),
      fix(
        'Encrypt and restrict',
        'Encrypt personal data at rest and grant access per purpose.',
        '14.2.4',
        '8.2.2',
        'Cryptographic_Storage',
      ),
    ],
    references: [linddun('DD'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.flow.identifying',
    targets: ['flow'],
    category: 'identifying',
    severity: 'low',
    title: 'Messages identify the person',
    description:
      'Data on this flow carries direct identifiers or enough attributes to identify the person, even where the receiver does not need to know who they are.',
    mitigations: [
      fix(
        'Send pseudonyms',
        'Replace identifiers with purpose-specific pseudonyms on flows that do not need identity.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Keep identifiers out of URLs',
        'Send identifiers only in bodies or headers, never in URLs or referrers.',
        '14.2.1',
        '3.4.5',
      ),
    ],
    references: [linddun('I'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.flow.non-repudiation',
    targets: ['flow'],
    category: 'non-repudiation',
    severity: 'low',
    title: 'Signed or logged messages bind a person to an action',
    description:
      'Messages on this flow are signed or logged in a way that later proves a person sent them, where deniability is expected.',
    mitigations: [
      fix(
        'Log only what the purpose requires',
        'Avoid logging message contents and identities unless required.',
        '16.2.5',
        'Logging',
      ),
      fix(
        'Unlinkable credentials',
        'Use anonymous or group credentials where actions must not be attributable.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
    ],
    references: [linddun('Nr')],
  },
  {
    ...base,
    id: 'linddun.flow.disclosure',
    targets: ['flow'],
    category: 'data-disclosure',
    severity: 'medium',
    title: 'More personal data sent than the receiver needs',
    description:
      'The flow carries personal data the receiving element does not need for its purpose.',
    mitigations: [
      fix(
        'Minimise each flow',
        'List the fields each receiver needs and send only those.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Encrypt in transit',
        'Carry personal data only over TLS.',
        '12.2.1',
        '12.3.1',
        'Transport_Layer_Security',
      ),
    ],
    references: [linddun('DD'), cwe(201)],
  },
  {
    ...base,
    id: 'linddun.flow.non-compliance',
    targets: ['flow'],
    category: 'non-compliance',
    severity: 'medium',
    title: 'Transfer without agreement or legal basis',
    description:
      'Personal data flows to a recipient or country without a data-processing agreement, transfer mechanism or record of the transfer.',
    mitigations: [
      fix(
        'Agreements and transfer records',
        'Put processing agreements in place and record each recipient and transfer mechanism.',
        '14.1.2',
        'User_Privacy_Protection',
      ),
      fix(
        'Send only to documented recipients',
        'Allow-list the recipients personal data may be sent to.',
        '13.2.4',
        '14.2.3',
      ),
    ],
    references: [linddun('Nc')],
  },
];
