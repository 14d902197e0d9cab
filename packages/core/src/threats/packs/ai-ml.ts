import type { RuleInput } from '../rule';
import { all, any, atlas, cwe, exposed, kind, fix, owaspMl, tag } from './dsl';

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
      fix(
        'Protect the data pipeline',
        'Restrict and audit write access to training data, record provenance, and hash data set versions.',
        '15.2.4',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Screen the data',
        'Detect outliers and label anomalies before training, and evaluate on a trusted hold-out set.',
        '15.1.2',
        'Secure_AI_Model_Ops',
      ),
    ],
    references: [atlas('AML.T0020'), owaspMl(2), cwe(345)],
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
      fix(
        'Minimise training data',
        'Pseudonymise or synthesise personal data, restrict copies, and track where data sets go.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
      fix(
        'Protect the data set',
        'Encrypt training data and restrict access to the training pipeline.',
        '14.2.4',
        '8.2.2',
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
      fix(
        "Defend the model's input",
        'Validate and normalise input, use adversarial training or detection, and never let model output trigger privileged actions unchecked.',
        '2.2.1',
        'Secure_AI_Model_Ops',
      ),
      fix('Detect abuse', 'Monitor and rate-limit unusual query patterns.', '2.4.1', '16.3.3'),
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
      fix(
        'Limit query output',
        'Return labels rather than scores, rate-limit and monitor queries, and train with differential privacy.',
        '14.2.6',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Rate-limit queries',
        'Limit queries per client and alert on systematic probing.',
        '2.4.1',
      ),
    ],
    references: [atlas('AML.T0024.001'), owaspMl(3), cwe(200)],
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
      fix(
        'Reduce overfitting',
        'Regularise, train with differential privacy and avoid returning confidence scores.',
        '14.2.6',
        'Secure_AI_Model_Ops',
      ),
      fix('Limit confidence output', 'Return labels rather than full confidence scores.', '15.3.1'),
    ],
    references: [atlas('AML.T0024.000'), owaspMl(4), cwe(359)],
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
      fix(
        'Protect the model',
        'Encrypt and restrict access to model artefacts, rate-limit the API, and watermark models.',
        '13.3.2',
        '14.2.4',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Throttle extraction',
        'Rate-limit and watermark model outputs to detect extraction.',
        '2.4.1',
      ),
    ],
    references: [atlas('AML.T0024.002'), owaspMl(5), cwe(200)],
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
      fix(
        'Verify model artefacts',
        'Sign models, verify signatures and hashes before loading, and use only vetted sources.',
        '15.2.4',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Restrict the model store',
        'Only the training pipeline may write model artefacts.',
        '8.2.2',
        '13.3.2',
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
      fix(
        'Budget inference',
        'Cap input size and per-caller compute, and queue or shed excess requests.',
        '2.4.1',
        '15.2.2',
        'Denial_of_Service',
      ),
      fix('Bound input size', 'Cap input size and processing time per request.', '5.2.1'),
    ],
    references: [atlas('AML.T0029'), cwe(400)],
  },
];
