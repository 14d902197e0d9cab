import { describe, expect, it } from 'vitest';
import { flowProtocol, parseProtocol, PROTOCOLS } from './protocols';

/**
 * Real protocol texts, as found in the shared fixtures (Threat Dragon flow `protocol` fields and
 * names, TMT flow names, OTM) and as people commonly spell them, each with the classification an
 * AppSec engineer gives it: [text, catalogue id or null (unknown), encrypted, deprecated, port].
 * `null` for encrypted means the text alone does not say.
 */
type Case = [
  text: string,
  id: string | null,
  encrypted?: boolean | null,
  deprecated?: boolean,
  port?: number,
];

const FROM_FIXTURES: Case[] = [
  ['HTTP', 'http', false, false],
  ['HTTPS', 'https', true, false],
  ['HTTP/S', 'https', true, false],
  ['HTTP/2', 'http2', true, false],
  ['SSH', 'ssh', true, false],
  ['UPnP', 'upnp', false, false],
  ['Bluetooth', 'bluetooth', null, false],
  ['Kerberos', 'kerberos', true, false],
  ['gRPC OTEL', 'grpc', null, false],
  ['PSQL Request', 'postgresql', null, false],
  [
    'A set of rules and guidelines that govern the behavior and communication with each other.',
    null,
  ],
  ['Web Request', null],
  ['Put Message', null],
  ['Worker Query Results', null],
  ['Read web app config', null],
];

const FROM_THE_ISSUE: Case[] = [
  ['HTTPS (TLS 1.3)', 'https', true, false],
  ['HTTP (TLS 1.3)', 'https', true, false],
  ['SMTP/TLS', 'smtps', true, false],
  ['MQTT/TLS', 'mqtts', true, false],
  ['POP3S', 'pop3s', true, false],
  ['redis+tls', 'rediss', true, false],
  ['DNS-over-HTTPS', 'doh', true, false],
  ['SSL/TLS', 'tls', true, false],
  ['TCP 1234', 'tcp', null, false, 1234],
  ['gRPC over mTLS', 'grpc', true, false],
  ['HTTP/2 gRPC (mTLS)', 'http2', true, false],
  ['HTTP JSON RPC', 'http', false, false],
];

const COMMON: Case[] = [
  ['http', 'http', false, false],
  ['HTTP/1.1', 'http', false, false],
  ['HTTP/1.0', 'http', false, false],
  ['http 1.1', 'http', false, false],
  ['HTTP :8080', 'http', false, false, 8080],
  ['HTTP (no TLS)', 'http', false, false],
  ['HTTP without TLS', 'http', false, false],
  ['Insecure HTTP', 'http', false, false],
  ['plain HTTP', 'http', false, false],
  ['HTTP/HTTPS', 'http', false, false],
  ['HTTPS/REST', 'https', true, false],
  ['REST over HTTPS', 'rest', null, false],
  ['HTTPS :8443', 'https', true, false, 8443],
  ['HTTPS (TLS 1.0)', 'https', true, true],
  ['HTTPS TLSv1.1', 'https', true, true],
  ['HTTPS TLS1.2', 'https', true, false],
  ['HTTP over TLS', 'https', true, false],
  ['HTTP/3', 'http3', true, false],
  ['QUIC', 'quic', true, false],
  ['h2c', 'h2c', false, false],
  ['WebSocket', 'websocket', false, false],
  ['ws', 'websocket', false, false],
  ['WSS', 'wss', true, false],
  ['Secure WebSocket', 'wss', true, false],
  ['WebSocket over TLS', 'wss', true, false],
  ['gRPC', 'grpc', null, false],
  ['gRPC (TLS)', 'grpc', true, false],
  ['GraphQL', 'graphql', null, false],
  ['SOAP', 'soap', null, false],
  ['JSON-RPC', 'json-rpc', null, false],
  ['FTP', 'ftp', false, false],
  ['FTPS', 'ftps', true, false],
  ['FTP over TLS', 'ftps', true, false],
  ['SFTP', 'sftp', true, false],
  ['SCP', 'scp', true, false],
  ['TFTP', 'tftp', false, false],
  ['NFS', 'nfs', false, false],
  ['NFSv4', 'nfs', false, false],
  ['SMB', 'smb', false, false],
  ['CIFS', 'smb', false, false],
  ['SMBv1', 'smb', false, false],
  ['SMB3', 'smb3', true, false],
  ['rsync over SSH', 'rsync', true, false],
  ['ssh', 'ssh', true, false],
  ['SSHv2', 'ssh', true, false],
  ['SSH-1', 'ssh1', true, true],
  ['SSH tunnel', 'ssh', true, false],
  ['Telnet', 'telnet', false, true],
  ['rlogin', 'rsh', false, true],
  ['RDP', 'rdp', true, false],
  ['Remote Desktop', 'rdp', true, false],
  ['VNC', 'vnc', false, false],
  ['WinRM', 'winrm', null, false],
  ['SMTP', 'smtp', false, false],
  ['SMTP 25', 'smtp', false, false, 25],
  ['SMTP STARTTLS', 'smtps', true, false],
  ['SMTPS', 'smtps', true, false],
  ['IMAP', 'imap', false, false],
  ['IMAPS', 'imaps', true, false],
  ['IMAP over TLS', 'imaps', true, false],
  ['POP3', 'pop3', false, false],
  ['XMPP', 'xmpp', null, false],
  ['SIP', 'sip', false, false],
  ['SIP/TLS', 'sips', true, false],
  ['RTP', 'rtp', false, false],
  ['SRTP', 'srtp', true, false],
  ['LDAP', 'ldap', false, false],
  ['LDAPS', 'ldaps', true, false],
  ['LDAP over SSL', 'ldaps', true, false],
  ['LDAP/STARTTLS', 'ldaps', true, false],
  ['RADIUS', 'radius', false, false],
  ['RadSec', 'radsec', true, false],
  ['MQTT', 'mqtt', false, false],
  ['mqtts', 'mqtts', true, false],
  ['MQTT 1883', 'mqtt', false, false, 1883],
  ['AMQP', 'amqp', false, false],
  ['AMQPS', 'amqps', true, false],
  ['AMQP 1.0 over TLS', 'amqps', true, false],
  ['STOMP', 'stomp', false, false],
  ['Kafka', 'kafka', null, false],
  ['Kafka (SASL_SSL)', 'kafka', true, false],
  ['NATS', 'nats', null, false],
  ['CoAP', 'coap', false, false],
  ['CoAP over DTLS', 'coaps', true, false],
  ['Redis', 'redis', false, false],
  ['rediss', 'rediss', true, false],
  ['memcached', 'memcached', false, false],
  ['PostgreSQL', 'postgresql', null, false],
  ['Postgres (TLS)', 'postgresql', true, false],
  ['postgres 5432', 'postgresql', null, false, 5432],
  ['MySQL', 'mysql', null, false],
  ['MySQL over SSL', 'mysql', true, false],
  ['MSSQL', 'tds', null, false],
  ['MongoDB', 'mongodb', null, false],
  ['JDBC', 'jdbc', null, false],
  ['JDBC/TLS', 'jdbc', true, false],
  ['ODBC', 'odbc', null, false],
  ['DNS', 'dns', false, false],
  ['DNS 53/udp', 'dns', false, false, 53],
  ['DNS over TLS', 'dot', true, false],
  ['DoH', 'doh', true, false],
  ['NTP', 'ntp', false, false],
  ['NTS', 'nts', true, false],
  ['SNMP', 'snmp', false, false],
  ['SNMPv2c', 'snmp', false, false],
  ['SNMPv3', 'snmpv3', true, false],
  ['Syslog', 'syslog', false, false],
  ['Syslog over TLS', 'syslog-tls', true, false],
  ['syslog/tls', 'syslog-tls', true, false],
  ['DHCP', 'dhcp', false, false],
  ['TCP', 'tcp', null, false],
  ['TCP/IP', 'tcp', null, false],
  ['UDP', 'udp', null, false],
  ['UDP 514', 'udp', null, false, 514],
  ['TCP over TLS', 'tcp', true, false],
  ['TLS', 'tls', true, false],
  ['TLS 1.3', 'tls', true, false],
  ['TLSv1.2', 'tls', true, false],
  ['TLS 1.0', 'tls', true, true],
  ['TLS 1.1', 'tls', true, true],
  ['SSL', 'tls', true, false],
  ['SSLv3', 'tls', true, true],
  ['SSL 3.0', 'tls', true, true],
  ['SSLv2', 'tls', true, true],
  ['mTLS', 'mtls', true, false],
  ['Mutual TLS', 'mtls', true, false],
  ['DTLS', 'dtls', true, false],
  ['IPsec', 'ipsec', true, false],
  ['IPsec VPN', 'ipsec', true, false],
  ['WireGuard', 'wireguard', true, false],
  ['VPN', 'vpn', true, false],
  ['OpenVPN', 'vpn', true, false],
  ['SMB over VPN', 'smb', true, false],
  ['PPTP', 'pptp', true, true],
  ['L2TP', 'l2tp', false, false],
  ['Modbus', 'modbus', false, false],
  ['Modbus/TCP', 'modbus', false, false],
  ['DNP3', 'dnp3', false, false],
  ['BACnet/IP', 'bacnet', false, false],
  ['OPC UA', 'opc-ua', null, false],
  ['SSDP', 'upnp', false, false],
  ['BLE', 'bluetooth', null, false],
  ['Zigbee', 'zigbee', null, false],
  ['Java RMI', 'java-rmi', false, false],
  ['DCOM', 'msrpc', null, false],
  ['', null],
  ['   ', null],
  ['N/A', null],
  ['TBD', null],
  ['proprietary', null],
  ['1234', null],
];

const CASES = [...FROM_FIXTURES, ...FROM_THE_ISSUE, ...COMMON];

describe('protocol catalogue', () => {
  it('holds at least 60 protocols, ids unique, secure variants in the table and encrypted', () => {
    expect(PROTOCOLS.length).toBeGreaterThanOrEqual(60);
    const ids = new Map(PROTOCOLS.map((p) => [p.id, p]));
    expect(ids.size).toBe(PROTOCOLS.length);
    for (const p of PROTOCOLS) {
      if (p.secureVariant === undefined) continue;
      expect(ids.get(p.secureVariant)?.encrypted, `${p.id} → ${p.secureVariant}`).toBe(true);
    }
  });

  it('is tested on at least 100 real strings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(CASES)('%s', (text, id, encrypted, deprecated, port) => {
    const parsed = parseProtocol(text);
    if (id === null) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed).not.toBeNull();
    expect({
      id: parsed!.id,
      encrypted: parsed!.encrypted,
      deprecated: parsed!.deprecated,
      port: parsed!.port,
    }).toEqual({ id, encrypted, deprecated, port });
  });
});

describe('flowProtocol', () => {
  const flow = (protocol: string, name: string) => flowProtocol({ protocol, name });

  it('reads the protocol field first', () => {
    expect(flow('HTTPS', 'HTTP JSON RPC')?.id).toBe('https');
  });

  it('reads the name when the protocol is blank', () => {
    expect(flow('', 'HTTP JSON RPC')?.id).toBe('http');
    expect(flow('  ', 'HTTPS')?.encrypted).toBe(true);
    expect(flow('', 'Kerberos')?.id).toBe('kerberos');
  });

  it('does not read everyday words in a name as protocols', () => {
    for (const name of [
      'Web Request',
      'REST call',
      'Queries',
      'Push to Bucket',
      'Kafka events',
      'Pop message',
    ])
      expect(flow('', name), name).toBeNull();
  });
});
