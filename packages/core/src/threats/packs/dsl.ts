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
export const isEmpty = (prop: ConditionProp): Condition => ({ prop, isEmpty: true });
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
export const insideBoundary: Condition = { insideBoundary: true };
/** A dangling end: the flow has no element at that end. */
export const danglingSource: Condition = not(source({ all: [] }));
export const danglingTarget: Condition = not(target({ all: [] }));

/** Protocols that carry data in clear text (matched on their leading letters: `HTTP/1.1` is http). */
export const PLAINTEXT_PROTOCOLS = [
  'http',
  'ftp',
  'telnet',
  'smtp',
  'pop',
  'pop3',
  'imap',
  'ldap',
  'snmp',
  'tftp',
  'rsh',
  'rlogin',
  'ws',
  'mqtt',
  'amqp',
  'nfs',
  'smb',
  'vnc',
  'syslog',
  'dns',
  'ntp',
  'redis',
  'memcached',
];
/** SSL and early TLS versions (RFC 8996 deprecates TLS 1.0 and 1.1). */
export const LEGACY_TLS = [
  'ssl',
  'sslv2',
  'sslv3',
  'ssl2',
  'ssl3',
  'tls1.0',
  'tlsv1',
  'tlsv1.0',
  'tls1',
  'tls1.1',
  'tlsv1.1',
];
/** Privilege levels that hand an attacker the machine. */
export const HIGH_PRIVILEGE = [
  'root',
  'admin',
  'administrator',
  'system',
  'localsystem',
  'superuser',
  'elevated',
  'privileged',
  'high',
  'kernel',
  'sudo',
];

/**
 * Elements that (probably) handle personal data: tagged handlesPII, connected by a flow
 * tagged handlesPII, or exchanging data directly with an actor (people are actors).
 */
export const personalData: Condition = any(
  tag('handlesPII'),
  connected(any(tag('handlesPII'), source(kind('actor')), target(kind('actor')))),
);
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
export const mitigation = (title: string, description: string) => ({ title, description });
