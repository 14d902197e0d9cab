import type { RuleInput } from '../rule';
import { all, any, atlas, cwe, exposed, kind, mitigation as m, owaspMl, tag } from './dsl';

const base = { pack: 'ai-ml', methodology: 'stride' } as const;

/** AI/ML threats in STRIDE terms, for elements tagged isMLModel or isTrainingData. */
export const AI_ML_RULES: RuleInput[] = [
  {
    ...base,
    id: 'ai-ml.training-data.poisoning',
    targets: ['process', 'store', 'flow'],
    condition: tag('isTrainingData'),
    category: 'tampering',
    severity: 'high',
    title: 'Training data poisoning',
    description:
      'An attacker inserts or alters training examples to plant a backdoor or bias the model.',
    mitigations: [
      m(
        'Protect the data pipeline',
        'Restrict and audit write access to training data, record provenance, and hash data set versions.',
      ),
      m(
        'Screen the data',
        'Detect outliers and label anomalies before training, and evaluate on a trusted hold-out set.',
      ),
    ],
    references: [atlas('AML.T0020'), owaspMl(2)],
  },
  {
    ...base,
    id: 'ai-ml.training-data.disclosure',
    targets: ['process', 'store', 'flow'],
    condition: all(tag('isTrainingData'), tag('handlesPII')),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Personal data leaks from the training set',
    description:
      'The training set holds personal data; copies made for experiments and the data set itself are easy to leak.',
    mitigations: [
      m(
        'Minimise training data',
        'Pseudonymise or synthesise personal data, restrict copies, and track where data sets go.',
      ),
    ],
    references: [cwe(359)],
  },
  {
    ...base,
    id: 'ai-ml.model.adversarial-input',
    targets: ['process'],
    condition: tag('isMLModel'),
    category: 'tampering',
    severity: 'high',
    title: 'Adversarial input (evasion)',
    description:
      "Inputs with crafted perturbations, or prompt injection for language models, make the model produce the attacker's chosen output.",
    mitigations: [
      m(
        "Defend the model's input",
        'Validate and normalise input, use adversarial training or detection, and never let model output trigger privileged actions unchecked.',
      ),
    ],
    references: [atlas('AML.T0043'), atlas('AML.T0015'), owaspMl(1), cwe(1039)],
  },
  {
    ...base,
    id: 'ai-ml.model.inversion',
    targets: ['process'],
    condition: all(tag('isMLModel'), exposed),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Model inversion',
    description:
      'Repeated queries to the exposed model reconstruct sensitive features of its training data.',
    mitigations: [
      m(
        'Limit query output',
        'Return labels rather than scores, rate-limit and monitor queries, and train with differential privacy.',
      ),
    ],
    references: [atlas('AML.T0024.001'), owaspMl(3)],
  },
  {
    ...base,
    id: 'ai-ml.model.membership-inference',
    targets: ['process'],
    condition: all(tag('isMLModel'), tag('handlesPII')),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Membership inference',
    description:
      "The model's answers reveal whether a given person's record was in its training data.",
    mitigations: [
      m(
        'Reduce overfitting',
        'Regularise, train with differential privacy and avoid returning confidence scores.',
      ),
    ],
    references: [atlas('AML.T0024.000'), owaspMl(4)],
  },
  {
    ...base,
    id: 'ai-ml.model.theft',
    targets: ['process', 'store'],
    condition: all(tag('isMLModel'), any(kind('store'), exposed)),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Model theft',
    description:
      "The model's weights are copied from storage, or its behaviour is extracted through many queries to the exposed API.",
    mitigations: [
      m(
        'Protect the model',
        'Encrypt and restrict access to model artefacts, rate-limit the API, and watermark models.',
      ),
    ],
    references: [atlas('AML.T0024.002'), owaspMl(5)],
  },
  {
    ...base,
    id: 'ai-ml.model.tampering',
    targets: ['store'],
    condition: tag('isMLModel'),
    category: 'tampering',
    severity: 'high',
    title: 'Model artefact replaced or backdoored',
    description:
      'The stored model (or a pre-trained model pulled from outside) is swapped for one with a backdoor.',
    mitigations: [
      m(
        'Verify model artefacts',
        'Sign models, verify signatures and hashes before loading, and use only vetted sources.',
      ),
    ],
    references: [atlas('AML.T0018'), atlas('AML.T0010'), owaspMl(6), cwe(494)],
  },
  {
    ...base,
    id: 'ai-ml.model.denial-of-service',
    targets: ['process'],
    condition: all(tag('isMLModel'), exposed),
    category: 'denial-of-service',
    severity: 'low',
    title: 'Costly inference exhausted',
    description:
      'Expensive queries (long prompts, large inputs) exhaust the compute behind the exposed model.',
    mitigations: [
      m(
        'Budget inference',
        'Cap input size and per-caller compute, and queue or shed excess requests.',
      ),
    ],
    references: [atlas('AML.T0029')],
  },
];
