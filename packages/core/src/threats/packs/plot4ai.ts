import type { RuleInput } from '../rule';
import {
  all,
  any,
  atlas,
  connected,
  exposed,
  kind,
  fix,
  plot4ai,
  source,
  tag,
  target,
  cwe,
} from './dsl';

const base = { pack: 'plot4ai', methodology: 'plot4ai' } as const;
const aiAsset = any(tag('isMLModel'), tag('isTrainingData'));
const servesPeople = connected(any(source(kind('actor')), target(kind('actor'))));

/** PLOT4ai threats for elements tagged as ML models or training data, in PLOT4ai's categories. */
export const PLOT4AI_RULES: RuleInput[] = [
  {
    ...base,
    id: 'plot4ai.training-data.bias',
    targets: ['process', 'store', 'flow'],
    condition: tag('isTrainingData'),
    category: 'ethics-human-rights',
    severity: 'high',
    title: 'Training data is biased or unrepresentative',
    description:
      'Training data that under-represents groups or encodes past discrimination produces a model that treats people unfairly.',
    mitigations: [
      fix(
        'Audit the data',
        'Document the data set (datasheet), measure representation and label quality per group, and test the model for disparate outcomes.',
        '14.1.1',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Measure fairness',
        'Evaluate models for disparate error rates across groups before release.',
        '15.1.2',
        'Secure_AI_Model_Ops',
      ),
    ],
    references: [plot4ai('ethics-human-rights')],
  },
  {
    ...base,
    id: 'plot4ai.training-data.provenance',
    targets: ['process', 'store', 'flow'],
    condition: tag('isTrainingData'),
    category: 'non-compliance',
    severity: 'medium',
    title: 'Unclear provenance or lawful basis of training data',
    description:
      'Training data collected without a licence, consent or lawful basis exposes the system to legal and contractual claims.',
    mitigations: [
      fix(
        'Record provenance',
        'Keep the source, licence and legal basis of every data set, and exclude data you may not use.',
        '15.1.2',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Verify sources',
        'Accept training data only from vetted sources with integrity checks.',
        '15.2.4',
        'Software_Supply_Chain_Security',
      ),
    ],
    references: [plot4ai('non-compliance'), cwe(345)],
  },
  {
    ...base,
    id: 'plot4ai.training-data.re-identification',
    targets: ['process', 'store', 'flow'],
    condition: all(tag('isTrainingData'), tag('handlesPII')),
    category: 'identifiability-linkability',
    severity: 'high',
    title: 'People re-identified from training data',
    description:
      'Personal data in the training set can be linked back to individuals, directly or through the model.',
    mitigations: [
      fix(
        'De-identify',
        'Pseudonymise or synthesise training data, and consider differentially private training.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Restrict the data set',
        'Limit access to training data and log its use.',
        '8.2.2',
        '14.2.4',
      ),
    ],
    references: [plot4ai('identifiability-linkability'), cwe(359)],
  },
  {
    ...base,
    id: 'plot4ai.security.poisoning',
    targets: ['process', 'store', 'flow'],
    condition: tag('isTrainingData'),
    category: 'security',
    severity: 'high',
    title: 'Training data poisoned',
    description:
      'An attacker who can add or change training examples plants backdoors or degrades the model.',
    mitigations: [
      fix(
        'Control the data pipeline',
        'Restrict who can write training data, verify its integrity and detect outliers before training.',
        '15.2.4',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Detect poisoning',
        'Deduplicate, filter outliers and compare model versions on trusted test sets.',
        '15.1.2',
        'Secure_AI_Model_Ops',
      ),
    ],
    references: [plot4ai('security'), atlas('AML.T0020'), cwe(345)],
  },
  {
    ...base,
    id: 'plot4ai.security.adversarial-input',
    targets: ['process'],
    condition: tag('isMLModel'),
    category: 'security',
    severity: 'high',
    title: 'Adversarial input fools the model',
    description: 'Inputs crafted with small perturbations make the model misclassify or misbehave.',
    mitigations: [
      fix(
        'Harden the model',
        'Validate inputs, train adversarially, and keep a human or rule check on high-impact decisions.',
        '2.2.1',
        'Secure_AI_Model_Ops',
      ),
      fix('Monitor inputs', 'Detect and rate-limit unusual query patterns.', '2.4.1', '16.3.3'),
    ],
    references: [plot4ai('security'), atlas('AML.T0043'), cwe(1039)],
  },
  {
    ...base,
    id: 'plot4ai.identifiability.model-inversion',
    targets: ['process', 'store'],
    condition: tag('isMLModel'),
    category: 'identifiability-linkability',
    severity: 'medium',
    title: 'Training data recovered from the model',
    description:
      'Queries to the model, or its weights, reveal training examples or whether a person was in the training set (model inversion, membership inference).',
    mitigations: [
      fix(
        'Limit what the model reveals',
        'Return labels rather than confidence scores, rate-limit queries, and train with differential privacy.',
        '14.2.6',
        'Secure_AI_Model_Ops',
      ),
      fix('Rate-limit queries', 'Limit queries per client to slow extraction.', '2.4.1'),
    ],
    references: [plot4ai('identifiability-linkability'), atlas('AML.T0024'), cwe(200)],
  },
  {
    ...base,
    id: 'plot4ai.unawareness.automated-decision',
    targets: ['process'],
    condition: all(tag('isMLModel'), servesPeople),
    category: 'unawareness',
    severity: 'medium',
    title: 'People unaware an AI decides about them',
    description:
      'People interacting with this model are not told that an automated system is involved, nor how to contest its decisions.',
    mitigations: [
      fix(
        'Be transparent',
        'Disclose AI use, explain the main factors of a decision, and offer human review.',
        '10.7.2',
        'User_Privacy_Protection',
      ),
      fix(
        'Allow contesting decisions',
        'Let people request human review of automated decisions.',
        '2.3.5',
      ),
    ],
    references: [plot4ai('unawareness')],
  },
  {
    ...base,
    id: 'plot4ai.accessibility.exclusion',
    targets: ['process'],
    condition: all(tag('isMLModel'), servesPeople),
    category: 'accessibility',
    severity: 'low',
    title: 'AI interface excludes some users',
    description:
      "The model's interface or training does not work for people with disabilities, accents or less common languages.",
    mitigations: [
      fix(
        'Design for everyone',
        'Test with diverse users and assistive technologies, and provide a non-AI alternative.',
        '2.2.1',
        'Secure_Product_Design',
      ),
      fix(
        'Offer an alternative path',
        'Provide a non-automated channel for people the model serves poorly.',
        '2.3.5',
      ),
    ],
    references: [plot4ai('accessibility')],
  },
  {
    ...base,
    id: 'plot4ai.safety.harmful-output',
    targets: ['process'],
    condition: all(tag('isMLModel'), exposed),
    category: 'safety',
    severity: 'high',
    title: 'Model output causes harm',
    description:
      'Wrong or unsafe outputs from this exposed model are acted on without a check, harming people or property.',
    mitigations: [
      fix(
        'Keep a human in the loop',
        'Bound outputs, add safety filters, and require human confirmation for consequential actions.',
        '2.3.5',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Constrain outputs',
        'Validate outputs against safe ranges before they act on the world.',
        '2.2.1',
        'AI_Agent_Security',
      ),
    ],
    references: [plot4ai('safety'), cwe(1426)],
  },
  {
    ...base,
    id: 'plot4ai.technique.model-drift',
    targets: ['process', 'store'],
    condition: aiAsset,
    category: 'technique-processes',
    severity: 'medium',
    title: 'Model or data drifts unnoticed',
    description:
      "The world changes after training; without monitoring, the model's accuracy silently decays.",
    mitigations: [
      fix(
        'Monitor and retrain',
        'Track input distributions and accuracy in production, and retrain or roll back on drift.',
        '16.3.4',
        'Secure_AI_Model_Ops',
      ),
      fix('Version and roll back', 'Version models and data and keep a tested rollback.', '15.2.4'),
    ],
    references: [plot4ai('technique-processes')],
  },
];
