import type { RuleInput } from '../rule';
import {
  apiService,
  cloudWorkload,
  clientApp,
  desktopApp,
  encryptedFlow,
  iotDevice,
  mobileApp,
  named,
  otController,
  serverSide,
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
  mentions,
  not,
  oneOf,
  outbound,
  source,
  target,
} from './dsl';

const iot = { pack: 'iot', methodology: 'stride' } as const;
const client = { pack: 'client', methodology: 'stride' } as const;

/** IoT and OT protocols without built-in authentication or encryption in their common form. */
const IOT_PLAIN = [
  'mqtt',
  'coap',
  'upnp',
  'ssdp',
  'zigbee',
  'ble',
  'bluetooth',
  'lorawan',
  'zwave',
];
const OT_PROTOCOLS = [
  'modbus',
  'dnp3',
  'bacnet',
  's7',
  's7comm',
  'profinet',
  'ethernet/ip',
  'ethernetip',
  'iec104',
  'opc',
  'opcua',
  'opc-ua',
  'cip',
];

/** IoT devices, OT controllers and their protocols; software that runs on users’ devices. */
export const IOT_RULES: RuleInput[] = [
  {
    ...iot,
    id: 'iot.firmware-update',
    targets: ['process', 'actor'],
    condition: iotDevice,
    category: 'tampering',
    severity: 'high',
    title: 'Malicious firmware installed on the device',
    description:
      'This device runs firmware that is updated over the network or a local port. Updates that are not signed and verified, or that can be rolled back, let an attacker install persistent code on every device.',
    mitigations: [
      fix(
        'Signed updates with secure boot',
        'Sign firmware in a protected build, verify the signature in a secure-boot chain on the device, and refuse downgrades to vulnerable versions.',
        '15.2.4',
        'Software_Supply_Chain_Security',
      ),
      fix(
        'Protect signing keys',
        'Keep firmware signing keys in an HSM with audited, approved use.',
        '13.3.3',
        'Key_Management',
      ),
    ],
    references: [cwe(494), cwe(1277), capec(186), attack('T1542.001'), attack('T0857')],
  },
  {
    ...iot,
    id: 'iot.physical-access',
    targets: ['process', 'actor'],
    condition: iotDevice,
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Keys and firmware extracted from a device in the field',
    description:
      'Devices sit where attackers can buy or pick one up. Debug ports (JTAG, UART), readable flash and shared keys let them extract firmware, secrets and a credential that works for every device.',
    mitigations: [
      fix(
        'Per-device credentials in secure hardware',
        'Provision a unique key per device, stored in a secure element or TPM; never ship fleet-wide secrets in firmware.',
        '13.3.3',
        '11.1.1',
        'Key_Management',
      ),
      fix(
        'Lock debug interfaces',
        'Disable or authenticate JTAG/UART in production, and encrypt the flash.',
        '13.4.2',
        '14.2.4',
      ),
    ],
    references: [cwe(1191), cwe(321), capec(440), attack('T1200')],
  },
  {
    ...iot,
    id: 'iot.device-identity',
    supersedes: [
      'stride-interaction.crossing.spoofing',
      'network.service-to-service-unauthenticated',
    ],
    targets: ['flow'],
    condition: all(source(iotDevice), target(any(serverSide, kind('store'), kind('process')))),
    category: 'spoofing',
    severity: 'high',
    title: 'Cloned or fake device reports to the back end',
    description:
      'The back end accepts data from devices. Without a per-device identity verified on every connection, cloned devices or scripts inject false readings and impersonate customers’ devices.',
    mitigations: [
      fix(
        'Mutual TLS with device certificates',
        'Authenticate each device with its own certificate (mutual TLS) from a provisioning CA, and revoke compromised devices.',
        '12.1.3',
        '12.3.5',
        'Transport_Layer_Security',
      ),
      fix(
        'Plausibility checks',
        'Validate readings against device type and history and rate-limit per device.',
        '2.2.3',
        '2.4.1',
      ),
    ],
    references: [cwe(290), cwe(287), capec(151)],
  },
  {
    ...iot,
    id: 'iot.command-spoofing',
    targets: ['flow'],
    condition: all(target(any(iotDevice, otController)), source(kind('process', 'actor'))),
    category: 'spoofing',
    severity: 'high',
    title: 'Forged commands executed by the device',
    description:
      'This flow sends commands or configuration to a device. If the device does not authenticate the sender and the command (server certificate, signed commands), anyone on the path or with the API takes control of it.',
    mitigations: [
      fix(
        'Authenticate the command channel',
        'Pin the back end’s certificate on the device and sign commands with a key the device trusts; include nonces or counters against replay.',
        '12.3.2',
        '4.1.5',
        'Pinning',
      ),
      fix(
        'Authorise commands per device and user',
        'Check in the back end that the requesting user owns the device and may issue the command, and log every command.',
        '8.2.2',
        '16.3.3',
      ),
    ],
    references: [cwe(345), cwe(306), capec(94), attack('T0855')],
  },
  {
    ...iot,
    id: 'iot.plain-protocol',
    targets: ['flow'],
    supersedes: ['stride.flow.information-disclosure', 'property.flow.plaintext-protocol'],
    condition: all(
      any(
        oneOf('protocol', IOT_PLAIN),
        mentions('protocol', ['upnp', 'zigbee', 'bluetooth', 'lorawan']),
      ),
      not(encryptedFlow),
    ),
    category: 'information-disclosure',
    severity: 'high',
    title: 'IoT protocol without authentication or encryption',
    description:
      'MQTT, CoAP, UPnP, BLE and Zigbee are often deployed without TLS/DTLS or pairing security: anyone on the network reads telemetry, subscribes to all topics or publishes commands.',
    mitigations: [
      fix(
        'Secure protocol variants',
        'Use MQTT over TLS with per-device credentials and topic ACLs, CoAP over DTLS/OSCORE, and BLE Secure Connections; disable UPnP where not required.',
        '12.3.1',
        '12.3.5',
        'Transport_Layer_Security',
      ),
      fix(
        'Broker access control',
        'Authenticate every client at the broker and limit each device to its own topics.',
        '8.2.2',
        '13.2.1',
      ),
    ],
    references: [cwe(319), cwe(306), capec(157), attack('T1040')],
  },
  {
    ...iot,
    id: 'iot.local-api',
    targets: ['process'],
    condition: all(
      apiService,
      not(cloudWorkload),
      any(named(['local', 'lan', 'home', 'on-prem']), inbound(source(iotDevice))),
    ),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Local device API trusts anyone on the network',
    description:
      'This API controls the device from the local network. “Only reachable on the LAN” is not authentication: any app, guest or compromised device on the network — or a web page through DNS rebinding — can call it.',
    mitigations: [
      fix(
        'Authenticate local clients',
        'Pair clients with the device and require a per-client token or mutual TLS on every local call; check the Host header against DNS rebinding.',
        '8.2.1',
        '12.3.5',
        'Authentication',
      ),
      fix(
        'Minimal local surface',
        'Expose only the functions needed locally and require cloud or physical confirmation for sensitive ones.',
        '15.2.3',
        '2.3.5',
      ),
    ],
    references: [cwe(306), cwe(284), capec(115)],
  },
  {
    ...iot,
    id: 'iot.fleet-botnet',
    targets: ['process', 'actor'],
    condition: all(iotDevice, any(inbound({ all: [] }), outbound({ all: [] }))),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Devices recruited into a botnet or bricked at scale',
    description:
      'A flaw shared by every device in the fleet lets one exploit take them all: they join a DDoS botnet, or a bad update stops them working.',
    mitigations: [
      fix(
        'Staged, recoverable updates',
        'Roll out updates in stages with health checks and an A/B partition for automatic rollback.',
        '16.5.3',
        'Software_Supply_Chain_Security',
      ),
      fix(
        'Rate-limit and monitor the fleet',
        'Limit outbound traffic on devices, monitor fleet behaviour and be able to quarantine devices remotely.',
        '2.4.1',
        '16.3.3',
      ),
    ],
    references: [cwe(1188), cwe(400), attack('T1498')],
  },
  {
    ...iot,
    id: 'ot.unauthenticated-protocol',
    targets: ['flow'],
    condition: any(
      oneOf('protocol', OT_PROTOCOLS),
      mentions('protocol', ['modbus', 'dnp3', 'bacnet', 'profinet', 'iec 104', 'iec-104']),
    ),
    category: 'tampering',
    severity: 'critical',
    title: 'Industrial protocol accepts unauthenticated commands',
    description:
      'Modbus, DNP3, BACnet, S7 and similar protocols carry writes and commands without authentication. Anyone who reaches this flow’s network changes set points or stops the process.',
    mitigations: [
      fix(
        'Zones and conduits',
        'Separate the control network from IT per IEC 62443 zones and conduits; allow only the modelled peers through an industrial firewall with protocol inspection.',
        '13.2.4',
        'Network_Segmentation',
      ),
      fix(
        'Secure protocol variants',
        'Use authenticated variants (DNP3 Secure Authentication, Modbus/TCP Security, OPC UA with signing and encryption) where the equipment supports them.',
        '12.3.5',
        'Transport_Layer_Security',
      ),
    ],
    references: [cwe(306), cwe(319), attack('T0855'), attack('T0836')],
  },
  {
    ...iot,
    id: 'ot.it-to-ot',
    targets: ['flow'],
    condition: all(target(otController), source(not(otController))),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'IT network reaches the control system',
    description:
      'This flow enters the control system from outside it. Ransomware and intruders in the IT network use such paths to reach controllers that run physical processes.',
    mitigations: [
      fix(
        'DMZ between IT and OT',
        'Terminate IT connections in an industrial DMZ (historian replica, jump host); no direct flows from IT to controllers.',
        '13.2.4',
        'Network_Segmentation',
      ),
      fix(
        'Monitored remote access',
        'Allow remote access to OT only through MFA-protected, recorded, time-limited sessions.',
        '8.4.2',
        '16.3.3',
      ),
    ],
    references: [cwe(1008), cwe(923), attack('T0886')],
  },
  {
    ...iot,
    id: 'ot.safety-impact',
    targets: ['process', 'actor'],
    condition: otController,
    category: 'denial-of-service',
    severity: 'critical',
    title: 'Controller manipulated to cause physical damage or outage',
    description:
      'This controller drives a physical process. Changed logic, set points or a stopped controller damage equipment, harm people or halt production.',
    mitigations: [
      fix(
        'Independent safety systems',
        'Keep safety instrumented systems independent of the control network, with hard-wired limits the controller cannot override.',
        '16.5.3',
        'Network_Segmentation',
      ),
      fix(
        'Protect and verify logic',
        'Use controller key switches or write protection, keep known-good logic backups, and compare running logic to them.',
        '15.2.4',
        '16.3.3',
      ),
    ],
    references: [cwe(284), attack('T0831'), attack('T0813')],
  },
];

export const CLIENT_RULES: RuleInput[] = [
  {
    ...client,
    id: 'client.mobile-storage',
    targets: ['process'],
    condition: mobileApp,
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Tokens and personal data left on the phone',
    description:
      'This mobile app keeps session tokens, cached responses and personal data on the device, where backups, other apps on rooted phones, or a lost phone expose them.',
    mitigations: [
      fix(
        'Platform secure storage',
        'Keep tokens in the Keychain/Keystore with device-bound keys, exclude sensitive files from backups, and encrypt local databases.',
        '14.3.3',
        'Mobile_Application_Security',
      ),
      fix(
        'Cache little, expire fast',
        'Avoid caching personal data; clear it on logout and after inactivity; hide it from screenshots and the app switcher.',
        '14.3.1',
        '7.3.1',
      ),
    ],
    references: [cwe(922), cwe(312), attack('T1409')],
  },
  {
    ...client,
    id: 'client.mobile-transport',
    targets: ['flow'],
    condition: all(source(mobileApp), target(kind('process'))),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'App traffic intercepted on hostile networks',
    description:
      'The app talks to its back end over networks the user does not control. Disabled certificate validation, user-installed CAs or cleartext exceptions let a proxy read and change the traffic.',
    mitigations: [
      fix(
        'Strict TLS in the app',
        'Use TLS everywhere with platform validation, no cleartext exceptions, and certificate or public-key pinning for the app’s own API.',
        '12.3.2',
        'Pinning',
        'Mobile_Application_Security',
      ),
      fix(
        'Server-side verification',
        'Do not rely on the app for security decisions; authenticate and authorise every API call on the server.',
        '8.3.1',
        'REST_Security',
      ),
    ],
    references: [cwe(295), cwe(319), attack('T1557')],
  },
  {
    ...client,
    id: 'client.reverse-engineering',
    targets: ['process'],
    condition: any(mobileApp, desktopApp, all(clientApp, named(['api key', 'secret', 'license']))),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Secrets and logic extracted from the client binary',
    description:
      'Anyone can download and decompile this client. API keys, signing secrets and premium or anti-fraud logic shipped in it are extracted and reused.',
    mitigations: [
      fix(
        'No secrets in clients',
        'Keep secrets on the server; issue per-user, short-lived tokens to the client instead of embedding keys.',
        '13.3.1',
        'Secrets_Management',
      ),
      fix(
        'Integrity and attestation',
        'Use platform attestation (Play Integrity, App Attest) to raise the bar for tampered clients, and monitor for abuse of client credentials.',
        '2.4.1',
        'Mobile_Application_Security',
      ),
    ],
    references: [cwe(798), cwe(656), capec(191), attack('T1552.001')],
  },
  {
    ...client,
    id: 'client.deep-links',
    targets: ['process'],
    condition: all(
      mobileApp,
      any(
        named(['deep link', 'url scheme', 'intent', 'universal link', 'oauth', 'login']),
        outbound(target(named(['auth', 'login', 'identity']))),
      ),
    ),
    category: 'spoofing',
    severity: 'medium',
    title: 'Deep links or intents hijacked by another app',
    description:
      'The app receives links and intents (including OAuth redirects). A malicious app registering the same scheme intercepts codes and tokens or triggers actions in this app.',
    mitigations: [
      fix(
        'Verified app links and PKCE',
        'Use verified App Links/Universal Links instead of custom schemes, and PKCE for every OAuth flow.',
        '10.4.6',
        'OAuth2',
      ),
      fix(
        'Validate incoming links',
        'Treat link parameters as untrusted input and require confirmation for actions started by links.',
        '2.2.1',
        'Mobile_Application_Security',
      ),
    ],
    references: [cwe(939), cwe(926), capec(501)],
  },
  {
    ...client,
    id: 'client.update-channel',
    targets: ['process'],
    condition: desktopApp,
    category: 'tampering',
    severity: 'high',
    title: 'Malicious update installed through the auto-updater',
    description:
      'This desktop application updates itself. An updater that fetches over an unauthenticated channel or does not verify signatures installs whatever a network attacker or compromised update server serves.',
    mitigations: [
      fix(
        'Signed updates over TLS',
        'Sign release artefacts and verify the signature against a pinned key before installing; fetch over TLS only.',
        '15.2.4',
        'Software_Supply_Chain_Security',
      ),
      fix(
        'Safe library loading',
        'Load libraries only from the installation directory with absolute paths and protected permissions.',
        '15.2.5',
        'Mobile_Application_Security',
      ),
    ],
    references: [cwe(494), cwe(427), attack('T1195.002')],
  },
  {
    ...client,
    id: 'client.personal-data-on-device',
    targets: ['process'],
    condition: all(clientApp, is('handlesPII'), not(mobileApp)),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Personal data exposed on shared or lost devices',
    description:
      'This client shows and may store personal data on a device others can use. Shared computers, browser caches and stolen laptops expose it.',
    mitigations: [
      fix(
        'No-store and session expiry',
        'Send `Cache-Control: no-store` for personal responses, expire idle sessions and clear client storage on logout.',
        '14.3.2',
        '7.3.1',
        '14.3.1',
      ),
      fix(
        'Minimise data in the client',
        'Send the client only the fields it displays.',
        '14.2.6',
        'User_Privacy_Protection',
      ),
    ],
    references: [cwe(359), cwe(525)],
  },
  {
    ...client,
    id: 'client.server-trust',
    targets: ['flow'],
    condition: all(source(any(iotDevice, desktopApp)), target(serverSide), not(encryptedFlow)),
    category: 'spoofing',
    severity: 'high',
    title: 'Client talks to an unauthenticated server',
    description:
      'This client or device connects to its back end without a channel that authenticates the server. An attacker on the network poses as the back end and feeds it data or updates.',
    mitigations: [
      fix(
        'TLS with server validation',
        'Use TLS 1.2+ with full certificate validation and pin the back end’s CA.',
        '12.3.2',
        '12.1.1',
        'Transport_Layer_Security',
      ),
      fix(
        'Sign what the server sends',
        'Sign configuration and commands so the client verifies their origin even through proxies.',
        '4.1.5',
        'Pinning',
      ),
    ],
    references: [cwe(295), cwe(300), capec(94), attack('T1557')],
  },
];
