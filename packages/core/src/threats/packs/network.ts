import type { RuleInput } from '../rule';
import {
  clientApp,
  databaseStore,
  iotDevice,
  mutualTls,
  encryptedFlow,
  gateway,
  internetFacing,
  otController,
  sensitiveStore,
  serverSide,
  externalSystem,
  vaultStore,
  webServer,
  apiService,
} from './context';
import {
  all,
  any,
  attack,
  capec,
  crossesBoundary,
  cwe,
  fix,
  inbound,
  is,
  kind,
  not,
  oneOf,
  outbound,
  source,
  target,
} from './dsl';

const base = { pack: 'network', methodology: 'stride' } as const;

/** Remote administration protocols that should never face the internet. */
const ADMIN_PROTOCOLS = ['ssh', 'rdp', 'vnc', 'telnet', 'winrm', 'smb', 'rsh', 'rlogin', 'x11'];

/**
 * Exposure and segmentation: what the internet reaches, what sits in front of it, and
 * whether one compromised component can reach everything else.
 */
export const NETWORK_RULES: RuleInput[] = [
  {
    ...base,
    id: 'network.internet-without-waf',
    supersedes: [
      'supply-chain.vulnerable-components',
      'oat.OAT-014.vulnerability-scanning',
      'oat.OAT-018.footprinting',
    ],
    targets: ['process'],
    condition: all(any(webServer, apiService), internetFacing, not(inbound(source(gateway)))),
    category: 'tampering',
    severity: 'medium',
    title: 'Internet-facing application without a filtering edge',
    description:
      'This application takes traffic straight from the internet, with no WAF, API gateway or reverse proxy modelled in front of it to filter attacks, terminate TLS and absorb floods.',
    mitigations: [
      fix(
        'Put an edge in front',
        'Route internet traffic through a WAF or API gateway with managed rule sets, request normalisation, rate limiting and DDoS protection; allow the origin to accept traffic only from it.',
        '4.1.3',
        '2.4.1',
        'Virtual_Patching',
      ),
      fix(
        'Patch on a clock, virtually patch in between',
        'Keep an inventory of the components the application exposes and patch them within documented time frames; use the edge to block exploitation of newly disclosed vulnerabilities until then.',
        '15.1.1',
        '15.2.1',
        'Virtual_Patching',
        'Vulnerable_Dependency_Management',
      ),
    ],
    references: [cwe(693), cwe(1008), attack('T1190')],
  },
  {
    ...base,
    id: 'network.missing-segmentation',
    targets: ['store', 'process'],
    condition: all(
      any(sensitiveStore, databaseStore, vaultStore, otController),
      inbound(source(all(kind('process'), internetFacing))),
      not(inbound(crossesBoundary)),
    ),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Sensitive asset in the same zone as internet-facing code',
    description:
      'An internet-facing component reaches this sensitive asset without crossing any trust boundary. Compromising the front end gives direct network access to it: there is no segment, firewall or policy in between.',
    mitigations: [
      fix(
        'Segment the network',
        'Place data stores and back-end services in separate zones (subnets, VPCs, namespaces) with deny-by-default rules that allow only the modelled flows.',
        '13.2.4',
        'Network_Segmentation',
      ),
      fix(
        'Zero-trust service access',
        'Authenticate and authorise every connection by service identity, not network location.',
        '12.3.5',
        'Zero_Trust_Architecture',
      ),
    ],
    references: [cwe(1008), cwe(923), attack('T1210')],
  },
  {
    ...base,
    id: 'network.remote-admin-exposed',
    targets: ['flow'],
    condition: all(
      oneOf('protocol', ADMIN_PROTOCOLS),
      any(is('isPublicNetwork'), crossesBoundary, source(kind('actor'))),
    ),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Remote administration reachable across the boundary',
    description:
      'This flow is a remote-administration protocol (SSH, RDP, VNC, SMB…) crossing into the system. Exposed management ports are brute-forced and exploited continuously.',
    mitigations: [
      fix(
        'Bastion or zero-trust access',
        'Reach management ports only through a bastion, VPN or identity-aware proxy with MFA; never expose them to the internet.',
        '8.4.2',
        '13.2.4',
        'Network_Segmentation',
      ),
      fix(
        'Key-based, audited sessions',
        'Disable password logins, use short-lived certificates or keys, and record administrative sessions.',
        '6.3.1',
        '16.3.1',
      ),
    ],
    references: [cwe(668), cwe(307), attack('T1133'), attack('T1021')],
  },
  {
    ...base,
    id: 'network.service-to-service-unauthenticated',
    supersedes: ['stride-interaction.crossing.spoofing', 'property.flow.bidirectional-replay'],
    targets: ['flow'],
    condition: all(
      source(all(kind('process'), not(clientApp), not(iotDevice))),
      target(any(serverSide, kind('store'))),
      crossesBoundary,
      not(mutualTls),
    ),
    category: 'spoofing',
    severity: 'medium',
    title: 'Service-to-service call across zones without service identity',
    description:
      'One service calls another across a trust boundary. Unless the callee verifies the caller’s identity (mutual TLS, signed workload tokens), anything that reaches the network can call it as that service.',
    mitigations: [
      fix(
        'Mutual TLS or workload tokens',
        'Authenticate both ends with mutual TLS from a service mesh or SPIFFE identities, or with short-lived signed tokens, and authorise per calling service.',
        '12.3.5',
        '13.2.1',
        'Microservices_Security',
      ),
      fix(
        'Propagate the user identity',
        'Pass the end user’s identity in a signed token so the callee authorises the user, not only the calling service.',
        '8.3.3',
        'Microservices_based_Security_Arch_Doc',
      ),
    ],
    references: [cwe(306), cwe(290), capec(151)],
  },
  {
    ...base,
    id: 'network.cleartext-crossing',
    targets: ['flow'],
    supersedes: [
      'stride.flow.information-disclosure',
      'property.flow.internal-cleartext',
      'stride.flow.tampering',
    ],
    condition: all(crossesBoundary, not(encryptedFlow), not(is('isPublicNetwork'))),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Data crosses a trust boundary unencrypted',
    description:
      'This flow leaves one trust zone for another and is not known to be encrypted. Anyone with a foothold on the networks in between reads and alters it.',
    mitigations: [
      fix(
        'TLS across every boundary',
        'Encrypt the flow with TLS 1.2+ (or a mesh with mutual TLS), validating certificates, also on internal networks.',
        '12.3.1',
        '12.3.3',
        'Transport_Layer_Security',
      ),
      fix(
        'Trusted internal certificates',
        'Issue internal certificates from a managed private CA and pin clients to it.',
        '12.3.4',
        'Pinning',
      ),
    ],
    references: [cwe(319), capec(157), attack('T1040')],
  },
  {
    ...base,
    id: 'network.dns-and-tls-spoofing',
    supersedes: ['property.flow.tls-configuration'],
    targets: ['flow'],
    condition: all(encryptedFlow, is('isPublicNetwork'), target(kind('process'))),
    category: 'spoofing',
    severity: 'low',
    title: 'Server impersonated through DNS or certificate mis-issuance',
    description:
      'Clients find this server over the internet by name. Hijacked DNS, a dangling subdomain or a mis-issued certificate lets an attacker pose as it despite TLS.',
    mitigations: [
      fix(
        'HSTS, CAA and certificate monitoring',
        'Send HSTS (preload where possible), publish CAA records, and monitor Certificate Transparency logs for your names.',
        '3.4.1',
        '3.7.4',
        'HTTP_Strict_Transport_Security',
      ),
      fix(
        'Clean up DNS',
        'Remove records pointing at released cloud resources and protect the registrar account with MFA.',
        '13.4.5',
        'Subdomain_Takeover_Prevention',
      ),
    ],
    references: [cwe(350), capec(89), attack('T1584.002')],
  },
  {
    ...base,
    id: 'network.edge-bypass',
    targets: ['process'],
    condition: all(
      serverSide,
      not(gateway),
      inbound(source(gateway)),
      inbound(any(is('isPublicNetwork'), source(kind('actor')))),
    ),
    category: 'elevation-of-privilege',
    severity: 'medium',
    title: 'Edge controls bypassed by reaching the origin directly',
    description:
      'This service sits behind a gateway or proxy but is also reached directly. Authentication, WAF rules and rate limits at the edge do not apply to the direct path.',
    mitigations: [
      fix(
        'Accept traffic only from the edge',
        'Restrict the origin to the edge’s addresses or require an edge-issued credential (mTLS, signed header); repeat authentication in the service.',
        '4.1.3',
        '13.2.4',
        'Microservices_Security',
      ),
      fix(
        'Trust forwarding headers only from the proxy',
        'Use `X-Forwarded-*` only when set by the known proxy.',
        '15.3.4',
        'HTTP_Headers',
      ),
    ],
    references: [cwe(288), cwe(923)],
  },
  {
    ...base,
    id: 'network.egress-unrestricted',
    targets: ['process'],
    condition: all(serverSide, internetFacing, outbound(target(externalSystem))),
    category: 'information-disclosure',
    severity: 'low',
    title: 'Unrestricted outbound traffic eases exfiltration',
    description:
      'This internet-facing service can open connections anywhere. After a compromise, data leaves and command-and-control arrives over ordinary HTTPS.',
    mitigations: [
      fix(
        'Egress allow-list',
        'Route outbound traffic through an egress proxy or firewall that allows only documented destinations.',
        '13.2.4',
        '13.2.5',
        'Network_Segmentation',
      ),
      fix(
        'Monitor outbound flows',
        'Log and alert on connections to new destinations and large transfers.',
        '16.3.3',
        'Logging_Vocabulary',
      ),
    ],
    references: [cwe(923), attack('T1041')],
  },
];
