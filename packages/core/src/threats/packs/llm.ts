import type { RuleInput } from '../rule';
import {
  externalSystem,
  llmAgent,
  llmTool,
  modelServing,
  named,
  receivesUntrusted,
  sensitiveStore,
  tech,
  vectorStore,
} from './context';
import {
  all,
  any,
  atlas,
  cwe,
  fix,
  inbound,
  is,
  kind,
  not,
  outbound,
  owaspLlm,
  source,
  target,
} from './dsl';

const base = { pack: 'llm', methodology: 'stride' } as const;

/** The agent calls tools or processes that act on the world (anything but a store it only reads). */
const hasTools = outbound(target(any(llmTool, kind('process'))));
/** The agent reads retrieved content: a vector store, documents, web pages, e-mail. */
const retrieves = any(
  inbound(source(any(vectorStore, kind('store'), externalSystem))),
  outbound(target(vectorStore)),
);
const agentLike = any(llmAgent, all(modelServing, inbound(source(kind('actor')))));

/**
 * LLM applications, agents, their tools and vector stores, following the OWASP Top 10 for
 * LLM Applications (2025) and MITRE ATLAS. The ML-model rules of the `ai-ml` pack cover
 * training and inference of models in general.
 */
export const LLM_RULES: RuleInput[] = [
  {
    ...base,
    id: 'llm.prompt-injection.direct',
    targets: ['process'],
    condition: all(agentLike, inbound(source(any(kind('actor'), tech('client'))))),
    category: 'tampering',
    severity: 'high',
    title: 'Direct prompt injection',
    description:
      'Users write to this LLM directly. Instructions in their input override the system prompt: jailbreaks, policy bypass, and misuse of whatever the model can reach.',
    mitigations: [
      fix(
        'Separate instructions from data',
        'Keep system instructions out of user-controllable text, wrap user input as clearly delimited data, and never rely on the prompt alone for authorisation.',
        'LLM_Prompt_Injection_Prevention',
      ),
      fix(
        'Guardrails on input and output',
        'Classify inputs for injection and jailbreak patterns, constrain outputs to expected formats, and test with adversarial prompt suites before release.',
        '2.2.1',
        'LLM_Prompt_Injection_Prevention',
      ),
    ],
    references: [cwe(1427), owaspLlm(1), atlas('AML.T0051.000'), atlas('AML.T0054')],
  },
  {
    ...base,
    id: 'llm.prompt-injection.indirect',
    targets: ['process'],
    condition: all(agentLike, retrieves),
    category: 'tampering',
    severity: 'high',
    title: 'Indirect prompt injection through retrieved content',
    description:
      'This LLM reads documents, web pages, e-mails or vector-store chunks that others wrote. Instructions hidden in that content hijack the agent’s actions and exfiltrate data through its answers or tools.',
    mitigations: [
      fix(
        'Treat retrieved content as untrusted',
        'Mark retrieved text as data, strip markup and hidden text, and never let it select tools or change instructions; require approval for actions proposed after reading untrusted content.',
        'RAG_Security',
        'LLM_Prompt_Injection_Prevention',
      ),
      fix(
        'Block exfiltration channels',
        'Disallow rendering of model-generated links and images to arbitrary hosts and restrict tool egress.',
        '13.2.5',
        'AI_Agent_Security',
      ),
    ],
    references: [cwe(1427), owaspLlm(1), atlas('AML.T0051.001')],
  },
  {
    ...base,
    id: 'llm.sensitive-disclosure',
    targets: ['process'],
    condition: all(
      agentLike,
      any(inbound(source(sensitiveStore)), is('handlesPII'), outbound(target(sensitiveStore))),
    ),
    category: 'information-disclosure',
    severity: 'high',
    title: 'LLM reveals sensitive data it can reach',
    description:
      'This LLM has personal or confidential data in its context, tools or fine-tuning. Crafted prompts make it repeat data of other users, secrets or internal documents.',
    mitigations: [
      fix(
        'Authorise data before it reaches the prompt',
        'Retrieve only what the requesting user may see (per-user filters in retrieval and tools); never place secrets in prompts.',
        '8.2.2',
        '14.2.6',
        'RAG_Security',
      ),
      fix(
        'Filter outputs',
        'Scan responses for personal data and secrets before returning them, and log disclosures for review.',
        '14.2.3',
        'AI_Agent_Security',
      ),
    ],
    references: [cwe(200), cwe(359), owaspLlm(2), atlas('AML.T0057')],
  },
  {
    ...base,
    id: 'llm.third-party-provider',
    targets: ['flow'],
    condition: all(
      source(agentLike),
      target(any(externalSystem, modelServing)),
      any(is('handlesPII'), is('isPublicNetwork'), source(is('handlesPII'))),
    ),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Prompts with confidential data sent to an external model provider',
    description:
      'Prompts and retrieved context travel to a model hosted by another party, where they may be logged, retained or used for training under its terms.',
    mitigations: [
      fix(
        'Contract and configure retention',
        'Use a provider agreement with no training on your data and limited retention; choose regional endpoints that meet your obligations.',
        '14.2.3',
        'User_Privacy_Protection',
      ),
      fix(
        'Minimise and redact',
        'Redact personal data and secrets from prompts before they leave, or host the model yourself for restricted data.',
        '14.2.6',
        'Secure_AI_Model_Ops',
      ),
    ],
    references: [cwe(201), cwe(359), owaspLlm(2)],
  },
  {
    ...base,
    id: 'llm.supply-chain',
    targets: ['process'],
    condition: any(
      modelServing,
      all(
        llmAgent,
        named([
          'hugging',
          'open-source model',
          'open model',
          'fine-tun',
          'self-hosted',
          'llama',
          'mistral',
        ]),
      ),
    ),
    category: 'tampering',
    severity: 'medium',
    title: 'Backdoored model or unsafe model file',
    description:
      'This component loads model weights, adapters or tokenisers from elsewhere. Pickled model files run code when loaded, and tampered weights carry hidden behaviours.',
    mitigations: [
      fix(
        'Verify model provenance',
        'Load models only from trusted sources by pinned hash, prefer safetensors over pickle formats, and keep a model bill of materials.',
        '15.2.4',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Evaluate before deploying',
        'Scan model files and evaluate new models against safety and backdoor test sets before release.',
        '15.1.2',
        'Secure_AI_Model_Ops',
      ),
    ],
    references: [cwe(494), cwe(502), owaspLlm(3), atlas('AML.T0010')],
  },
  {
    ...base,
    id: 'llm.improper-output-handling',
    targets: ['process'],
    condition: all(
      agentLike,
      any(hasTools, outbound(target(any(kind('store'), tech('client', 'web'))))),
    ),
    category: 'tampering',
    severity: 'high',
    title: 'Model output executed or rendered without checks',
    description:
      'Output of this LLM flows on into tools, queries, shells, browsers or other services. Treated as trusted, generated text becomes SQL injection, XSS, SSRF or code execution.',
    mitigations: [
      fix(
        'Treat output as untrusted input',
        'Validate generated output against strict schemas, encode it for the sink (HTML, SQL parameters, shell arguments), and never `eval` it.',
        '1.2.4',
        '1.3.2',
        'Cross_Site_Scripting_Prevention',
      ),
      fix(
        'Structured tool calls',
        'Let the model choose from typed tool calls with validated arguments rather than emitting free-form commands.',
        '2.2.1',
        'AI_Agent_Security',
      ),
    ],
    references: [cwe(1426), cwe(94), cwe(79), owaspLlm(5)],
  },
  {
    ...base,
    id: 'llm.excessive-agency',
    targets: ['process'],
    condition: all(llmAgent, hasTools),
    category: 'elevation-of-privilege',
    severity: 'critical',
    title: 'Agent takes harmful actions with its tools (excessive agency)',
    description:
      'This agent can call tools that change data or act in the world. A manipulated or mistaken agent sends e-mails, moves money, deletes records or runs code with the tools’ full permissions.',
    mitigations: [
      fix(
        'Minimal tools and permissions',
        'Give the agent only the tools and scopes the task needs, with read-only variants by default and per-tool rate limits.',
        '8.2.1',
        '13.3.2',
        'AI_Agent_Security',
      ),
      fix(
        'Human approval for consequential actions',
        'Require explicit user confirmation for irreversible or high-impact actions, showing exactly what will be done.',
        '2.3.5',
        'AI_Agent_Security',
      ),
      fix(
        'Act with the user’s rights',
        'Call tools with the end user’s delegated token and authorise in the tool, so the agent can never do more than the person it serves.',
        '8.3.3',
        '10.3.2',
      ),
    ],
    references: [cwe(250), cwe(862), cwe(441), owaspLlm(6), atlas('AML.T0053')],
  },
  {
    ...base,
    id: 'llm.tool-code-execution',
    targets: ['process'],
    condition: all(
      llmTool,
      named(['code', 'python', 'shell', 'exec', 'interpreter', 'sandbox', 'browser', 'sql']),
    ),
    category: 'elevation-of-privilege',
    severity: 'critical',
    title: 'Agent tool runs generated code or commands',
    description:
      'This tool executes code, shell commands, SQL or browses on the agent’s behalf. Injected instructions turn it into remote code execution inside your network.',
    mitigations: [
      fix(
        'Sandbox execution',
        'Run generated code in an ephemeral sandbox (gVisor/Firecracker) without credentials, with CPU, memory, time and network limits.',
        '15.2.5',
        'AI_Agent_Security',
      ),
      fix(
        'Restrict what the tool can do',
        'Allow-list commands, use read-only database roles and parameterised queries, and block internal network ranges.',
        '1.2.5',
        '1.3.6',
        'OS_Command_Injection_Defense',
      ),
    ],
    references: [cwe(94), cwe(78), owaspLlm(6), atlas('AML.T0053')],
  },
  {
    ...base,
    id: 'llm.untrusted-tool-server',
    targets: ['process'],
    condition: all(
      llmTool,
      any(externalSystem, named(['mcp', 'plugin', 'marketplace', 'third-party', 'third party'])),
    ),
    category: 'tampering',
    severity: 'high',
    title: 'Malicious tool or MCP server poisons the agent',
    description:
      'The agent trusts this tool’s descriptions and results. A malicious or compromised tool server hides instructions in its metadata, changes behaviour after approval, or exfiltrates the data it receives.',
    mitigations: [
      fix(
        'Vet and pin tools',
        'Install tools only from reviewed sources, pin versions and manifests, and alert when tool descriptions change.',
        '15.2.4',
        'MCP_Security',
      ),
      fix(
        'Isolate tool servers',
        'Run each tool server with its own least-privilege credentials and network limits; show users which tool performs each action.',
        '13.3.2',
        'MCP_Security',
      ),
    ],
    references: [cwe(829), owaspLlm(3), atlas('AML.T0053')],
  },
  {
    ...base,
    id: 'llm.system-prompt-leakage',
    targets: ['process'],
    condition: all(agentLike, inbound(source(kind('actor')))),
    category: 'information-disclosure',
    severity: 'low',
    title: 'System prompt and hidden instructions extracted',
    description:
      'Users can ask this LLM to repeat its instructions. Anything placed in the system prompt — business rules, internal URLs, credentials — becomes public.',
    mitigations: [
      fix(
        'Nothing secret in prompts',
        'Keep credentials and authorisation logic outside the prompt; assume the system prompt will be read.',
        '13.3.1',
        'LLM_Prompt_Injection_Prevention',
      ),
      fix(
        'Enforce rules outside the model',
        'Implement access control and business limits in code the model calls, not in instructions.',
        '8.3.1',
        'AI_Agent_Security',
      ),
    ],
    references: [cwe(200), owaspLlm(7), atlas('AML.T0056')],
  },
  {
    ...base,
    id: 'llm.vector-store.cross-tenant',
    targets: ['store'],
    supersedes: ['stride.store.information-disclosure'],
    condition: vectorStore,
    category: 'information-disclosure',
    severity: 'high',
    title: 'Embeddings of one user’s documents retrieved for another',
    description:
      'This vector store holds chunks of documents from many sources. Retrieval without per-user or per-tenant filters returns other users’ content, and embeddings can be inverted back into text.',
    mitigations: [
      fix(
        'Permission-aware retrieval',
        'Store the access-control list with every chunk and filter every query by the requesting user and tenant; separate indexes for separate tenants.',
        '8.2.2',
        '8.4.1',
        'RAG_Security',
      ),
      fix(
        'Protect embeddings like the source',
        'Classify and encrypt the store at the level of its most sensitive source and delete chunks when sources are deleted.',
        '14.2.4',
        '14.2.7',
        'RAG_Security',
      ),
    ],
    references: [cwe(284), cwe(200), owaspLlm(8)],
  },
  {
    ...base,
    id: 'llm.vector-store.poisoning',
    targets: ['store'],
    supersedes: ['stride.store.tampering'],
    condition: all(vectorStore, inbound({ all: [] })),
    category: 'tampering',
    severity: 'high',
    title: 'Knowledge base poisoned with planted content',
    description:
      'Content indexed into this vector store steers the answers. Anyone who can add a document, wiki page or ticket plants misinformation or hidden instructions for the model.',
    mitigations: [
      fix(
        'Control and track ingestion',
        'Ingest only from authorised sources, record provenance per chunk, and review or scan new content for injected instructions.',
        '2.2.1',
        'RAG_Security',
      ),
      fix(
        'Cite and rank by trust',
        'Show sources with answers and weight retrieval by source trust.',
        '16.2.1',
        'RAG_Security',
      ),
    ],
    references: [cwe(20), owaspLlm(4), owaspLlm(8), atlas('AML.T0070')],
  },
  {
    ...base,
    id: 'llm.data-poisoning',
    targets: ['store', 'flow'],
    condition: all(
      any(
        is('isTrainingData'),
        all(kind('store'), named(['fine-tun', 'training', 'feedback', 'dataset'])),
      ),
      any(inbound(source(kind('actor'))), source(kind('actor')), inbound({ all: [] })),
    ),
    category: 'tampering',
    severity: 'medium',
    title: 'Fine-tuning or feedback data poisoned',
    description:
      'Data collected here trains or tunes the model. Planted examples or manipulated feedback create backdoors and bias that later fire on chosen triggers.',
    mitigations: [
      fix(
        'Curate training data',
        'Accept training data only from vetted sources, keep lineage, deduplicate and filter outliers, and review samples before each run.',
        '15.2.4',
        'Secure_AI_Model_Ops',
      ),
      fix(
        'Evaluate for backdoors',
        'Compare model versions on held-out and adversarial test sets before promotion.',
        '15.1.2',
        'Secure_AI_Model_Ops',
      ),
    ],
    references: [cwe(1039), owaspLlm(4), atlas('AML.T0020')],
  },
  {
    ...base,
    id: 'llm.misinformation',
    targets: ['process'],
    condition: all(agentLike, outbound(target(kind('actor'))), not(retrieves)),
    category: 'tampering',
    severity: 'medium',
    title: 'Users act on confident but wrong answers',
    description:
      'People receive this LLM’s answers. Hallucinated facts, code or advice presented with authority lead to wrong decisions, vulnerable code or legal exposure.',
    mitigations: [
      fix(
        'Ground and cite',
        'Answer from retrieved, cited sources, show uncertainty, and refuse when there is no support.',
        'RAG_Security',
      ),
      fix(
        'Human review where it matters',
        'Require human review before answers feed decisions about people, money, health or production code.',
        '2.3.5',
        'Secure_Coding_with_AI',
      ),
    ],
    references: [cwe(1426), owaspLlm(9)],
  },
  {
    ...base,
    id: 'llm.unbounded-consumption',
    targets: ['process'],
    condition: all(agentLike, receivesUntrusted),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Token floods and runaway agent loops exhaust budget',
    description:
      'Callers from outside can drive this LLM. Long prompts, recursive agent loops and automated querying run up inference cost, exhaust quotas and can extract the model’s behaviour.',
    mitigations: [
      fix(
        'Budgets per user and task',
        'Limit tokens, requests and tool calls per user and per task, cap agent steps, and alert on cost anomalies.',
        '2.4.1',
        '15.2.2',
        'AI_Agent_Security',
      ),
      fix(
        'Bound inputs and outputs',
        'Cap input size and output tokens and reject requests that exceed them.',
        '5.2.1',
        'Denial_of_Service',
      ),
    ],
    references: [cwe(770), cwe(400), owaspLlm(10), atlas('AML.T0034')],
  },
  {
    ...base,
    id: 'llm.agent-memory-poisoning',
    targets: ['process'],
    condition: all(llmAgent, any(outbound(target(kind('store'))), named(['memory', 'long-term']))),
    category: 'tampering',
    severity: 'medium',
    title: 'Agent memory poisoned across sessions',
    description:
      'This agent writes notes or memories it later reads back. An injected instruction saved once keeps influencing future sessions and other users.',
    mitigations: [
      fix(
        'Scope and review memory',
        'Keep memory per user, store it as data with provenance, and let users view and delete it.',
        '8.4.1',
        'AI_Agent_Security',
      ),
      fix(
        'Sanitise before persisting',
        'Filter instructions and secrets from what the agent writes to memory.',
        '2.2.1',
        'LLM_Prompt_Injection_Prevention',
      ),
    ],
    references: [cwe(1427), owaspLlm(4), atlas('AML.T0051')],
  },
  {
    ...base,
    id: 'llm.agent-audit',
    targets: ['process'],
    condition: all(llmAgent, hasTools),
    category: 'repudiation',
    severity: 'medium',
    title: 'Agent actions cannot be traced to a request',
    description:
      'Tool calls made by this agent look like the agent’s own. Without recording the prompt, the retrieved context and the user behind each call, harmful actions cannot be investigated or attributed.',
    mitigations: [
      fix(
        'Trace every tool call',
        'Log each tool call with the user, session, prompt, retrieved sources and decision, in a tamper-protected store.',
        '16.2.1',
        '16.3.3',
        'AI_Agent_Security',
      ),
      fix(
        'Redact while logging',
        'Mask secrets and personal data in traces according to their protection level.',
        '16.2.5',
        'Logging',
      ),
    ],
    references: [cwe(778), owaspLlm(6)],
  },
];
