import type { RuleInput } from '../rule';
import { all, crossesBoundary, cwe, is, linddun, mitigation as m, personalData, tag } from './dsl';

const base = { pack: 'linddun', methodology: 'linddun' } as const;

/**
 * LINDDUN privacy threats. Actors are taken as data subjects; processes,
 * stores and flows get threats where personal data is: tagged handlesPII,
 * connected by a flow tagged handlesPII, or exchanging data with an actor.
 */
export const LINDDUN_RULES: RuleInput[] = [
  {
    ...base,
    id: 'linddun.actor.unawareness',
    targets: ['actor'],
    // every actor: in a LINDDUN analysis actors stand for the people whose data is processed

    category: 'unawareness',
    severity: 'medium',
    title: 'Data subject unaware of or unable to control processing',
    description:
      "This actor's personal data is processed, but they are not told how, nor given a way to see, correct or withdraw it.",
    mitigations: [
      m(
        'Inform and empower',
        'Provide a clear privacy notice at collection, and self-service access, correction, deletion and consent withdrawal.',
      ),
    ],
    references: [linddun('U')],
  },
  {
    ...base,
    id: 'linddun.process.linking',
    targets: ['process'],
    condition: personalData,
    category: 'linking',
    severity: 'medium',
    title: 'Records linked across contexts',
    description:
      'The process combines personal data from several sources or sessions, building profiles beyond what each context allows.',
    mitigations: [
      m(
        'Separate and pseudonymise',
        'Use per-context pseudonyms and keep data sets separate unless linking is a stated, lawful purpose.',
      ),
    ],
    references: [linddun('L')],
  },
  {
    ...base,
    id: 'linddun.process.identifying',
    targets: ['process'],
    condition: personalData,
    category: 'identifying',
    severity: 'medium',
    title: 'Person identified from processed data',
    description:
      'Even data meant to be anonymous (attributes, identifiers, behaviour) lets the process or its outputs single out a person.',
    mitigations: [
      m(
        'Anonymise outputs',
        'Strip direct identifiers, generalise quasi-identifiers, and apply k-anonymity or differential privacy to outputs.',
      ),
    ],
    references: [linddun('I'), cwe(359)],
  },
  {
    ...base,
    id: 'linddun.process.non-repudiation',
    targets: ['process'],
    condition: personalData,
    category: 'non-repudiation',
    severity: 'low',
    title: 'Person cannot deny an action',
    description:
      'The process keeps proof of what a person did (signed records, detailed logs) where plausible deniability is expected, such as whistle-blowing or voting.',
    mitigations: [
      m(
        'Record less',
        'Log only what the purpose requires, and use unlinkable credentials where deniability matters.',
      ),
    ],
    references: [linddun('Nr')],
  },
  {
    ...base,
    id: 'linddun.process.data-disclosure',
    targets: ['process'],
    condition: personalData,
    category: 'data-disclosure',
    severity: 'high',
    title: 'More personal data collected or shared than needed',
    description:
      'The process collects, keeps or passes on personal data beyond what its purpose needs.',
    mitigations: [
      m(
        'Minimise',
        'List the purpose of each personal data field, drop what is not needed, and share aggregates instead of records.',
      ),
    ],
    references: [linddun('DD')],
  },
  {
    ...base,
    id: 'linddun.store.linking',
    targets: ['store'],
    condition: personalData,
    category: 'linking',
    severity: 'medium',
    title: 'Stored records can be joined into profiles',
    description:
      'Common identifiers in the store let its records be joined with each other or with other data sets.',
    mitigations: [
      m(
        'Pseudonymise at rest',
        'Replace direct identifiers with keyed pseudonyms and hold the key separately.',
      ),
    ],
    references: [linddun('L')],
  },
  {
    ...base,
    id: 'linddun.store.identifying',
    targets: ['store'],
    condition: personalData,
    category: 'identifying',
    severity: 'medium',
    title: 'Stored data re-identifies people',
    description:
      'Records that look anonymous can be matched to individuals through rare attribute combinations.',
    mitigations: [
      m(
        'Reduce identifiability',
        'Generalise or suppress rare values and test the data set against re-identification.',
      ),
    ],
    references: [linddun('I')],
  },
  {
    ...base,
    id: 'linddun.store.non-compliance',
    targets: ['store'],
    condition: personalData,
    category: 'non-compliance',
    severity: 'medium',
    title: 'Personal data kept too long',
    description:
      'The store keeps personal data without a retention limit or legal basis, breaching storage-limitation rules such as GDPR Article 5.',
    mitigations: [
      m(
        'Define retention',
        'Set and enforce a retention period per data category, with automatic deletion and a record of processing.',
      ),
    ],
    references: [linddun('Nc')],
  },
  {
    ...base,
    id: 'linddun.flow.linking',
    targets: ['flow'],
    condition: tag('handlesPII'),
    category: 'linking',
    severity: 'low',
    title: 'Messages linked to one person',
    description:
      'Stable identifiers in the messages (user ids, device ids, cookies) let observers link separate interactions to one person.',
    mitigations: [m('Rotate identifiers', 'Use short-lived, per-purpose identifiers in messages.')],
    references: [linddun('L')],
  },
  {
    ...base,
    id: 'linddun.flow.detecting',
    targets: ['flow'],
    condition: tag('handlesPII'),
    category: 'detecting',
    severity: 'low',
    title: 'Communication reveals a relationship',
    description:
      'Simply observing that this flow happens (timing, size, endpoints) reveals something about a person, such as being a patient of a clinic.',
    mitigations: [
      m(
        'Hide metadata',
        'Encrypt the flow end to end, pad or batch messages, and avoid revealing endpoints in URLs.',
      ),
    ],
    references: [linddun('D')],
  },
  {
    ...base,
    id: 'linddun.flow.data-disclosure',
    targets: ['flow'],
    condition: all(tag('handlesPII'), crossesBoundary),
    category: 'data-disclosure',
    severity: 'high',
    title: 'Personal data shared across a trust boundary',
    description:
      'Personal data leaves its trust zone here, often to another organisation, where the original purpose and protections may not hold.',
    mitigations: [
      m(
        'Control the transfer',
        'Send only the fields needed, under a data-processing agreement, and record the transfer.',
      ),
    ],
    references: [linddun('DD')],
  },
  {
    ...base,
    id: 'linddun.flow.unencrypted-personal-data',
    targets: ['flow'],
    condition: all(tag('handlesPII'), is('isEncrypted', false)),
    category: 'data-disclosure',
    severity: 'high',
    title: 'Personal data sent unencrypted',
    description: 'Personal data travels over this flow without encryption.',
    mitigations: [m('Encrypt in transit', 'Use TLS 1.2+ for every flow carrying personal data.')],
    references: [linddun('DD'), cwe(319)],
  },
];
