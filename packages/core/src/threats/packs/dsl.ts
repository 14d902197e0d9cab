import type { Reference } from '../../model/records';
import type { AssetTag, Condition, ConditionProp, RuleTarget } from '../rule';

/** Shorthands for writing built-in rules; they produce plain condition JSON. */
export const all = (...c: Condition[]): Condition => ({ all: c });
export const any = (...c: Condition[]): Condition => ({ any: c });
export const not = (c: Condition): Condition => ({ not: c });
export const kind = (...k: RuleTarget[]): Condition => ({ kind: k });
export const is = (prop: ConditionProp, equals: string | number | boolean = true): Condition => ({
  prop,
  equals,
});
export const isSet = (prop: ConditionProp): Condition => ({ prop, isSet: true });
export const oneOf = (prop: ConditionProp, values: string[]): Condition => ({ prop, in: values });
export const mentions = (prop: ConditionProp, words: string[]): Condition => ({
  prop,
  contains: words,
});
export const tag = (t: AssetTag): Condition => ({ tag: t });
export const source = (c: Condition): Condition => ({ source: c });
export const target = (c: Condition): Condition => ({ target: c });
export const inbound = (c: Condition): Condition => ({ inbound: c });
export const outbound = (c: Condition): Condition => ({ outbound: c });
export const connected = (c: Condition): Condition => ({ connected: c });
export const crossesBoundary: Condition = { crossesBoundary: true };
/** A dangling end: the flow has no element at that end. */
export const danglingSource: Condition = not(source({ all: [] }));
export const danglingTarget: Condition = not(target({ all: [] }));

/** Elements an external party can reach: a flow over a public network, or a flow from or to an actor. */
export const exposed: Condition = connected(
  any(is('isPublicNetwork'), source(kind('actor')), target(kind('actor'))),
);

export const cwe = (n: number): Reference => ({
  kind: 'cwe',
  id: `CWE-${n}`,
  url: `https://cwe.mitre.org/data/definitions/${n}.html`,
});
export const capec = (n: number): Reference => ({
  kind: 'capec',
  id: `CAPEC-${n}`,
  url: `https://capec.mitre.org/data/definitions/${n}.html`,
});
export const oat = (n: number): Reference => ({
  kind: 'oat',
  id: `OAT-${String(n).padStart(3, '0')}`,
  url: 'https://owasp.org/www-project-automated-threats-to-web-applications/',
});
export const atlas = (id: string): Reference => ({
  kind: 'atlas',
  id,
  url: `https://atlas.mitre.org/techniques/${id}`,
});
export const owaspMl = (n: number): Reference => ({
  kind: 'owasp',
  id: `ML${String(n).padStart(2, '0')}:2023`,
  url: 'https://owasp.org/www-project-machine-learning-security-top-10/',
});
export const linddun = (id: string): Reference => ({
  kind: 'linddun',
  id,
  url: 'https://linddun.org/threats/',
});
export const plot4ai = (category: string): Reference => ({
  kind: 'plot4ai',
  id: category,
  url: 'https://plot4.ai/library',
});
/** A MITRE ATT&CK technique (enterprise `T1190`, sub-technique `T1552.001`, ICS `T0855`). */
export const attack = (id: string): Reference => ({
  // 'url' until the reference kind 'attack' lands with element model v2 (h6).
  kind: 'url',
  id,
  url: `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`,
});
/** An OWASP Top 10 for LLM Applications (2025) entry, e.g. `LLM01`. */
export const owaspLlm = (n: number): Reference => ({
  kind: 'owasp',
  id: `LLM${String(n).padStart(2, '0')}:2025`,
  url: 'https://genai.owasp.org/llm-top-10/',
});
/** An OWASP API Security Top 10 (2023) entry, e.g. `API1`. */
export const owaspApi = (n: number): Reference => ({
  kind: 'owasp',
  id: `API${n}:2023`,
  url: 'https://owasp.org/API-Security/editions/2023/en/0x11-t10/',
});
/** An OWASP Top 10 CI/CD Security Risks entry, e.g. `CICD-SEC-4`. */
export const owaspCicd = (n: number): Reference => ({
  kind: 'owasp',
  id: `CICD-SEC-${n}`,
  url: 'https://owasp.org/www-project-top-10-ci-cd-security-risks/',
});

const CHEAT_SHEETS = 'https://cheatsheetseries.owasp.org/cheatsheets/';
/**
 * A concrete mitigation citing where it is specified: OWASP ASVS 5.0 requirement ids
 * (`'1.2.4'`) and OWASP Cheat Sheets by file name stem (`'SQL_Injection_Prevention'`).
 */
export function fix(title: string, technique: string, ...cites: string[]) {
  const asvs = cites.filter((c) => /^\d+\.\d+\.\d+$/.test(c)).map((c) => `V${c}`);
  const sheets = cites
    .filter((c) => !/^\d+\.\d+\.\d+$/.test(c))
    .map((c) => `${CHEAT_SHEETS}${c}_Cheat_Sheet.html`);
  const parts = [...(asvs.length ? [`OWASP ASVS 5.0 ${asvs.join(', ')}`] : []), ...sheets];
  return { title, description: parts.length ? `${technique} (${parts.join('; ')})` : technique };
}
