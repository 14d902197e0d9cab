import { describe, expect, it } from 'vitest';
import type { Condition } from './rule';
import { RULES } from './packs';

/**
 * The quality bar of the built-in catalogue (issue 11): enough conditioned rules, few that
 * test only the element kind, weakness references, and at least two concrete mitigations per
 * rule, each citing a real OWASP ASVS 5.0 requirement or OWASP Cheat Sheet.
 */

/** Every requirement id of OWASP ASVS 5.0.0 (chapters V1–V17), from the published standard. */
const ASVS_5 = new Set(
  '1.1.1 1.1.2 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.2.6 1.2.7 1.2.8 1.2.9 1.2.10 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 1.3.8 1.3.9 1.3.10 1.3.11 1.3.12 1.4.1 1.4.2 1.4.3 1.5.1 1.5.2 1.5.3 2.1.1 2.1.2 2.1.3 2.2.1 2.2.2 2.2.3 2.3.1 2.3.2 2.3.3 2.3.4 2.3.5 2.4.1 2.4.2 3.1.1 3.2.1 3.2.2 3.2.3 3.3.1 3.3.2 3.3.3 3.3.4 3.3.5 3.4.1 3.4.2 3.4.3 3.4.4 3.4.5 3.4.6 3.4.7 3.4.8 3.5.1 3.5.2 3.5.3 3.5.4 3.5.5 3.5.6 3.5.7 3.5.8 3.6.1 3.7.1 3.7.2 3.7.3 3.7.4 3.7.5 4.1.1 4.1.2 4.1.3 4.1.4 4.1.5 4.2.1 4.2.2 4.2.3 4.2.4 4.2.5 4.3.1 4.3.2 4.4.1 4.4.2 4.4.3 4.4.4 5.1.1 5.2.1 5.2.2 5.2.3 5.2.4 5.2.5 5.2.6 5.3.1 5.3.2 5.3.3 5.4.1 5.4.2 5.4.3 6.1.1 6.1.2 6.1.3 6.2.1 6.2.2 6.2.3 6.2.4 6.2.5 6.2.6 6.2.7 6.2.8 6.2.9 6.2.10 6.2.11 6.2.12 6.3.1 6.3.2 6.3.3 6.3.4 6.3.5 6.3.6 6.3.7 6.3.8 6.4.1 6.4.2 6.4.3 6.4.4 6.4.5 6.4.6 6.5.1 6.5.2 6.5.3 6.5.4 6.5.5 6.5.6 6.5.7 6.5.8 6.6.1 6.6.2 6.6.3 6.6.4 6.7.1 6.7.2 6.8.1 6.8.2 6.8.3 6.8.4 7.1.1 7.1.2 7.1.3 7.2.1 7.2.2 7.2.3 7.2.4 7.3.1 7.3.2 7.4.1 7.4.2 7.4.3 7.4.4 7.4.5 7.5.1 7.5.2 7.5.3 7.6.1 7.6.2 8.1.1 8.1.2 8.1.3 8.1.4 8.2.1 8.2.2 8.2.3 8.2.4 8.3.1 8.3.2 8.3.3 8.4.1 8.4.2 9.1.1 9.1.2 9.1.3 9.2.1 9.2.2 9.2.3 9.2.4 10.1.1 10.1.2 10.2.1 10.2.2 10.2.3 10.3.1 10.3.2 10.3.3 10.3.4 10.3.5 10.4.1 10.4.2 10.4.3 10.4.4 10.4.5 10.4.6 10.4.7 10.4.8 10.4.9 10.4.10 10.4.11 10.4.12 10.4.13 10.4.14 10.4.15 10.4.16 10.5.1 10.5.2 10.5.3 10.5.4 10.5.5 10.6.1 10.6.2 10.7.1 10.7.2 10.7.3 11.1.1 11.1.2 11.1.3 11.1.4 11.2.1 11.2.2 11.2.3 11.2.4 11.2.5 11.3.1 11.3.2 11.3.3 11.3.4 11.3.5 11.4.1 11.4.2 11.4.3 11.4.4 11.5.1 11.5.2 11.6.1 11.6.2 11.7.1 11.7.2 12.1.1 12.1.2 12.1.3 12.1.4 12.1.5 12.2.1 12.2.2 12.3.1 12.3.2 12.3.3 12.3.4 12.3.5 13.1.1 13.1.2 13.1.3 13.1.4 13.2.1 13.2.2 13.2.3 13.2.4 13.2.5 13.2.6 13.3.1 13.3.2 13.3.3 13.3.4 13.4.1 13.4.2 13.4.3 13.4.4 13.4.5 13.4.6 13.4.7 14.1.1 14.1.2 14.2.1 14.2.2 14.2.3 14.2.4 14.2.5 14.2.6 14.2.7 14.2.8 14.3.1 14.3.2 14.3.3 15.1.1 15.1.2 15.1.3 15.1.4 15.1.5 15.2.1 15.2.2 15.2.3 15.2.4 15.2.5 15.3.1 15.3.2 15.3.3 15.3.4 15.3.5 15.3.6 15.3.7 15.4.1 15.4.2 15.4.3 15.4.4 16.1.1 16.2.1 16.2.2 16.2.3 16.2.4 16.2.5 16.3.1 16.3.2 16.3.3 16.3.4 16.4.1 16.4.2 16.4.3 16.5.1 16.5.2 16.5.3 16.5.4 17.1.1 17.1.2 17.2.1 17.2.2 17.2.3 17.2.4 17.2.5 17.2.6 17.2.7 17.2.8 17.3.1 17.3.2'.split(
    ' ',
  ),
);
/** Every OWASP Cheat Sheet (file name stem) in the Cheat Sheet Series. */
const CHEAT_SHEETS = new Set(
  'AI_Agent_Security AJAX_Security AML_Sanctions_AI_Agent_Payments Abuse_Case Access_Control Attack_Surface_Analysis Authentication Authorization Authorization_Regression_Testing Authorization_Testing_Automation Automotive_Security Bean_Validation Bot_Management_and_Anti-Automation Browser_Extension_Vulnerabilities Business_Logic_Security C-Based_Toolchain_Hardening CI_CD_Security Choosing_and_Using_Security_Questions Clickjacking_Defense Content_Security_Policy Cookie_Theft_Mitigation Credential_Stuffing_Prevention Cross-Site_Request_Forgery_Prevention Cross_Site_Scripting_Prevention Cryptographic_Storage DOM_Clobbering_Prevention DOM_based_XSS_Prevention Database_Security Denial_of_Service Dependency_Graph_SBOM Deserialization Django_REST_Framework Django_Security Docker_Security DotNet_Security Drone_Security Email_Validation_and_Verification Error_Handling File_Upload Forgot_Password GitHub_Actions_Security GraphQL HTML5_Security HTTP_Headers HTTP_Strict_Transport_Security Infrastructure_as_Code_Security Injection_Prevention Injection_Prevention_in_Java Input_Validation Insecure_Direct_Object_Reference_Prevention JAAS JSON_Web_Token Java_Security Key_Management Kubernetes_Security LDAP_Injection_Prevention LLM_Prompt_Injection_Prevention Laravel Legacy_Application_Management Logging Logging_Vocabulary MCP_Security Mass_Assignment Microservices_Security Microservices_based_Security_Arch_Doc Mobile_Application_Security Multi_Tenant_Security Multifactor_Authentication NPM_Security Network_Segmentation NoSQL_Security NodeJS_Docker Nodejs_Security OAuth2 OS_Command_Injection_Defense PHP_Configuration Password_Storage Pinning Prototype_Pollution_Prevention Query_Parameterization RAG_Security REST_Assessment REST_Security Ruby_on_Rails SAML_Security SQL_Injection_Prevention Secrets_Management Secure_AI_Model_Ops Secure_Cloud_Architecture Secure_Code_Review Secure_Coding_with_AI Secure_Product_Design Securing_Cascading_Style_Sheets Security_Terminology Server_Side_Request_Forgery_Prevention Serverless_FaaS_Security Session_Management Software_Supply_Chain_Security Subdomain_Takeover_Prevention Symfony TLS_Cipher_String Third_Party_Javascript_Management Third_Party_Payment_Gateway_Integration Threat_Modeling Transaction_Authorization Transport_Layer_Protection Transport_Layer_Security Unvalidated_Redirects_and_Forwards User_Privacy_Protection Virtual_Patching Vulnerability_Disclosure Vulnerable_Dependency_Management WebSocket_Security Web_Service_Security XML_External_Entity_Prevention XML_Security XSS_Filter_Evasion XS_Leaks Zero_Trust_Architecture gRPC_Security'.split(
    ' ',
  ),
);

/** The condition tests nothing but the element kind (or nothing at all). */
function kindOnly(c: Condition): boolean {
  if ('all' in c) return c.all.every(kindOnly);
  if ('any' in c) return c.any.every(kindOnly);
  if ('not' in c) return kindOnly(c.not);
  return 'kind' in c;
}

const SECURITY_PACKS = new Set([
  'stride',
  'stride-interaction',
  'property',
  'oat',
  'ai-ml',
  'injection',
  'access',
  'data',
  'network',
  'cloud',
  'kubernetes',
  'supply-chain',
  'llm',
  'iot',
  'client',
]);

describe('rule catalogue', () => {
  it('holds at least 200 rules, at most 10% of them testing only the element kind', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(200);
    const kindOnlyRules = RULES.filter((r) => kindOnly(r.condition));
    expect(kindOnlyRules.length / RULES.length).toBeLessThanOrEqual(0.1);
    // the kind-only ones are LINDDUN's per-element mapping, which by design covers every element
    expect(kindOnlyRules.filter((r) => r.pack !== 'linddun').map((r) => r.id)).toEqual([]);
  });

  it('at least 90% of the rules cite a CWE or CAPEC weakness; every security rule does', () => {
    const cited = RULES.filter((r) =>
      r.references.some((ref) => ref.kind === 'cwe' || ref.kind === 'capec'),
    );
    expect(cited.length / RULES.length).toBeGreaterThanOrEqual(0.9);
    const uncitedSecurity = RULES.filter(
      (r) => SECURITY_PACKS.has(r.pack) && !r.pack.startsWith('oat') && !cited.includes(r),
    );
    expect(uncitedSecurity.map((r) => r.id)).toEqual([]);
  });

  it('every rule has at least two mitigations, each citing a real ASVS 5.0 requirement or Cheat Sheet', () => {
    for (const rule of RULES) {
      expect(rule.mitigations.length, rule.id).toBeGreaterThanOrEqual(2);
      for (const m of rule.mitigations) {
        const asvs = [...m.description.matchAll(/\bV(\d+\.\d+\.\d+)\b/g)].map((x) => x[1]!);
        const sheets = [
          ...m.description.matchAll(/cheatsheets\/([A-Za-z0-9_.-]+)_Cheat_Sheet\.html/g),
        ].map((x) => x[1]!);
        expect(asvs.length + sheets.length, `${rule.id}: ${m.title}`).toBeGreaterThan(0);
        for (const id of asvs) expect(ASVS_5.has(id), `${rule.id}: ASVS V${id}`).toBe(true);
        for (const sheet of sheets)
          expect(CHEAT_SHEETS.has(sheet), `${rule.id}: ${sheet}`).toBe(true);
      }
      expect(new Set(rule.mitigations.map((m) => m.title)).size, rule.id).toBe(
        rule.mitigations.length,
      );
    }
  });

  it('titles are unique within a pack, so a reviewer can tell suggestions apart', () => {
    const seen = new Map<string, string>();
    for (const r of RULES) {
      const key = `${r.pack}:${r.title}`;
      expect(seen.get(key), `${r.id} and ${seen.get(key)}`).toBeUndefined();
      seen.set(key, r.id);
    }
  });

  // The gaps issue 11 lists, each with the rule that now covers it and the weakness it cites.
  const GAPS: [string, string, string][] = [
    ['SQL injection for a process writing to a SQL database', 'injection.sql', 'CWE-89'],
    ['forged messages on a message queue', 'data.queue.forged-messages', 'CWE-345'],
    ['server-side request forgery', 'injection.ssrf', 'CWE-918'],
    ['unsafe deserialisation', 'injection.deserialisation', 'CWE-502'],
    ['OS command injection', 'injection.os-command', 'CWE-78'],
    ['code injection', 'injection.code', 'CWE-94'],
    ['XML external entities', 'injection.xxe', 'CWE-611'],
    ['path traversal', 'injection.path-traversal', 'CWE-22'],
    ['hard-coded secrets in clients', 'client.reverse-engineering', 'CWE-798'],
    ['secrets in configuration', 'data.config.secrets-in-config', 'CWE-798'],
    ['container escape', 'kubernetes.container-escape', 'CWE-250'],
    ['Kubernetes control plane', 'kubernetes.api-server-exposed', 'CWE-306'],
    ['cloud storage exposure', 'cloud.storage.public-bucket', 'CWE-732'],
    ['over-broad cloud IAM', 'cloud.iam.over-broad', 'CWE-250'],
    ['cloud metadata service', 'cloud.metadata-service', 'CWE-918'],
    ['CI/CD poisoned pipeline', 'supply-chain.poisoned-pipeline', 'CWE-829'],
    ['dependency confusion', 'supply-chain.dependency-confusion', 'CWE-427'],
    ['internet exposure without a WAF', 'network.internet-without-waf', 'CWE-693'],
    ['network segmentation', 'network.missing-segmentation', 'CWE-1008'],
    ['MFA', 'access.mfa-missing', 'CWE-308'],
    ['file upload', 'injection.file-upload', 'CWE-434'],
    ['HTTP request smuggling', 'injection.request-smuggling', 'CWE-444'],
    ['credentials in transit', 'access.credentials-in-transit', 'CWE-523'],
    ['logs written by less-trusted sources', 'data.log.less-trusted-writers', 'CWE-117'],
    ['memory safety', 'injection.memory-safety', 'CWE-787'],
    ['LLM prompt injection', 'llm.prompt-injection.direct', 'CWE-1427'],
    ['LLM agent excessive agency', 'llm.excessive-agency', 'CWE-250'],
    ['LLM vector store', 'llm.vector-store.cross-tenant', 'CWE-284'],
    ['IoT protocols', 'iot.plain-protocol', 'CWE-319'],
    ['OT protocols', 'ot.unauthenticated-protocol', 'CWE-306'],
  ];
  for (const [gap, id, weakness] of GAPS)
    it(`covers ${gap} (${id})`, () => {
      const rule = RULES.find((r) => r.id === id);
      expect(rule, id).toBeDefined();
      expect(rule!.references.map((r) => r.id)).toContain(weakness);
    });

  it('covers all ten OWASP Top 10 for LLM Applications (2025) entries', () => {
    const cited = new Set(RULES.flatMap((r) => r.references.map((ref) => ref.id)));
    for (let n = 1; n <= 10; n++)
      expect(cited, `LLM${n}`).toContain(`LLM${String(n).padStart(2, '0')}:2025`);
  });
});
