/**
 * The protocol catalogue: what a flow's free-text `protocol` (or, when that is blank, its name)
 * says about the channel. Data, not code: one row per protocol, its spellings, and what the
 * protocol guarantees in its usual form. `parseProtocol` reads the text people type
 * (`HTTPS (TLS 1.3)`, `SMTP/TLS`, `redis+tls`, `TCP 1234`, `gRPC over mTLS`) against it.
 */

/** One protocol of the catalogue. */
export interface ProtocolEntry {
  /** Stable id, lower case. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /**
   * Spellings recognised in free text, lower case, matched as whole words (`http/2`, `dns over
   * https`); separators (`-`, `_`, `+`, `/`, spaces) in the text and the alias are interchangeable.
   */
  readonly aliases: readonly string[];
  /**
   * The protocol encrypts what it carries: `true`, `false`, or `null` when its name alone does not
   * say (TCP, gRPC and database wire protocols run with or without TLS depending on configuration).
   */
  readonly encrypted: boolean | null;
  /** The client verifies who the server is (certificate, host key, Kerberos ticket); `null` when it depends. */
  readonly authenticatesServer: boolean | null;
  /**
   * Superseded for security reasons and not to be used (RFC 8996 for TLS 1.0/1.1, RFC 7568 for
   * SSL 3, SSH-1, PPTP, Telnet and the r-commands).
   */
  readonly deprecated: boolean;
  /** The protocol's encrypted variant, when there is one (`http` → `https`). */
  readonly secureVariant?: string;
  /** A layer that encrypts whatever runs over it (`redis+tls`, `HTTP over SSH`, `SMB in a VPN`). */
  readonly securesOthers?: true;
  /** Well-known ports, informational. */
  readonly ports?: readonly number[];
}

const row = (
  id: string,
  name: string,
  aliases: string[],
  encrypted: boolean | null,
  authenticatesServer: boolean | null,
  extra: Partial<
    Pick<ProtocolEntry, 'deprecated' | 'secureVariant' | 'securesOthers' | 'ports'>
  > = {},
): ProtocolEntry => ({
  id,
  name,
  aliases: [id, ...aliases],
  encrypted,
  authenticatesServer,
  deprecated: false,
  ...extra,
});

/** `TLS 1.3`, `TLSv1.2`, `tls1.0`, `SSLv3`, `SSL 3.0`… (their deprecation is read from the version). */
function versions(): string[] {
  return ['tls', 'ssl'].flatMap((p) =>
    ['1', '1.0', '1.1', '1.2', '1.3', '2', '2.0', '3', '3.0'].flatMap((v) => [
      `${p}${v}`,
      `${p}v${v}`,
      `${p} ${v}`,
      `${p} v${v}`,
    ]),
  );
}

/** Every protocol Threatloom recognises, plaintext ones with their secure variants. */
export const PROTOCOLS: readonly ProtocolEntry[] = [
  // Web
  row('http', 'HTTP', ['http/1.0', 'http/1.1', 'http1.1', 'http 1.1'], false, false, {
    secureVariant: 'https',
    ports: [80, 8080],
  }),
  row(
    'https',
    'HTTPS',
    ['http/s', 'http s', 'https/1.1', 'http over tls', 'http (tls)'],
    true,
    true,
    {
      ports: [443, 8443],
    },
  ),
  // Browsers and most servers speak HTTP/2 and HTTP/3 only over TLS; cleartext HTTP/2 is `h2c`.
  row('http2', 'HTTP/2', ['http/2', 'http 2', 'h2', 'http/2.0'], true, true, { ports: [443] }),
  row('h2c', 'HTTP/2 cleartext', ['http/2 cleartext', 'http2 cleartext'], false, false, {
    secureVariant: 'http2',
  }),
  row('http3', 'HTTP/3', ['http/3', 'http 3', 'h3'], true, true, { ports: [443] }),
  row('quic', 'QUIC', [], true, true, { ports: [443] }),
  row(
    'websocket',
    'WebSocket',
    ['ws', 'websockets', 'web socket', 'web sockets', 'socket.io'],
    false,
    false,
    {
      secureVariant: 'wss',
    },
  ),
  row(
    'wss',
    'WebSocket over TLS',
    ['secure websocket', 'secure websockets', 'websocket secure'],
    true,
    true,
    {
      ports: [443],
    },
  ),
  row('grpc', 'gRPC', ['grpc-web'], null, null, { ports: [50051] }),
  row('graphql', 'GraphQL', [], null, null),
  row('rest', 'REST', ['restful', 'rest api', 'json/rest'], null, null),
  row('soap', 'SOAP', [], null, null),
  row('json-rpc', 'JSON-RPC', ['jsonrpc'], null, null),
  row('xml-rpc', 'XML-RPC', ['xmlrpc'], null, null),
  row('webrtc', 'WebRTC', [], true, true),
  // Files
  row('ftp', 'FTP', [], false, false, { secureVariant: 'ftps', ports: [21] }),
  row('ftps', 'FTPS', ['ftp/s', 'ftpes', 'ftp over tls', 'ftp over ssl'], true, true, {
    ports: [990],
  }),
  row('sftp', 'SFTP', ['ssh ftp', 'ssh file transfer'], true, true, { ports: [22] }),
  row('scp', 'SCP', [], true, true, { ports: [22] }),
  row('tftp', 'TFTP', [], false, false, { ports: [69] }),
  row('nfs', 'NFS', ['nfsv3', 'nfsv4'], false, false, { ports: [2049] }),
  row('smb', 'SMB', ['cifs', 'smbv1', 'smbv2', 'smb2', 'samba'], false, false, { ports: [445] }),
  row('smb3', 'SMB 3 with encryption', ['smbv3', 'smb 3', 'smb3.1.1'], true, true, {
    ports: [445],
  }),
  row('rsync', 'rsync', [], false, false, { ports: [873] }),
  row('webdav', 'WebDAV', [], null, null),
  row('iscsi', 'iSCSI', [], false, false, { ports: [3260] }),
  // Remote access
  row('ssh', 'SSH', ['sshv2', 'ssh2', 'openssh', 'ssh tunnel'], true, true, {
    securesOthers: true,
    ports: [22],
  }),
  row('ssh1', 'SSH-1', ['sshv1', 'ssh-1', 'ssh 1'], true, true, { deprecated: true, ports: [22] }),
  row('telnet', 'Telnet', [], false, false, {
    deprecated: true,
    secureVariant: 'ssh',
    ports: [23],
  }),
  row('rsh', 'rsh', ['rlogin', 'rexec', 'rcp'], false, false, {
    deprecated: true,
    secureVariant: 'ssh',
  }),
  row('rdp', 'RDP', ['remote desktop'], true, true, { ports: [3389] }),
  row('vnc', 'VNC', ['rfb'], false, false, { ports: [5900] }),
  row('x11', 'X11', [], false, false, { ports: [6000] }),
  row('winrm', 'WinRM', ['powershell remoting', 'ws-management'], null, null, {
    ports: [5985, 5986],
  }),
  // Mail and chat
  row('smtp', 'SMTP', ['esmtp'], false, false, { secureVariant: 'smtps', ports: [25, 587] }),
  row('smtps', 'SMTP over TLS', ['smtp/s', 'smtp over tls'], true, true, { ports: [465] }),
  row('imap', 'IMAP', ['imap4'], false, false, { secureVariant: 'imaps', ports: [143] }),
  row('imaps', 'IMAP over TLS', [], true, true, { ports: [993] }),
  row('pop3', 'POP3', ['pop'], false, false, { secureVariant: 'pop3s', ports: [110] }),
  row('pop3s', 'POP3 over TLS', ['pops'], true, true, { ports: [995] }),
  row('xmpp', 'XMPP', ['jabber'], null, null, { ports: [5222] }),
  row('irc', 'IRC', [], false, false, { ports: [6667] }),
  row('sip', 'SIP', [], false, false, { secureVariant: 'sips', ports: [5060] }),
  row('sips', 'SIP over TLS', [], true, true, { ports: [5061] }),
  row('rtp', 'RTP', [], false, false, { secureVariant: 'srtp' }),
  row('srtp', 'SRTP', [], true, null),
  // Directory and authentication
  row('ldap', 'LDAP', [], false, false, { secureVariant: 'ldaps', ports: [389] }),
  row('ldaps', 'LDAP over TLS', ['ldap/s'], true, true, { ports: [636] }),
  row('kerberos', 'Kerberos', ['krb5'], true, true, { ports: [88] }),
  row('radius', 'RADIUS', [], false, false, { secureVariant: 'radsec', ports: [1812] }),
  row('radsec', 'RADIUS over TLS', [], true, true, { ports: [2083] }),
  // Messaging
  row('mqtt', 'MQTT', [], false, false, { secureVariant: 'mqtts', ports: [1883] }),
  row('mqtts', 'MQTT over TLS', ['secure mqtt'], true, true, { ports: [8883] }),
  row('amqp', 'AMQP', ['amqp 0.9.1', 'amqp 1.0'], false, false, {
    secureVariant: 'amqps',
    ports: [5672],
  }),
  row('amqps', 'AMQP over TLS', [], true, true, { ports: [5671] }),
  row('stomp', 'STOMP', [], false, false, { ports: [61613] }),
  row('kafka', 'Kafka protocol', [], null, null, { ports: [9092] }),
  row('nats', 'NATS', [], null, null, { ports: [4222] }),
  row('coap', 'CoAP', [], false, false, { secureVariant: 'coaps', ports: [5683] }),
  row('coaps', 'CoAP over DTLS', ['oscore'], true, true, { ports: [5684] }),
  // Data stores
  row('redis', 'Redis (RESP)', ['resp'], false, false, { secureVariant: 'rediss', ports: [6379] }),
  row('rediss', 'Redis over TLS', [], true, true, { ports: [6380] }),
  row('memcached', 'memcached', ['memcache'], false, false, { ports: [11211] }),
  row('postgresql', 'PostgreSQL wire protocol', ['postgres', 'psql', 'pgsql'], null, null, {
    ports: [5432],
  }),
  row('mysql', 'MySQL protocol', ['mariadb'], null, null, { ports: [3306] }),
  row('tds', 'TDS (SQL Server)', ['mssql', 'sql server'], null, null, { ports: [1433] }),
  row('mongodb', 'MongoDB wire protocol', ['mongo'], null, null, { ports: [27017] }),
  row('jdbc', 'JDBC', [], null, null),
  row('odbc', 'ODBC', [], null, null),
  row('cql', 'Cassandra CQL', ['cassandra'], null, null, { ports: [9042] }),
  // Network services
  row('dns', 'DNS', [], false, false, { secureVariant: 'dot', ports: [53] }),
  row('dot', 'DNS over TLS', ['dns over tls', 'dns-over-tls'], true, true, { ports: [853] }),
  row('doh', 'DNS over HTTPS', ['dns over https', 'dns-over-https'], true, true, { ports: [443] }),
  row('ntp', 'NTP', [], false, false, { secureVariant: 'nts', ports: [123] }),
  row('nts', 'Network Time Security', ['ntp over nts'], true, true, { ports: [4460] }),
  row('snmp', 'SNMP v1/v2c', ['snmpv1', 'snmpv2', 'snmpv2c', 'snmp v2c'], false, false, {
    secureVariant: 'snmpv3',
    ports: [161],
  }),
  row('snmpv3', 'SNMPv3', ['snmp v3'], true, true, { ports: [161] }),
  row('syslog', 'Syslog', [], false, false, { secureVariant: 'syslog-tls', ports: [514] }),
  row('syslog-tls', 'Syslog over TLS', ['syslog over tls'], true, true, { ports: [6514] }),
  row('dhcp', 'DHCP', [], false, false, { ports: [67] }),
  row('tcp', 'TCP', ['tcp/ip'], null, null),
  row('udp', 'UDP', [], null, null),
  // Security layers: they encrypt what runs over them.
  row('tls', 'TLS', ['ssl', 'ssl/tls', 'tls/ssl', 'starttls', ...versions()], true, true, {
    securesOthers: true,
  }),
  row('mtls', 'Mutual TLS', ['mutual tls', 'two-way tls', '2-way tls'], true, true, {
    securesOthers: true,
  }),
  row('dtls', 'DTLS', [], true, true, { securesOthers: true }),
  row('ipsec', 'IPsec', ['ipsec vpn', 'ike', 'ikev2'], true, true, { securesOthers: true }),
  row('wireguard', 'WireGuard', [], true, true, { securesOthers: true }),
  row('vpn', 'VPN', ['openvpn', 'site-to-site vpn'], true, true, { securesOthers: true }),
  row('pptp', 'PPTP', [], true, false, { deprecated: true }),
  row('l2tp', 'L2TP', [], false, false),
  // Industrial and IoT
  row('modbus', 'Modbus', ['modbus/tcp', 'modbus tcp'], false, false, { ports: [502] }),
  row('dnp3', 'DNP3', [], false, false, { ports: [20000] }),
  row('bacnet', 'BACnet', ['bacnet/ip'], false, false, { ports: [47808] }),
  row('opc-ua', 'OPC UA', ['opcua', 'opc ua'], null, null, { ports: [4840] }),
  row('upnp', 'UPnP', ['ssdp'], false, false, { ports: [1900] }),
  row('bluetooth', 'Bluetooth', ['ble', 'bluetooth le'], null, null),
  row('zigbee', 'Zigbee', [], null, null),
  // Other
  row('git', 'Git protocol', [], false, false, { ports: [9418] }),
  row('java-rmi', 'Java RMI', ['rmi'], false, false, { ports: [1099] }),
  row('msrpc', 'Microsoft RPC', ['dcom', 'ms-rpc', 'dce/rpc'], null, null, { ports: [135] }),
];

/** What `parseProtocol` made of a protocol text. */
export interface ParsedProtocol {
  /** Catalogue id (`https` for `HTTP (TLS 1.3)`: the secure variant when the text adds TLS). */
  readonly id: string;
  readonly name: string;
  readonly encrypted: boolean | null;
  readonly authenticatesServer: boolean | null;
  readonly deprecated: boolean;
  /** A port named in the text (`TCP 1234`, `HTTPS :8443`). */
  readonly port?: number;
}

const byId = new Map(PROTOCOLS.map((p) => [p.id, p]));

/** Separators in protocol texts: `redis+tls`, `SMTP/TLS`, `dns-over-https` and `dns over https` read alike. */
function canonical(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[+_,;()[\]{}]/g, ' ')
    .replace(/\s*-\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** Each alias in canonical form, with its protocol (the first row spelling it wins). */
const ALIASES = new Map<string, ProtocolEntry>();
for (const entry of PROTOCOLS)
  for (const a of entry.aliases) {
    const c = canonical(a).trim();
    if (!ALIASES.has(c)) ALIASES.set(c, entry);
  }

/** The most words an alias spans (`http/2 cleartext` is three: `/` separates words too). */
const MAX_WORDS = Math.max(...[...ALIASES.keys()].map((a) => a.split(/[\s/:]+/).length));

/** Short or everyday words that name a protocol in a protocol field but not in a flow's name. */
const NOT_IN_NAMES = new Set([
  'pop',
  'ws',
  'web',
  'rest',
  'rest api',
  'h2',
  'h3',
  'ike',
  'resp',
  'git',
  'rcp',
  'rfb',
  'ssl',
  'tcp',
  'udp',
  'mongo',
  'sql server',
  'postgres',
  'psql',
  'mariadb',
  'mysql',
  'cassandra',
  'kafka',
  'nats',
  'rmi',
  'vpn',
]);

/** Words that say the channel is not encrypted, whatever else the text names. */
const CLEARTEXT =
  /\b(no|without|non|not|unencrypted|disabled)\s?(tls|ssl|encryption|encrypted)\b|\b(unencrypted|unsecured|insecure|cleartext|clear text|plaintext|plain text|plain)\b/;

/** A TLS or SSL version: `TLS 1.0`, `TLSv1.1`, `SSLv3`, `SSL 3.0`. */
const TLS_VERSION = /\b(tls|ssl)\s?v?\s?(\d+)(?:\.(\d+))?\b/;

/** A port: `TCP 1234`, `:8443`, `port 5432`, `443/tcp` (a number not part of a version or name). */
const PORT = /(?:^|[\s:])(\d{2,5})(?:\/(?:tcp|udp)?)?(?=\s|$)/;

/** Options for `parseProtocol`. */
export interface ParseProtocolOptions {
  /**
   * The text is a flow's name rather than its protocol field ("HTTP JSON RPC"): everyday and
   * ambiguous words ("web", "rest", "kafka") are not read as protocols.
   */
  fromName?: boolean;
}

/**
 * Reads a protocol text against the catalogue. The first protocol named wins (`HTTP JSON RPC` is
 * HTTP); an encrypting layer named with it makes it encrypted (`SMTP/TLS`, `redis+tls`, `gRPC over
 * mTLS`), as its secure variant when it has one (`HTTP (TLS 1.3)` is `https`); "no TLS", "plain",
 * "insecure" make it unencrypted; a TLS version below 1.2 or any SSL version makes it deprecated
 * (bare `SSL` and `SSL/TLS` mean TLS). Returns null when nothing in the text is a protocol.
 */
export function parseProtocol(
  text: string,
  options: ParseProtocolOptions = {},
): ParsedProtocol | null {
  // Models repeat a handful of protocol texts across all their flows, and the engine rebuilds the
  // scene on every edit: remember recent answers (results are never mutated).
  const key = (options.fromName ? 'n:' : 'p:') + text;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  if (remembered.size >= 5_000) remembered.clear();
  const parsed = parseFresh(text, options);
  remembered.set(key, parsed);
  return parsed;
}

const remembered = new Map<string, ParsedProtocol | null>();

function parseFresh(text: string, options: ParseProtocolOptions): ParsedProtocol | null {
  const s = canonical(text);
  if (s.trim() === '') return null;
  let first: ProtocolEntry | null = null;
  let layer: ProtocolEntry | null = null;
  const spans: [number, number][] = [];
  // Words are separated by spaces, `/` and `:` (`SMTP/TLS`); an alias may span several words and
  // their separators (`HTTP/2`, `dns over https`). Leftmost first, and at one spot the longest.
  const words = [...s.matchAll(/[^\s/:]+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  for (let i = 0; i < words.length; i++) {
    for (let j = Math.min(words.length, i + MAX_WORDS) - 1; j >= i; j--) {
      const text = s.slice(words[i]![0], words[j]![1]);
      const entry = ALIASES.get(text);
      if (entry === undefined || (options.fromName && NOT_IN_NAMES.has(text))) continue;
      spans.push([words[i]![0], words[j]![1]]);
      first ??= entry;
      if (entry.securesOthers) layer ??= entry;
      i = j;
      break;
    }
  }
  if (first === null) return null;
  let entry = first;
  let encrypted = entry.encrypted;
  let authenticatesServer = entry.authenticatesServer;
  const cleartext = CLEARTEXT.test(s);
  if (cleartext) {
    encrypted = false;
    authenticatesServer = false;
  } else if (layer !== null && layer !== entry && encrypted !== true) {
    const variant = entry.secureVariant === undefined ? undefined : byId.get(entry.secureVariant);
    if (variant) entry = variant;
    encrypted = true;
    authenticatesServer = layer.authenticatesServer;
  }
  let deprecated = entry.deprecated;
  const version = TLS_VERSION.exec(s);
  if (version) {
    const major = Number(version[2]);
    const minor = version[3] === undefined ? 0 : Number(version[3]);
    if (version[1] === 'ssl' || (major === 1 && minor < 2)) deprecated = true;
  }
  let rest = s;
  for (const [a, b] of spans) rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
  if (version) rest = rest.replace(TLS_VERSION, ' ');
  const portMatch = PORT.exec(rest.trim());
  const port = portMatch ? Number(portMatch[1]) : undefined;
  return {
    id: entry.id,
    name: entry.name,
    encrypted,
    authenticatesServer,
    deprecated,
    ...(port !== undefined && port >= 1 && port <= 65535 ? { port } : {}),
  };
}

/**
 * What a flow's protocol field says, or, when it is blank, what its name says ("HTTP JSON RPC",
 * "HTTPS"). Null when neither names a protocol.
 */
export function flowProtocol(flow: { protocol: string; name: string }): ParsedProtocol | null {
  if (flow.protocol.trim() !== '') return parseProtocol(flow.protocol);
  return parseProtocol(flow.name, { fromName: true });
}
