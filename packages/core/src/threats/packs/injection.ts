import type { RuleInput } from '../rule';
import {
  apiService,
  browserApp,
  cacheStore,
  fileStore,
  gateway,
  logStore,
  nativeCode,
  nosqlStore,
  objectStore,
  queueConsumer,
  readsFrom,
  receivesUntrusted,
  searchStore,
  serverSide,
  sqlStore,
  tech,
  webServer,
  writesTo,
  named,
  externalSystem,
} from './context';
import {
  all,
  any,
  attack,
  capec,
  cwe,
  fix,
  inbound,
  kind,
  mentions,
  not,
  oneOf,
  is,
  owaspApi,
} from './dsl';

const base = {
  pack: 'injection',
  methodology: 'stride',
  targets: ['process' as const],
} as const satisfies Partial<RuleInput>;

/**
 * Input that becomes code or a command: injection into the interpreters a process talks to,
 * unsafe parsers, paths and URLs built from input, memory corruption. Each rule names the
 * interpreter or parser from the element's neighbourhood (the SQL database it writes to, the
 * XML it parses), so it fires where the threat is, not on every process.
 */
export const INJECTION_RULES: RuleInput[] = [
  {
    ...base,
    id: 'injection.sql',
    supersedes: [
      'stride.process.tampering',
      'property.process.web-injection',
      'data.queue.consumer-trusts-content',
    ],
    condition: any(writesTo(sqlStore), readsFrom(sqlStore)),
    category: 'tampering',
    severity: 'high',
    title: 'SQL injection into the database',
    description:
      'This process sends queries to a SQL database. Input concatenated into a query lets a caller read, change or delete any data the database account can reach, and sometimes run commands on the database host.',
    mitigations: [
      fix(
        'Parameterised queries',
        'Pass every value as a bound parameter (prepared statements, an ORM or a query builder); never build SQL text from input, including ORDER BY and table names (allow-list those).',
        '1.2.4',
        'SQL_Injection_Prevention',
        'Query_Parameterization',
      ),
      fix(
        'Least-privilege database account',
        'Connect with an account that may only run the statements this process needs on its own schema, with no DDL, file or shell rights.',
        '13.2.2',
        'Database_Security',
      ),
    ],
    references: [cwe(89), capec(66), attack('T1190')],
  },
  {
    ...base,
    id: 'injection.nosql',
    supersedes: ['stride.process.tampering'],
    condition: any(writesTo(nosqlStore), readsFrom(nosqlStore), writesTo(searchStore)),
    category: 'tampering',
    severity: 'high',
    title: 'NoSQL or search query injection',
    description:
      'This process queries a document database or search index. Operators smuggled in JSON input (`$ne`, `$where`) or query-string syntax change the query, bypassing filters and authentication checks.',
    mitigations: [
      fix(
        'Typed query construction',
        'Build queries with the driver’s typed API, reject objects where scalars are expected, and disable server-side JavaScript evaluation.',
        '1.2.4',
        'NoSQL_Security',
      ),
      fix(
        'Validate input shape',
        'Validate request bodies against a strict schema before they reach the query layer.',
        '2.2.1',
        'Input_Validation',
      ),
    ],
    references: [cwe(943), capec(676), attack('T1190')],
  },
  {
    ...base,
    id: 'injection.os-command',
    supersedes: ['stride.process.tampering'],
    condition: all(
      named([
        'shell',
        'command',
        'exec',
        'script',
        'cli',
        'ffmpeg',
        'imagemagick',
        'convert',
        'cron',
        'batch',
        'python',
        'bash',
        'powershell',
      ]),
      receivesUntrusted,
    ),
    category: 'tampering',
    severity: 'critical',
    title: 'OS command injection',
    description:
      'This process runs scripts or external programs and takes input from outside its zone. Input that reaches a shell command line runs arbitrary commands with the process’s rights.',
    mitigations: [
      fix(
        'No shell, fixed arguments',
        'Call programs through an API that takes an argument array (no shell), with a fixed executable and allow-listed options; prefer a library over a subprocess.',
        '1.2.5',
        'OS_Command_Injection_Defense',
      ),
      fix(
        'Sandbox the worker',
        'Run the command in a container or sandbox without network or secrets, as an unprivileged user.',
        '15.2.5',
        'Docker_Security',
      ),
    ],
    references: [cwe(78), capec(88), attack('T1059')],
  },
  {
    ...base,
    id: 'injection.code',
    supersedes: ['stride.process.tampering'],
    condition: all(
      named(['template', 'eval', 'expression', 'rule engine', 'scripting', 'formula', 'macro']),
      receivesUntrusted,
    ),
    category: 'tampering',
    severity: 'critical',
    title: 'Code or template injection',
    description:
      'This process evaluates templates, expressions or scripts. Input that reaches the evaluator (server-side template injection, `eval`, expression languages) runs as code on the server.',
    mitigations: [
      fix(
        'Never evaluate input',
        'Keep templates and expressions in the code base; pass input only as data to a logic-less or sandboxed template engine; remove eval-like calls.',
        '1.3.2',
        '1.3.7',
        'Injection_Prevention',
      ),
      fix(
        'Sandbox user-defined logic',
        'Where users must supply rules or formulas, interpret a restricted language in a sandbox with time and memory limits.',
        '15.2.5',
        'Input_Validation',
      ),
    ],
    references: [cwe(94), cwe(1336), capec(242), attack('T1059')],
  },
  {
    ...base,
    id: 'injection.ldap',
    supersedes: ['stride.process.tampering'],
    condition: any(
      named(['ldap', 'active directory', 'directory service']),
      any(inbound(oneOf('protocol', ['ldap', 'ldaps'])), writesTo(named(['ldap', 'directory']))),
    ),
    category: 'tampering',
    severity: 'high',
    title: 'LDAP injection',
    description:
      'This process builds directory queries. Filter metacharacters in input (`*`, `)(`) widen searches or bypass LDAP-based logins.',
    mitigations: [
      fix(
        'Escape LDAP filters',
        'Escape every value placed in a search filter or DN with the library’s LDAP encoder, and use bind-based authentication rather than search-and-compare.',
        '1.2.6',
        'LDAP_Injection_Prevention',
      ),
      fix(
        'Restrict the service account',
        'Bind with a read-only account limited to the subtree the process needs.',
        '13.2.2',
        'Access_Control',
      ),
    ],
    references: [cwe(90), capec(136)],
  },
  {
    ...base,
    id: 'injection.stored-xss',
    supersedes: ['property.process.web-injection', 'access.clickjacking'],
    condition: all(webServer, any(writesTo(kind('store')), readsFrom(kind('store')))),
    category: 'tampering',
    severity: 'high',
    title: 'Stored cross-site scripting',
    description:
      'This web application stores what users submit and shows it to other users. Script in that content runs in their browsers with their session: account takeover, defacement, data theft.',
    mitigations: [
      fix(
        'Contextual output encoding',
        'Encode every value for the context it is written into (HTML body, attribute, URL, JavaScript) with the template engine’s auto-escaping; sanitise rich text with a vetted HTML sanitiser.',
        '1.2.1',
        '1.3.1',
        'Cross_Site_Scripting_Prevention',
      ),
      fix(
        'Content-Security-Policy',
        'Send a strict, nonce-based Content-Security-Policy so injected script does not run.',
        '3.4.3',
        'Content_Security_Policy',
      ),
    ],
    references: [cwe(79), capec(592), attack('T1189')],
  },
  {
    ...base,
    id: 'injection.dom-xss',
    condition: browserApp,
    category: 'tampering',
    severity: 'medium',
    title: 'DOM-based cross-site scripting',
    description:
      'This front end runs in the browser and builds the page from URL fragments, API data and messages. Writing them through `innerHTML`, `eval` or unsafe framework escapes runs attacker script.',
    mitigations: [
      fix(
        'Safe DOM sinks',
        'Use text-only sinks (`textContent`, framework bindings), avoid `dangerouslySetInnerHTML`/`v-html`, and enable Trusted Types.',
        '3.2.2',
        'DOM_based_XSS_Prevention',
      ),
      fix(
        'Strict CSP',
        'Ship a Content-Security-Policy without `unsafe-inline` or `unsafe-eval`.',
        '3.4.3',
        'Content_Security_Policy',
      ),
    ],
    references: [cwe(79), capec(588)],
  },
  {
    ...base,
    id: 'injection.xxe',
    condition: any(
      named(['xml', 'soap', 'saml', 'svg', 'xslt', 'wsdl', 'docx', 'xlsx']),
      inbound(
        any(oneOf('protocol', ['soap', 'xml', 'xml-rpc']), mentions('name', ['xml', 'soap'])),
      ),
    ),
    category: 'information-disclosure',
    severity: 'high',
    title: 'XML external entities (XXE)',
    description:
      'This process parses XML (SOAP, SAML, SVG, office documents). A parser that resolves external entities or DTDs reads local files, reaches internal hosts, or exhausts memory (billion laughs).',
    mitigations: [
      fix(
        'Harden the XML parser',
        'Disable DTDs and external entity resolution in every parser instance, and limit entity expansion.',
        '1.5.1',
        'XML_External_Entity_Prevention',
      ),
      fix(
        'Prefer simpler formats',
        'Accept JSON where possible; validate XML against a local schema without fetching remote resources.',
        '1.5.3',
        'XML_Security',
      ),
    ],
    references: [cwe(611), cwe(776), capec(201)],
  },
  {
    ...base,
    id: 'injection.deserialisation',
    supersedes: ['stride.process.tampering'],
    condition: any(
      all(
        queueConsumer,
        named(['java', '.net', 'python', 'ruby', 'php', 'pickle', 'serializ', 'serialis']),
      ),
      inbound(
        any(
          oneOf('protocol', ['rmi', 'iiop', 'jms', 't3', 'java', 'pickle', 'binary', 'dcom']),
          mentions('protocol', ['serial', 'remoting', 'rmi', 'pickle', 'viewstate', 'java object']),
        ),
      ),
      named(['deserializ', 'deserialis', 'pickle', 'viewstate', 'java serial']),
    ),
    category: 'tampering',
    severity: 'critical',
    title: 'Unsafe deserialisation of untrusted data',
    description:
      'This process turns bytes from another component back into objects with a format that can name classes (Java serialisation, .NET BinaryFormatter, pickle, YAML tags). A crafted payload runs code during deserialisation.',
    mitigations: [
      fix(
        'Data-only formats',
        'Exchange plain data (JSON, protobuf) mapped onto known types; never deserialise native object graphs from outside the process.',
        '1.5.2',
        'Deserialization',
      ),
      fix(
        'Type allow-lists and signing',
        'Where native serialisation cannot be removed, allow-list the permitted classes and sign payloads so only trusted producers are accepted.',
        '1.5.2',
        '4.1.5',
      ),
    ],
    references: [cwe(502), capec(586), attack('T1190')],
  },
  {
    ...base,
    id: 'injection.path-traversal',
    condition: all(
      any(
        writesTo(fileStore),
        readsFrom(fileStore),
        writesTo(objectStore),
        named(['file', 'download', 'document', 'upload', 'attachment']),
      ),
      receivesUntrusted,
    ),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Path traversal',
    description:
      'This process reads or writes files or objects named from request input. `../` sequences, absolute paths or encoded separators reach files outside the intended directory: configuration, keys, other users’ files.',
    mitigations: [
      fix(
        'Server-generated names',
        'Store files under generated identifiers and map user-facing names to them; never pass user input to file APIs.',
        '5.3.2',
        '5.4.1',
        'File_Upload',
      ),
      fix(
        'Canonicalise and confine',
        'Resolve the canonical path and reject it unless it stays under the base directory; run with file-system rights limited to that directory.',
        '1.1.1',
        'Input_Validation',
      ),
    ],
    references: [cwe(22), capec(126), attack('T1083')],
  },
  {
    ...base,
    id: 'injection.ssrf',
    condition: all(
      serverSide,
      receivesUntrusted,
      any(
        named([
          'webhook',
          'url',
          'fetch',
          'proxy',
          'preview',
          'import',
          'callback',
          'crawler',
          'integration',
          'pdf',
        ]),
        writesTo(externalSystem),
      ),
    ),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Server-side request forgery (SSRF)',
    description:
      'This server makes outbound requests to addresses influenced by its callers (webhooks, URL previews, imports, integrations). An attacker points it at internal services or the cloud metadata endpoint and reads the answers with the server’s network position.',
    mitigations: [
      fix(
        'Allow-list destinations',
        'Resolve and check every destination against an allow-list of hosts and ports; block private, loopback and link-local ranges (169.254.169.254) after DNS resolution, and do not follow redirects.',
        '1.3.6',
        '15.3.2',
        'Server_Side_Request_Forgery_Prevention',
      ),
      fix(
        'Egress control',
        'Send outbound requests through an egress proxy or network policy that only reaches the intended external services.',
        '13.2.5',
        'Network_Segmentation',
      ),
    ],
    references: [cwe(918), capec(664), attack('T1090')],
  },
  {
    ...base,
    id: 'injection.file-upload',
    condition: all(
      receivesUntrusted,
      any(
        named(['upload', 'attachment', 'image', 'photo', 'avatar', 'document', 'media', 'import']),
        all(serverSide, writesTo(any(fileStore, objectStore))),
      ),
    ),
    category: 'tampering',
    severity: 'high',
    title: 'Malicious file upload',
    description:
      'This process accepts files from outside its zone. Executable content, polyglot images, zip bombs or oversized files lead to code execution on the server, malware served to other users, or exhausted storage.',
    mitigations: [
      fix(
        'Validate and constrain uploads',
        'Check size, type by content (not only extension) and archive expansion limits; store outside the web root under generated names and never execute uploaded files.',
        '5.2.1',
        '5.2.2',
        '5.3.1',
        'File_Upload',
      ),
      fix(
        'Scan and serve safely',
        'Scan files for malware before use, and serve them from a separate domain with `Content-Disposition: attachment` and `nosniff`.',
        '5.4.3',
        '3.4.4',
      ),
    ],
    references: [cwe(434), capec(17), attack('T1105')],
  },
  {
    ...base,
    id: 'injection.request-smuggling',
    condition: all(serverSide, readsFrom(gateway)),
    category: 'tampering',
    severity: 'high',
    title: 'HTTP request smuggling',
    description:
      'This server sits behind a proxy, load balancer or gateway. When the two disagree on where a request ends (Content-Length vs Transfer-Encoding, HTTP/2 downgrade), an attacker slips a second request past the front end’s checks or poisons other users’ responses.',
    mitigations: [
      fix(
        'One message boundary',
        'Use HTTP/2 end to end or normalise requests at the edge; reject requests with both Content-Length and Transfer-Encoding or with conflicting lengths.',
        '4.2.1',
        '4.2.2',
        '4.2.3',
      ),
      fix(
        'Do not trust proxy-only checks',
        'Enforce authentication and authorisation in the back end as well as at the gateway, and trust forwarding headers only from the known proxy.',
        '4.1.3',
        '8.3.1',
        'Microservices_Security',
      ),
    ],
    references: [cwe(444), capec(33), attack('T1190')],
  },
  {
    ...base,
    id: 'injection.log-forging',
    condition: all(writesTo(logStore), receivesUntrusted),
    category: 'repudiation',
    severity: 'medium',
    title: 'Log forging through logged input',
    description:
      'This process writes request data into a log. Line breaks and control characters in that data forge entries, hide an attack, or exploit log viewers (and log4j-style lookups).',
    mitigations: [
      fix(
        'Encode logged values',
        'Log structured events (JSON) and encode or strip CR/LF and control characters in every logged value.',
        '16.4.1',
        'Logging',
      ),
      fix(
        'Safe logging libraries',
        'Keep logging libraries patched and disable message lookups or template evaluation.',
        '15.2.1',
        'Vulnerable_Dependency_Management',
      ),
    ],
    references: [cwe(117), capec(93)],
  },
  {
    ...base,
    id: 'injection.email-header',
    condition: any(
      named(['email', 'mail', 'smtp', 'notification']),
      writesTo(named(['mail', 'smtp'])),
      inbound(oneOf('protocol', ['smtp', 'imap'])),
    ),
    category: 'tampering',
    severity: 'medium',
    title: 'Mail header or command injection',
    description:
      'This process sends e-mail built from user input. CR/LF in names, subjects or addresses add recipients and headers (spam relay, phishing from a trusted sender) or inject SMTP/IMAP commands.',
    mitigations: [
      fix(
        'Use a mail library, validate addresses',
        'Build messages with a library that encodes headers; validate addresses and reject CR/LF in every header value.',
        '1.3.11',
        'Email_Validation_and_Verification',
      ),
      fix(
        'Rate-limit outgoing mail',
        'Limit messages per user and per recipient so a flaw cannot turn the service into a spam relay.',
        '2.4.1',
        'Denial_of_Service',
      ),
    ],
    references: [cwe(93), capec(134)],
  },
  {
    ...base,
    id: 'injection.graphql-abuse',
    condition: any(
      named(['graphql']),
      inbound(any(oneOf('protocol', ['graphql']), mentions('name', ['graphql']))),
    ),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'GraphQL query abuse',
    description:
      'This process answers GraphQL. Deeply nested or aliased queries exhaust it, batching bypasses rate limits, and introspection hands attackers the whole schema.',
    mitigations: [
      fix(
        'Limit query cost',
        'Enforce depth, complexity and amount limits (or persisted queries), and count batched operations against rate limits.',
        '4.3.1',
        'GraphQL',
      ),
      fix(
        'Disable introspection in production',
        'Turn off introspection and field suggestions for public endpoints and authorise per field.',
        '4.3.2',
        '8.2.3',
      ),
    ],
    references: [cwe(770), cwe(400), owaspApi(4)],
  },
  {
    ...base,
    id: 'injection.mass-assignment',
    condition: all(apiService, any(writesTo(kind('store')), is('handlesGoodsOrServices'))),
    category: 'elevation-of-privilege',
    severity: 'medium',
    title: 'Mass assignment of protected fields',
    description:
      'This API binds request bodies onto stored objects. Extra fields (`role`, `isAdmin`, `price`, `ownerId`) in a request change attributes the caller must not control.',
    mitigations: [
      fix(
        'Explicit input models',
        'Bind requests to dedicated input types that list the writable fields per operation; never bind directly onto persistence entities.',
        '15.3.3',
        'Mass_Assignment',
      ),
      fix(
        'Field-level authorisation',
        'Check write permission per field on the server for every update.',
        '8.2.3',
        'Authorization',
      ),
    ],
    references: [cwe(915), capec(1), owaspApi(3)],
  },
  {
    ...base,
    id: 'injection.prototype-pollution',
    condition: all(
      kind('process'),
      named(['node', 'javascript', 'express', 'typescript', 'next.js', 'nestjs']),
      receivesUntrusted,
    ),
    category: 'tampering',
    severity: 'medium',
    title: 'Prototype pollution',
    description:
      'This process runs JavaScript on untrusted JSON. Keys such as `__proto__` or `constructor.prototype` merged into objects change the behaviour of every object, leading to authorisation bypass or code execution.',
    mitigations: [
      fix(
        'Safe object handling',
        'Use `Map` or `Object.create(null)` for dictionaries, reject `__proto__`/`constructor` keys in schema validation, and avoid deep-merge helpers on input.',
        '15.3.6',
        'Prototype_Pollution_Prevention',
      ),
      fix(
        'Patch dependencies',
        'Keep merge, query-string and template libraries patched and audited.',
        '15.2.1',
        'NPM_Security',
      ),
    ],
    references: [cwe(1321), capec(1)],
  },
  {
    ...base,
    id: 'injection.memory-safety',
    targets: ['process'],
    condition: any(
      nativeCode,
      named(['c/c++', 'rust unsafe', 'codec', 'parser', 'image processing', 'rtos']),
    ),
    category: 'elevation-of-privilege',
    severity: 'high',
    title: 'Memory corruption in native code',
    description:
      'This component is written in a memory-unsafe language or parses complex formats natively. Buffer overflows, use-after-free and integer overflows on crafted input give an attacker code execution.',
    mitigations: [
      fix(
        'Memory-safe code and bounds checks',
        'Write new parsers in a memory-safe language; elsewhere use bounded string and copy functions and check integer ranges on every length.',
        '1.4.1',
        '1.4.2',
        '1.4.3',
      ),
      fix(
        'Harden the build and fuzz',
        'Compile with stack protectors, FORTIFY_SOURCE, PIE/ASLR and CFI, and fuzz every input parser continuously.',
        '15.2.5',
        'C-Based_Toolchain_Hardening',
      ),
    ],
    references: [cwe(787), cwe(119), capec(100), attack('T1203')],
  },
  {
    ...base,
    id: 'injection.cache-poisoning',
    condition: all(
      serverSide,
      any(writesTo(cacheStore), readsFrom(all(kind('process'), tech('cdn', 'reverse-proxy')))),
    ),
    category: 'tampering',
    severity: 'medium',
    title: 'Cache poisoning or sensitive data cached',
    description:
      'Responses or objects of this service are cached. Unkeyed headers poison entries served to other users, and per-user data cached under a shared key leaks to the next caller.',
    mitigations: [
      fix(
        'Key and mark cached responses',
        'Include every input that changes a response in the cache key, strip unkeyed headers at the edge, and send `Cache-Control: no-store` on personal responses.',
        '14.2.2',
        '14.2.5',
        '14.3.2',
      ),
      fix(
        'Validate cached content',
        'Cache only responses with the expected content type and status, and treat cached data as untrusted input when read back.',
        '14.2.5',
        'Input_Validation',
      ),
    ],
    references: [cwe(349), cwe(524), capec(141)],
  },
  {
    ...base,
    id: 'injection.input-validation',
    condition: all(
      serverSide,
      receivesUntrusted,
      not(any(writesTo(sqlStore), writesTo(nosqlStore), readsFrom(sqlStore))),
    ),
    supersedes: ['stride.process.tampering'],
    category: 'tampering',
    severity: 'medium',
    title: 'Untrusted input not validated at the service boundary',
    description:
      'This service takes requests from outside its zone. Without schema validation at the entry point, malformed or oversized input reaches business logic and downstream interpreters.',
    mitigations: [
      fix(
        'Schema validation at the edge',
        'Validate every request against a strict schema (types, ranges, lengths, allow-listed values) in a trusted layer, and reject unknown fields.',
        '2.2.1',
        '2.2.2',
        'Input_Validation',
      ),
      fix(
        'Bound request sizes',
        'Limit body size, array lengths and nesting depth before parsing.',
        '5.2.1',
        'Denial_of_Service',
      ),
    ],
    references: [cwe(20), capec(153)],
  },
];
