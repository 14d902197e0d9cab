import type { RuleInput } from '../rule';
import {
  adminActor,
  ciCd,
  cloudWorkload,
  containerWorkload,
  internetFacing,
  kubernetesControlPlane,
  named,
  objectStore,
  receivesUntrusted,
  registryStore,
  serverless,
  sourceRepoStore,
  tech,
} from './context';
import {
  all,
  any,
  attack,
  capec,
  cwe,
  fix,
  inbound,
  is,
  kind,
  outbound,
  owaspCicd,
  source,
  target,
} from './dsl';

const cloud = { pack: 'cloud', methodology: 'stride' } as const;
const k8s = { pack: 'kubernetes', methodology: 'stride' } as const;
const cicd = { pack: 'supply-chain', methodology: 'stride' } as const;

/** Cloud accounts: storage exposure, identity and access management, the metadata service, serverless. */
export const CLOUD_RULES: RuleInput[] = [
  {
    ...cloud,
    id: 'cloud.storage.public-bucket',
    targets: ['store'],
    supersedes: ['stride.store.information-disclosure'],
    condition: objectStore,
    category: 'information-disclosure',
    severity: 'high',
    title: 'Bucket or blob container readable by anyone',
    description:
      'Object storage is one policy or ACL away from public. A bucket opened for one file, a wildcard principal or a leaked pre-signed URL exposes everything in it to the internet.',
    mitigations: [
      fix(
        'Block public access',
        'Enable the account-level public-access block, deny non-TLS and cross-account access by policy, and serve public files through a CDN with origin access control.',
        '13.2.4',
        'Secure_Cloud_Architecture',
      ),
      fix(
        'Short-lived pre-signed URLs and monitoring',
        'Issue pre-signed URLs per object with minutes of validity, and alert on policy changes that grant public access.',
        '14.2.4',
        '16.3.3',
      ),
    ],
    references: [cwe(732), cwe(284), attack('T1530')],
  },
  {
    ...cloud,
    id: 'cloud.storage.public-sensitive',
    targets: ['store'],
    supersedes: ['cloud.storage.public-bucket', 'stride.store.information-disclosure'],
    condition: all(
      objectStore,
      any(is('handlesPII'), is('storesCredentials'), is('isTrainingData')),
    ),
    category: 'information-disclosure',
    severity: 'critical',
    title: 'Bucket holding personal or secret data exposed',
    description:
      'This bucket holds personal data, credentials or training data; a public or cross-account policy on it is a reportable breach.',
    mitigations: [
      fix(
        'Private by policy, encrypted by key',
        'Block public access, restrict the bucket policy to named roles, and encrypt with a customer-managed key whose policy also restricts decryption.',
        '14.2.4',
        '13.3.2',
        'Secure_Cloud_Architecture',
      ),
      fix(
        'Classify and scan',
        'Tag the bucket with its classification and run data-discovery scans that alert on sensitive objects in the wrong place.',
        '14.1.1',
        '14.1.2',
      ),
    ],
    references: [cwe(732), cwe(359), attack('T1530')],
  },
  {
    ...cloud,
    id: 'cloud.storage.overwrite',
    targets: ['store'],
    supersedes: ['stride.store.tampering'],
    condition: all(objectStore, outbound(target(any(kind('actor'), tech('client', 'cdn'))))),
    category: 'tampering',
    severity: 'high',
    title: 'Served objects overwritten in the bucket',
    description:
      'Files in this bucket are delivered to users or clients. Write access for too many principals lets an attacker replace scripts, installers or documents that users then trust.',
    mitigations: [
      fix(
        'Separate write and read paths',
        'Let only the deployment role write; enable versioning and object lock; serve through a CDN with origin access control.',
        '15.2.4',
        'Secure_Cloud_Architecture',
      ),
      fix(
        'Integrity on delivery',
        'Publish hashes or signatures of downloadable artefacts and use Subresource Integrity for scripts.',
        '3.6.1',
        'Third_Party_Javascript_Management',
      ),
    ],
    references: [cwe(494), cwe(732), attack('T1565.001')],
  },
  {
    ...cloud,
    id: 'cloud.iam.over-broad',
    targets: ['process'],
    condition: cloudWorkload,
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Workload role grants more than it needs',
    description:
      'This workload runs with a cloud identity. Wildcard actions or resources (`s3:*`, `*`), admin policies or roles reusable by other workloads turn one compromised function or container into control of the account.',
    mitigations: [
      fix(
        'Least-privilege roles per workload',
        'Give each workload its own role with only the actions and resource ARNs it uses; generate policies from access logs and review them.',
        '13.3.2',
        '8.2.1',
        'Secure_Cloud_Architecture',
      ),
      fix(
        'Guardrails',
        'Apply service-control policies or permission boundaries that forbid IAM changes and data export from workload roles.',
        '8.1.1',
        'Infrastructure_as_Code_Security',
      ),
    ],
    references: [cwe(250), cwe(269), attack('T1078.004')],
  },
  {
    ...cloud,
    id: 'cloud.metadata-service',
    targets: ['process'],
    condition: all(cloudWorkload, any(receivesUntrusted, outbound(target(tech('external'))))),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Cloud credentials stolen from the metadata service',
    description:
      'This workload runs in a cloud where 169.254.169.254 hands out its role credentials. Server-side request forgery, a proxy or code execution in the workload reads them and uses them from anywhere.',
    mitigations: [
      fix(
        'Require IMDSv2 / block metadata access',
        'Enforce token-based metadata access (IMDSv2, hop limit 1) or block the metadata address for application containers; give pods their own workload identity.',
        '13.2.5',
        'Server_Side_Request_Forgery_Prevention',
      ),
      fix(
        'Bind credentials to the workload',
        'Restrict role use to the workload’s network (condition keys such as `aws:SourceVpc`) and alert on use from elsewhere.',
        '13.3.2',
        'Secure_Cloud_Architecture',
      ),
    ],
    references: [cwe(918), cwe(522), attack('T1552.005')],
  },
  {
    ...cloud,
    id: 'cloud.serverless.event-injection',
    targets: ['process'],
    condition: all(serverless, inbound({ all: [] })),
    category: 'tampering',
    severity: 'medium',
    title: 'Injection through function trigger events',
    description:
      'This function is triggered by events (HTTP, queue, storage, e-mail). Every field of the event, file names included, is attacker-controlled input that reaches queries, shells and templates.',
    mitigations: [
      fix(
        'Validate every event',
        'Parse events with a schema per trigger and treat object keys, headers and message bodies as untrusted.',
        '2.2.1',
        'Serverless_FaaS_Security',
      ),
      fix(
        'Least privilege per function',
        'Give each function its own minimal role and no shared secrets, so one injected function cannot reach the others’ data.',
        '13.3.2',
        'Secure_Cloud_Architecture',
      ),
    ],
    references: [cwe(20), cwe(74), capec(153)],
  },
  {
    ...cloud,
    id: 'cloud.serverless.denial-of-wallet',
    targets: ['process'],
    condition: all(serverless, internetFacing),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Function invocations run up the bill (denial of wallet)',
    description:
      'Anyone on the internet can trigger this function. Floods scale it automatically: the service stays up while costs explode or concurrency limits starve other functions.',
    mitigations: [
      fix(
        'Throttle and cap',
        'Put an API gateway with rate limits and authentication in front, set reserved concurrency and budget alarms.',
        '2.4.1',
        'Serverless_FaaS_Security',
      ),
      fix(
        'Bound execution',
        'Set short timeouts and memory limits and reject oversized events early.',
        '15.2.2',
        'Denial_of_Service',
      ),
    ],
    references: [cwe(770), cwe(400), attack('T1496')],
  },
  {
    ...cloud,
    id: 'cloud.audit-logging',
    targets: ['actor'],
    condition: all(adminActor, outbound(target(any(cloudWorkload, tech('compute', 'storage'))))),
    category: 'repudiation',
    severity: 'medium',
    title: 'Cloud control-plane actions not recorded',
    description:
      'This administrator manages cloud resources. Without account-wide, tamper-protected audit logging, changes and deletions cannot be attributed and attackers switch logging off first.',
    mitigations: [
      fix(
        'Organisation-wide audit trail',
        'Enable control-plane audit logs (CloudTrail, Activity Log, Audit Logs) for every account and region into a separate, write-once log account.',
        '16.4.3',
        '16.3.3',
        'Logging',
      ),
      fix(
        'Alert on logging changes',
        'Alert on any attempt to stop or change audit logging and on root/owner account use.',
        '16.3.4',
        'Logging_Vocabulary',
      ),
    ],
    references: [cwe(778), attack('T1562.008')],
  },
  {
    ...cloud,
    id: 'cloud.console-takeover',
    targets: ['actor'],
    condition: all(adminActor, named(['cloud', 'aws', 'azure', 'gcp', 'console', 'devops', 'sre'])),
    category: 'spoofing',
    severity: 'critical',
    title: 'Cloud console account taken over',
    description:
      'A cloud administrator’s account, API keys or session is phished or leaked. It controls every resource in the account.',
    mitigations: [
      fix(
        'Federated, MFA-protected admin access',
        'Sign administrators in through the identity provider with phishing-resistant MFA; use no long-lived access keys; lock the root account away.',
        '6.3.3',
        '8.4.2',
        'Multifactor_Authentication',
      ),
      fix(
        'Just-in-time privilege',
        'Grant administrative roles just in time, time-boxed and approved, and record every session.',
        '8.3.2',
        '16.3.3',
      ),
    ],
    references: [cwe(308), cwe(522), attack('T1078.004')],
  },
];

/** Containers and Kubernetes. */
export const KUBERNETES_RULES: RuleInput[] = [
  {
    ...k8s,
    id: 'kubernetes.container-escape',
    targets: ['process'],
    condition: containerWorkload,
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Escape from the container to the node',
    description:
      'This workload runs in a container. Running as root, privileged mode, host mounts, added capabilities or a kernel flaw let code in it take over the node and every pod on it.',
    mitigations: [
      fix(
        'Restricted pod security',
        'Enforce the Kubernetes "restricted" Pod Security Standard: non-root, no privilege escalation, dropped capabilities, read-only root file system, seccomp.',
        '15.2.5',
        'Kubernetes_Security',
        'Docker_Security',
      ),
      fix(
        'Patch and isolate nodes',
        'Keep node kernels and runtimes patched; run untrusted workloads in sandboxed runtimes (gVisor, Kata) or separate node pools.',
        '15.2.1',
        'Kubernetes_Security',
      ),
    ],
    references: [cwe(250), cwe(269), attack('T1611')],
  },
  {
    ...k8s,
    id: 'kubernetes.service-account-token',
    supersedes: ['cloud.iam.over-broad'],
    targets: ['process'],
    condition: all(containerWorkload, any(receivesUntrusted, named(['kubernetes', 'k8s', 'pod']))),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Pod’s service-account token abused',
    description:
      'Every pod gets a Kubernetes API token by default. Code execution in this workload uses it to read secrets, create privileged pods or move laterally if RBAC is broad.',
    mitigations: [
      fix(
        'No token unless needed, minimal RBAC',
        'Set `automountServiceAccountToken: false` where the API is not needed; elsewhere bind a dedicated service account with namespaced, verb-limited roles.',
        '13.3.2',
        'Kubernetes_Security',
      ),
      fix(
        'Audit RBAC',
        'Review cluster role bindings regularly and alert on secret reads and pod creation by workload identities.',
        '16.3.2',
        '8.1.1',
      ),
    ],
    references: [cwe(269), cwe(522), attack('T1528')],
  },
  {
    ...k8s,
    id: 'kubernetes.api-server-exposed',
    targets: ['process'],
    condition: kubernetesControlPlane,
    category: 'elevation-of-privilege',
    severity: 'critical',
    title: 'Kubernetes API or kubelet reachable by attackers',
    description:
      'The control plane runs the whole cluster. A public API endpoint, anonymous auth, exposed kubelets or dashboards, or leaked kubeconfigs give attackers cluster-admin.',
    mitigations: [
      fix(
        'Private control plane',
        'Restrict the API server to private networks or allow-listed ranges, disable anonymous auth, and authenticate users through the identity provider with MFA.',
        '13.2.4',
        '6.3.3',
        'Kubernetes_Security',
      ),
      fix(
        'Audit logging and admission control',
        'Enable API audit logs and admission policies (Pod Security, OPA/Kyverno) that block privileged workloads.',
        '16.3.3',
        '15.2.5',
      ),
    ],
    references: [cwe(306), cwe(284), attack('T1609'), attack('T1613')],
  },
  {
    ...k8s,
    id: 'kubernetes.secrets-exposure',
    targets: ['process'],
    condition: all(
      any(kubernetesControlPlane, containerWorkload),
      named(['kubernetes', 'k8s', 'secret', 'etcd', 'helm']),
    ),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Kubernetes secrets readable in etcd, env or manifests',
    description:
      'Kubernetes secrets are only base64-encoded: anyone who can list secrets, read etcd backups, dump environment variables or view Helm values gets them.',
    mitigations: [
      fix(
        'Encrypt and externalise secrets',
        'Enable etcd encryption with a KMS provider, or sync secrets from an external vault at run time; mount them as files, not environment variables.',
        '13.3.1',
        'Secrets_Management',
        'Kubernetes_Security',
      ),
      fix(
        'Restrict secret access',
        'Allow `get/list secrets` only to the controllers that need it, per namespace.',
        '13.3.2',
        '8.2.1',
      ),
    ],
    references: [cwe(312), cwe(522), attack('T1552.007')],
  },
  {
    ...k8s,
    id: 'kubernetes.network-policy',
    targets: ['process'],
    condition: all(
      containerWorkload,
      any(outbound(target(kind('store'))), inbound(source(containerWorkload))),
    ),
    category: 'elevation-of-privilege',
    severity: 'medium',
    title: 'Flat cluster network lets a compromised pod reach everything',
    description:
      'Without network policies every pod can connect to every other pod and to the data stores. One compromised workload becomes a foothold to all of them.',
    mitigations: [
      fix(
        'Default-deny network policies',
        'Apply a default-deny policy per namespace and allow only the flows in this diagram; add a service mesh with mutual TLS for service identity.',
        '13.2.4',
        '12.3.5',
        'Network_Segmentation',
        'Kubernetes_Security',
      ),
      fix(
        'Separate sensitive workloads',
        'Run sensitive and internet-facing workloads in separate namespaces or node pools.',
        '15.2.5',
        'Microservices_Security',
      ),
    ],
    references: [cwe(923), cwe(284), attack('T1210')],
  },
  {
    ...k8s,
    id: 'kubernetes.resource-limits',
    targets: ['process'],
    supersedes: ['stride.process.denial-of-service'],
    condition: all(containerWorkload, receivesUntrusted),
    category: 'denial-of-service',
    severity: 'low',
    title: 'Workload without resource limits starves its neighbours',
    description:
      'A container without CPU and memory limits that receives outside traffic can be driven to consume the node, evicting other workloads.',
    mitigations: [
      fix(
        'Requests, limits and quotas',
        'Set resource requests and limits on every container and quotas per namespace; autoscale on load.',
        '15.2.2',
        'Kubernetes_Security',
      ),
      fix(
        'Health probes and disruption budgets',
        'Define liveness and readiness probes and pod disruption budgets so overload is contained and recovered.',
        '16.5.2',
        'Denial_of_Service',
      ),
    ],
    references: [cwe(770), attack('T1499')],
  },
  {
    ...k8s,
    id: 'kubernetes.image-provenance',
    supersedes: ['supply-chain.unverified-artifact'],
    targets: ['process'],
    condition: any(containerWorkload, all(kind('process'), inbound(source(registryStore)))),
    category: 'tampering',
    severity: 'high',
    title: 'Backdoored or vulnerable container image deployed',
    description:
      'This workload runs an image built from base layers and packages from elsewhere. A compromised base image or registry, or an unpatched package, ships attacker code into production.',
    mitigations: [
      fix(
        'Signed, pinned images',
        'Build from minimal, pinned base images; sign images in the pipeline and verify signatures at admission; deploy by digest.',
        '15.2.4',
        'Software_Supply_Chain_Security',
        'Docker_Security',
      ),
      fix(
        'Scan and rebuild',
        'Scan images for vulnerabilities in CI and in the registry, and rebuild on base-image updates within the documented time frames.',
        '15.2.1',
        '15.1.1',
        'Vulnerable_Dependency_Management',
      ),
    ],
    references: [cwe(494), cwe(1357), attack('T1525'), attack('T1195.002')],
  },
];

/** CI/CD and the software supply chain. */
export const SUPPLY_CHAIN_RULES: RuleInput[] = [
  {
    ...cicd,
    id: 'supply-chain.poisoned-pipeline',
    targets: ['process'],
    condition: all(ciCd, any(inbound(source(sourceRepoStore)), inbound(source(kind('actor'))))),
    category: 'tampering',
    severity: 'critical',
    title: 'Poisoned pipeline execution',
    description:
      'This pipeline runs build scripts from the repository. A pull request, fork or compromised contributor changes the scripts and runs code with the pipeline’s secrets and deployment rights.',
    mitigations: [
      fix(
        'Isolate untrusted builds',
        'Run pull-request builds from forks without secrets on ephemeral runners; require approval before privileged jobs; protect pipeline definitions with code owners.',
        '15.2.4',
        'CI_CD_Security',
        'GitHub_Actions_Security',
      ),
      fix(
        'Least privilege for jobs',
        'Scope job tokens to read-only by default and grant deployment credentials only to protected branches and environments.',
        '13.3.2',
        'CI_CD_Security',
      ),
    ],
    references: [cwe(94), cwe(829), owaspCicd(4), attack('T1195.002')],
  },
  {
    ...cicd,
    id: 'supply-chain.dependency-confusion',
    targets: ['process'],
    condition: ciCd,
    category: 'tampering',
    severity: 'high',
    title: 'Malicious dependency pulled into the build',
    description:
      'The build resolves packages from registries. Typosquats, dependency confusion (a public package shadowing an internal name) or a hijacked maintainer account put attacker code into the artefact.',
    mitigations: [
      fix(
        'Lock files and a curated proxy',
        'Resolve dependencies only through an internal proxy with scoped/namespaced internal packages, commit lock files with integrity hashes, and disable install scripts where possible.',
        '15.2.4',
        'Software_Supply_Chain_Security',
        'NPM_Security',
      ),
      fix(
        'SBOM and review',
        'Generate an SBOM per build, review new dependencies, and monitor them for advisories.',
        '15.1.2',
        'Dependency_Graph_SBOM',
      ),
    ],
    references: [cwe(427), cwe(829), capec(538), owaspCicd(3), attack('T1195.001')],
  },
  {
    ...cicd,
    id: 'supply-chain.pipeline-secrets',
    targets: ['process'],
    condition: ciCd,
    category: 'information-disclosure',
    severity: 'high',
    title: 'Deployment secrets leak from the pipeline',
    description:
      'The pipeline holds cloud keys, signing keys and registry tokens. Build logs, caches, artefacts and third-party actions with access to the environment leak them.',
    mitigations: [
      fix(
        'Short-lived federated credentials',
        'Use OIDC federation from the pipeline to the cloud instead of stored keys; mask secrets in logs; scope secrets to environments.',
        '13.3.1',
        '13.3.4',
        'CI_CD_Security',
        'Secrets_Management',
      ),
      fix(
        'Pin third-party actions',
        'Pin actions and plugins to commit digests and review their permissions.',
        '15.2.4',
        'GitHub_Actions_Security',
      ),
    ],
    references: [cwe(522), cwe(532), owaspCicd(6), attack('T1552')],
  },
  {
    ...cicd,
    id: 'supply-chain.unverified-artifact',
    targets: ['process'],
    condition: any(
      all(ciCd, outbound({ all: [] })),
      all(kind('process'), inbound(source(any(registryStore, ciCd)))),
    ),
    category: 'tampering',
    severity: 'high',
    title: 'Unverified artefact deployed to production',
    description:
      'Artefacts move from the build to production. Without signatures and provenance checked at deployment, a tampered artefact in the registry or a compromised deployer runs in production.',
    mitigations: [
      fix(
        'Sign and verify provenance',
        'Produce signed artefacts with build provenance (SLSA level 2+), and verify signature and provenance at deployment or admission.',
        '15.2.4',
        'Software_Supply_Chain_Security',
      ),
      fix(
        'Pull-based, gated deployment',
        'Deploy from a protected environment by digest, pulled by the target (GitOps) rather than pushed with broad credentials.',
        '13.3.2',
        'CI_CD_Security',
      ),
    ],
    references: [cwe(494), cwe(345), owaspCicd(9), attack('T1195.002')],
  },
  {
    ...cicd,
    id: 'supply-chain.source-tampering',
    targets: ['store'],
    supersedes: ['stride.store.tampering'],
    condition: sourceRepoStore,
    category: 'tampering',
    severity: 'high',
    title: 'Backdoor committed to the source repository',
    description:
      'Production is built from this repository. A stolen developer token, an unprotected branch or a rogue maintainer commits code that nobody reviews.',
    mitigations: [
      fix(
        'Protected branches and review',
        'Require reviewed pull requests, status checks and signed commits on release branches; restrict force-push and admin bypass.',
        '15.2.4',
        'CI_CD_Security',
      ),
      fix(
        'Strong developer authentication',
        'Require SSO with MFA for the code host and short-lived, scoped tokens for automation.',
        '6.3.3',
        'Multifactor_Authentication',
      ),
    ],
    references: [cwe(506), cwe(284), owaspCicd(1), attack('T1195.002')],
  },
  {
    ...cicd,
    id: 'supply-chain.registry-tampering',
    targets: ['store'],
    supersedes: ['stride.store.tampering'],
    condition: registryStore,
    category: 'tampering',
    severity: 'high',
    title: 'Images or packages replaced in the registry',
    description:
      'Deployments pull from this registry. Write access for too many identities, mutable tags or a compromised registry lets an attacker replace what production runs.',
    mitigations: [
      fix(
        'Immutable, signed artefacts',
        'Make tags immutable, sign artefacts, and let only the build identity push.',
        '15.2.4',
        'Software_Supply_Chain_Security',
      ),
      fix(
        'Scan and audit the registry',
        'Scan stored artefacts continuously and audit push and delete events.',
        '15.2.1',
        '16.3.3',
      ),
    ],
    references: [cwe(494), cwe(732), attack('T1525')],
  },
  {
    ...cicd,
    id: 'supply-chain.vulnerable-components',
    targets: ['process'],
    condition: all(
      any(tech('web-server', 'edge'), named(['cms', 'wordpress', 'drupal', 'joomla', 'magento'])),
      internetFacing,
    ),
    category: 'elevation-of-privilege',
    severity: 'medium',
    title: 'Known-vulnerable components in an exposed service',
    description:
      'This service is reachable from the internet. Frameworks and libraries with published vulnerabilities are found by scanners within hours of disclosure.',
    mitigations: [
      fix(
        'Inventory and patch on a clock',
        'Keep an SBOM, monitor advisories, and patch within documented time frames by severity; fail builds on critical known vulnerabilities.',
        '15.1.1',
        '15.1.2',
        '15.2.1',
        'Vulnerable_Dependency_Management',
      ),
      fix(
        'Remove what is unused',
        'Strip unused dependencies, sample code and features from the production build.',
        '15.2.3',
        'Software_Supply_Chain_Security',
      ),
    ],
    references: [cwe(1395), cwe(1104), attack('T1190')],
  },
];
