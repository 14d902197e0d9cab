import type { RuleInput } from '../rule';
import {
  all,
  capec,
  cwe,
  inbound,
  is,
  kind,
  mentions,
  mitigation as m,
  oat,
  outbound,
  any,
  source,
  target,
} from './dsl';

const base = { pack: 'oat', methodology: 'stride' } as const;

const publicInbound = inbound(is('isPublicNetwork'));
const antiAutomation = m(
  'Defend against automation',
  'Detect and slow automated use: rate limits per account, device and IP, bot detection, and monitoring of unusual request patterns (OWASP OAT countermeasures).',
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
      m(
        'Throttle payment attempts',
        'Limit payment attempts per account, card, device and IP; require 3-D Secure; alert on bursts of declines.',
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
      m(
        'Make codes unguessable',
        'Issue long random codes, limit redemption attempts, and bind codes to accounts.',
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
      m(
        'Validate ad traffic',
        'Filter invalid traffic, verify impressions server-side and reconcile with an independent measurement service.',
      ),
    ],
    references: [oat(3)],
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
      m(
        'Reveal little',
        'Remove version banners and stack details from headers, errors and default pages.',
      ),
    ],
    references: [oat(4), capec(224)],
  },
  {
    ...base,
    id: 'oat.OAT-005.scalping',
    targets: ['process'],
    condition: is('handlesGoodsOrServices'),
    category: 'denial-of-service',
    severity: 'medium',
    title: 'Scalping',
    description:
      'OAT-005: limited goods or services are bought in bulk by automation faster than any person could, to be resold.',
    mitigations: [
      m(
        'Enforce fair use',
        'Limit purchases per customer, queue high-demand sales, and require proof of a real buyer.',
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
      m(
        'Enforce the workflow',
        'Check server-side that each step happened in order and with plausible timing.',
      ),
      antiAutomation,
    ],
    references: [oat(6), cwe(841)],
  },
  {
    ...base,
    id: 'oat.OAT-007.credential-cracking',
    targets: ['store'],
    condition: is('storesCredentials'),
    category: 'spoofing',
    severity: 'high',
    title: 'Credential cracking',
    description:
      'OAT-007: brute-force, dictionary and guessing attacks against the login identify valid credentials held in this store.',
    mitigations: [
      m(
        'Limit guessing',
        'Throttle and progressively delay failed logins, block common passwords, and offer multi-factor authentication.',
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
      m(
        'Multi-factor authentication',
        'Offer or require MFA, check passwords against breach corpora, and detect many-account login failures from one source.',
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
      m(
        'Do not rely on CAPTCHA alone',
        'Combine challenges with rate limits and behavioural signals; rotate challenge types.',
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
      m(
        'Limit card attempts',
        'Cap attempts per card number across accounts and sessions, and alert on sequential variations.',
      ),
      antiAutomation,
    ],
    references: [oat(10), cwe(799)],
  },
  {
    ...base,
    id: 'oat.OAT-011.scraping',
    targets: ['store'],
    condition: outbound(target(is('isWebApplication'))),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Scraping',
    description:
      'OAT-011: data this store serves through a web application is harvested in bulk by automated requests.',
    mitigations: [
      m(
        'Limit bulk access',
        'Require authentication for valuable data, paginate and rate-limit, and detect harvesting patterns.',
      ),
      antiAutomation,
    ],
    references: [oat(11)],
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
      m(
        'Detect fraud',
        'Score transactions for fraud, hold risky orders for review, and keep evidence for charge-back disputes.',
      ),
    ],
    references: [oat(12)],
  },
  {
    ...base,
    id: 'oat.OAT-013.sniping',
    targets: ['process'],
    condition: is('handlesGoodsOrServices'),
    category: 'tampering',
    severity: 'low',
    title: 'Sniping',
    description:
      'OAT-013: automation acts at the last possible moment (auctions, timed offers), exploiting system latency to win.',
    mitigations: [
      m(
        'Remove the timing edge',
        'Extend deadlines on late activity and process time-critical actions in a fair queue.',
      ),
      antiAutomation,
    ],
    references: [oat(13), capec(26)],
  },
  {
    ...base,
    id: 'oat.OAT-014.vulnerability-scanning',
    targets: ['process'],
    condition: all(is('isWebApplication'), publicInbound),
    category: 'information-disclosure',
    severity: 'medium',
    title: 'Vulnerability scanning',
    description:
      'OAT-014: the public web application is systematically probed for known weaknesses and misconfigurations.',
    mitigations: [
      m(
        'Scan yourself first',
        'Patch promptly, run your own scans, and block or slow clients that probe for many vulnerabilities.',
      ),
    ],
    references: [oat(14), capec(310)],
  },
  {
    ...base,
    id: 'oat.OAT-015.denial-of-service',
    supersedes: ['stride.process.denial-of-service'],
    targets: ['process'],
    condition: all(is('isWebApplication'), publicInbound),
    category: 'denial-of-service',
    severity: 'high',
    title: 'Automated denial of service',
    description:
      "OAT-015: automated requests that look legitimate exhaust the public web application's resources.",
    mitigations: [
      m(
        'Absorb and shed load',
        'Use a CDN or DDoS protection, cache heavy pages, and shed load gracefully under pressure.',
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
      is('isWebApplication'),
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
      m(
        'Count unique actions',
        'Enforce one action per verified user, and discount anomalous bursts in metrics.',
      ),
      antiAutomation,
    ],
    references: [oat(16), cwe(837)],
  },
  {
    ...base,
    id: 'oat.OAT-017.spamming',
    targets: ['store'],
    condition: inbound(source(all(kind('process'), is('isWebApplication')))),
    category: 'tampering',
    severity: 'medium',
    title: 'Spamming',
    description:
      'OAT-017: content submitted through the web application (comments, messages, profiles) is filled with spam, malware or tracking code and stored here.',
    mitigations: [
      m(
        'Filter submitted content',
        'Sanitise and scan user content, moderate new accounts, and limit posting frequency.',
      ),
      antiAutomation,
    ],
    references: [oat(17)],
  },
  {
    ...base,
    id: 'oat.OAT-018.footprinting',
    targets: ['process'],
    condition: is('isWebApplication'),
    category: 'information-disclosure',
    severity: 'low',
    title: 'Footprinting',
    description:
      'OAT-018: the web application is crawled and probed to learn its composition, configuration and security mechanisms.',
    mitigations: [
      m(
        'Minimise exposed surface',
        'Disable unused endpoints and services, and strip identifying details from responses.',
      ),
    ],
    references: [oat(18), capec(169)],
  },
  {
    ...base,
    id: 'oat.OAT-019.account-creation',
    targets: ['store'],
    condition: is('storesCredentials'),
    category: 'spoofing',
    severity: 'medium',
    title: 'Account creation',
    description:
      'OAT-019: accounts are created in bulk through sign-up, to be used later for spam, fraud or abuse of free offers.',
    mitigations: [
      m(
        'Slow sign-up abuse',
        'Verify email or phone, limit sign-ups per source, and watch for clusters of similar accounts.',
      ),
      antiAutomation,
    ],
    references: [oat(19)],
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
      m(
        'Offer delegated access',
        'Provide an OAuth-scoped API for aggregators and detect screen-scraping logins.',
      ),
    ],
    references: [oat(20)],
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
      m(
        'Expire holds',
        'Limit and time-box reservations per customer, and release abandoned holds quickly.',
      ),
      antiAutomation,
    ],
    references: [oat(21), cwe(770)],
  },
];
