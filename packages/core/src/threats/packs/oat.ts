import { named, vaultStore, webServer } from './context';
import type { RuleInput } from '../rule';
import {
  all,
  capec,
  cwe,
  inbound,
  is,
  mentions,
  not,
  fix,
  oat,
  outbound,
  any,
  source,
  target,
} from './dsl';

const base = { pack: 'oat', methodology: 'stride' } as const;

const publicInbound = inbound(is('isPublicNetwork'));
/** Goods sold in limited numbers, the target of scalpers. */
const limitedGoods = named([
  'ticket',
  'seat',
  'booking',
  'reservation',
  'limited',
  'drop',
  'concert',
  'event',
  'slot',
]);
/** Bidding with a deadline, the target of snipers. */
const auction = named(['auction', 'bidding', 'bids']);
const antiAutomation = fix(
  'Defend against automation',
  'Detect and slow automated use: rate limits per account, device and IP, bot detection, and monitoring of unusual request patterns (OWASP OAT countermeasures).',
  '2.4.1',
  'Bot_Management_and_Anti-Automation',
);

/**
 * OWASP Automated Threats to Web Applications (OAT-001 … OAT-021), placed by
 * context as Threat Dragon does, but narrowed to reduce noise (see docs/threat-engine.md).
 */
export const OAT_RULES: RuleInput[] = [
  {
    ...base,
    id: 'oat.OAT-001.carding',
    targets: ['process'],
    condition: is('handlesCardPayment'),
    category: 'spoofing',
    severity: 'high',
    title: 'Carding',
    description:
      'OAT-001: lists of stolen card data are tested against the payment process to find which cards are valid.',
    mitigations: [
      fix(
        'Throttle payment attempts',
        'Limit payment attempts per account, card, device and IP; require 3-D Secure; alert on bursts of declines.',
        '2.4.1',
        'Bot_Management_and_Anti-Automation',
      ),
      antiAutomation,
    ],
    references: [oat(1), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-002.token-cracking',
    targets: ['store'],
    condition: is('storesInventory'),
    category: 'tampering',
    severity: 'medium',
    title: 'Token (coupon) cracking',
    description:
      'OAT-002: coupon, voucher and discount codes are enumerated until valid ones are found.',
    mitigations: [
      fix(
        'Make codes unguessable',
        'Issue long random codes, limit redemption attempts, and bind codes to accounts.',
        '11.5.1',
        '6.5.4',
      ),
      antiAutomation,
    ],
    references: [oat(2), cwe(330), capec(112)],
  },
  {
    ...base,
    id: 'oat.OAT-003.ad-fraud',
    targets: ['process'],
    condition: any(
      mentions('name', ['advert', 'ad server', 'ad network', 'affiliate']),
      mentions('description', ['advert', 'ad server', 'ad network', 'affiliate']),
    ),
    category: 'repudiation',
    severity: 'low',
    title: 'Ad fraud',
    description:
      'OAT-003: fake impressions and clicks are generated against advertising or affiliate links for payment.',
    mitigations: [
      fix(
        'Validate ad traffic',
        'Filter invalid traffic, verify impressions server-side and reconcile with an independent measurement service.',
        '2.4.1',
        'Bot_Management_and_Anti-Automation',
      ),
      fix(
        'Reconcile with partners',
        'Reconcile impression and click counts with partners and hold payouts for anomalies.',
        '2.3.2',
        'Business_Logic_Security',
      ),
    ],
    references: [oat(3), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-004.fingerprinting',
    targets: ['flow'],
    condition: is('isPublicNetwork'),
    category: 'information-disclosure',
    severity: 'low',
    title: 'Fingerprinting',
    description:
      'OAT-004: requests are sent over the public network to elicit version and platform details and profile the application.',
    mitigations: [
      fix(
        'Reveal little',
        'Remove version banners and stack details from headers, errors and default pages.',
        '13.4.6',
        '13.4.4',
      ),
      fix(
        'Remove identifying headers',
        'Strip Server and X-Powered-By headers and default error pages.',
        '13.4.2',
        'HTTP_Headers',
      ),
    ],
    references: [oat(4), capec(224)],
  },
  {
    ...base,
    id: 'oat.OAT-005.scalping',
    targets: ['process'],
    condition: all(is('handlesGoodsOrServices'), limitedGoods),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Scalping',
    description:
      'OAT-005: limited goods or services are bought in bulk by automation faster than any person could, to be resold.',
    mitigations: [
      fix(
        'Enforce fair use',
        'Limit purchases per customer, queue high-demand sales, and require proof of a real buyer.',
        '2.3.2',
        'Business_Logic_Security',
      ),
      antiAutomation,
    ],
    references: [oat(5), cwe(837)],
  },
  {
    ...base,
    id: 'oat.OAT-006.expediting',
    targets: ['process'],
    condition: is('handlesGoodsOrServices'),
    category: 'tampering',
    severity: 'low',
    title: 'Expediting',
    description:
      'OAT-006: automation rushes through multi-step processes faster than intended, skipping the steps that ensure fairness.',
    mitigations: [
      fix(
        'Enforce the workflow',
        'Check server-side that each step happened in order and with plausible timing.',
        '2.3.1',
        'Business_Logic_Security',
      ),
      antiAutomation,
    ],
    references: [oat(6), cwe(841)],
  },
  {
    ...base,
    id: 'oat.OAT-007.credential-cracking',
    targets: ['store'],
    condition: all(is('storesCredentials'), not(vaultStore)),
    category: 'spoofing',
    severity: 'high',
    title: 'Credential cracking',
    description:
      'OAT-007: brute-force, dictionary and guessing attacks against the login identify valid credentials held in this store.',
    mitigations: [
      fix(
        'Limit guessing',
        'Throttle and progressively delay failed logins, block common passwords, and offer multi-factor authentication.',
        '6.3.1',
        'Credential_Stuffing_Prevention',
      ),
      antiAutomation,
    ],
    references: [oat(7), cwe(307), capec(49)],
  },
  {
    ...base,
    id: 'oat.OAT-008.credential-stuffing',
    targets: ['actor'],
    condition: is('providesAuthentication'),
    category: 'spoofing',
    severity: 'high',
    title: 'Credential stuffing',
    description:
      "OAT-008: username and password pairs leaked from other sites are tried against this actor's login, exploiting password reuse.",
    mitigations: [
      fix(
        'Multi-factor authentication',
        'Offer or require MFA, check passwords against breach corpora, and detect many-account login failures from one source.',
        '6.3.3',
        'Multifactor_Authentication',
      ),
      antiAutomation,
    ],
    references: [oat(8), cwe(307), capec(600)],
  },
  {
    ...base,
    id: 'oat.OAT-009.captcha-defeat',
    targets: ['actor'],
    condition: is('providesAuthentication'),
    category: 'spoofing',
    severity: 'low',
    title: 'CAPTCHA defeat',
    description:
      'OAT-009: CAPTCHA challenges protecting sign-in are solved by software or farmed-out human solvers.',
    mitigations: [
      fix(
        'Do not rely on CAPTCHA alone',
        'Combine challenges with rate limits and behavioural signals; rotate challenge types.',
        '2.4.1',
        'Bot_Management_and_Anti-Automation',
      ),
      fix(
        'Rate-limit behind the challenge',
        'Limit attempts per account and source whether or not the challenge was solved.',
        '6.3.1',
        'Credential_Stuffing_Prevention',
      ),
    ],
    references: [oat(9), cwe(804)],
  },
  {
    ...base,
    id: 'oat.OAT-010.card-cracking',
    targets: ['process'],
    condition: is('handlesCardPayment'),
    category: 'information-disclosure',
    severity: 'high',
    title: 'Card cracking',
    description:
      'OAT-010: missing start dates, expiry dates and security codes of stolen card numbers are brute-forced through the payment process.',
    mitigations: [
      fix(
        'Limit card attempts',
        'Cap attempts per card number across accounts and sessions, and alert on sequential variations.',
        '2.4.1',
        'Third_Party_Payment_Gateway_Integration',
      ),
      antiAutomation,
    ],
    references: [oat(10), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-011.scraping',
    targets: ['store'],
    condition: outbound(target(webServer)),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Scraping',
    description:
      'OAT-011: data this store serves through a web application is harvested in bulk by automated requests.',
    mitigations: [
      fix(
        'Limit bulk access',
        'Require authentication for valuable data, paginate and rate-limit, and detect harvesting patterns.',
        '2.4.1',
        '15.3.1',
      ),
      antiAutomation,
    ],
    references: [oat(11), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-012.cashing-out',
    targets: ['process'],
    condition: is('handlesCardPayment'),
    category: 'repudiation',
    severity: 'high',
    title: 'Cashing out',
    description:
      'OAT-012: stolen but validated cards or accounts are used to buy goods or move money, and the fraud is disputed later.',
    mitigations: [
      fix(
        'Detect fraud',
        'Score transactions for fraud, hold risky orders for review, and keep evidence for charge-back disputes.',
        '2.3.5',
        'Business_Logic_Security',
      ),
      fix(
        'Step-up for payouts',
        'Require re-authentication and delay for new payout destinations.',
        '7.5.3',
        '6.3.7',
      ),
    ],
    references: [oat(12), cwe(840)],
  },
  {
    ...base,
    id: 'oat.OAT-013.sniping',
    targets: ['process'],
    condition: all(is('handlesGoodsOrServices'), auction),
    category: 'tampering',
    severity: 'low',
    title: 'Sniping',
    description:
      'OAT-013: automation acts at the last possible moment (auctions, timed offers), exploiting system latency to win.',
    mitigations: [
      fix(
        'Remove the timing edge',
        'Extend deadlines on late activity and process time-critical actions in a fair queue.',
        '2.3.1',
        'Business_Logic_Security',
      ),
      antiAutomation,
    ],
    references: [oat(13), capec(26)],
  },
  {
    ...base,
    id: 'oat.OAT-014.vulnerability-scanning',
    supersedes: ['oat.OAT-018.footprinting'],
    targets: ['process'],
    condition: all(webServer, publicInbound),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Vulnerability scanning',
    description:
      'OAT-014: the public web application is systematically probed for known weaknesses and misconfigurations.',
    mitigations: [
      fix(
        'Scan yourself first',
        'Patch promptly, run your own scans, and block or slow clients that probe for many vulnerabilities.',
        '15.1.1',
        'Vulnerable_Dependency_Management',
      ),
      fix(
        'Detect and slow scanners',
        'Rate-limit and alert on scanner patterns at the edge.',
        '2.4.1',
        'Virtual_Patching',
      ),
    ],
    references: [oat(14), capec(310)],
  },
  {
    ...base,
    id: 'oat.OAT-015.denial-of-service',
    supersedes: ['stride.process.denial-of-service'],
    targets: ['process'],
    condition: all(webServer, publicInbound),
    category: 'denial-of-service',
    severity: 'high',
    title: 'Automated denial of service',
    description:
      "OAT-015: automated requests that look legitimate exhaust the public web application's resources.",
    mitigations: [
      fix(
        'Absorb and shed load',
        'Use a CDN or DDoS protection, cache heavy pages, and shed load gracefully under pressure.',
        '2.4.1',
        'Denial_of_Service',
      ),
      antiAutomation,
    ],
    references: [oat(15), cwe(400), capec(469)],
  },
  {
    ...base,
    id: 'oat.OAT-016.skewing',
    targets: ['process'],
    condition: all(
      webServer,
      any(
        mentions('name', [
          'vote',
          'rating',
          'review',
          'poll',
          'like',
          'click',
          'metric',
          'analytics',
          'counter',
        ]),
        mentions('description', [
          'vote',
          'rating',
          'review',
          'poll',
          'like',
          'click',
          'metric',
          'analytics',
          'counter',
        ]),
      ),
    ),
    category: 'tampering',
    severity: 'medium',
    title: 'Skewing',
    description:
      'OAT-016: repeated automated clicks, votes or submissions distort the counts and metrics this application collects.',
    mitigations: [
      fix(
        'Count unique actions',
        'Enforce one action per verified user, and discount anomalous bursts in metrics.',
        '2.4.1',
        'Business_Logic_Security',
      ),
      antiAutomation,
    ],
    references: [oat(16), cwe(837)],
  },
  {
    ...base,
    id: 'oat.OAT-017.spamming',
    targets: ['store'],
    condition: inbound(source(webServer)),
    category: 'tampering',
    severity: 'medium',
    title: 'Spamming',
    description:
      'OAT-017: content submitted through the web application (comments, messages, profiles) is filled with spam, malware or tracking code and stored here.',
    mitigations: [
      fix(
        'Filter submitted content',
        'Sanitise and scan user content, moderate new accounts, and limit posting frequency.',
        '1.3.1',
        'Input_Validation',
      ),
      antiAutomation,
    ],
    references: [oat(17), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-018.footprinting',
    targets: ['process'],
    condition: webServer,
    category: 'information-disclosure',
    severity: 'low',
    title: 'Footprinting',
    description:
      'OAT-018: the web application is crawled and probed to learn its composition, configuration and security mechanisms.',
    mitigations: [
      fix(
        'Minimise exposed surface',
        'Disable unused endpoints and services, and strip identifying details from responses.',
        '13.4.5',
        '15.2.3',
      ),
      fix(
        'Hide internals',
        'Disable directory listings, source maps and API documentation not meant for the public.',
        '13.4.3',
        '13.4.1',
      ),
    ],
    references: [oat(18), capec(169)],
  },
  {
    ...base,
    id: 'oat.OAT-019.account-creation',
    targets: ['store'],
    condition: all(is('storesCredentials'), not(vaultStore)),
    category: 'spoofing',
    severity: 'medium',
    title: 'Account creation',
    description:
      'OAT-019: accounts are created in bulk through sign-up, to be used later for spam, fraud or abuse of free offers.',
    mitigations: [
      fix(
        'Slow sign-up abuse',
        'Verify email or phone, limit sign-ups per source, and watch for clusters of similar accounts.',
        '2.4.1',
        'Bot_Management_and_Anti-Automation',
      ),
      antiAutomation,
    ],
    references: [oat(19), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-020.account-aggregation',
    targets: ['actor'],
    condition: is('providesAuthentication'),
    category: 'information-disclosure',
    severity: 'low',
    title: 'Account aggregation',
    description:
      "OAT-020: third-party aggregators log in with users' credentials and copy their data out of many accounts.",
    mitigations: [
      fix(
        'Offer delegated access',
        'Provide an OAuth-scoped API for aggregators and detect screen-scraping logins.',
        '10.7.1',
        'OAuth2',
      ),
      fix(
        'Detect aggregator logins',
        'Rate-limit and flag automated logins from aggregator infrastructure.',
        '6.3.1',
        'Credential_Stuffing_Prevention',
      ),
    ],
    references: [oat(20), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-021.denial-of-inventory',
    targets: ['store'],
    condition: is('storesInventory'),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Denial of inventory',
    description:
      'OAT-021: items are put in baskets or reserved in bulk and never bought, so real customers cannot get them.',
    mitigations: [
      fix(
        'Expire holds',
        'Limit and time-box reservations per customer, and release abandoned holds quickly.',
        '2.3.4',
        'Business_Logic_Security',
      ),
      antiAutomation,
    ],
    references: [oat(21), cwe(770)],
  },
];
