import type {
  ElementKind,
  Methodology,
  MitigationStatus,
  ReviewState,
  Severity,
  ThreatStatus,
} from './keys';

/** English display text for stable keys. UIs and reports look text up here; nothing stores it. */
export const CATEGORY_LABELS: Record<string, string> = {
  spoofing: 'Spoofing',
  tampering: 'Tampering',
  repudiation: 'Repudiation',
  'information-disclosure': 'Information disclosure',
  'denial-of-service': 'Denial of service',
  'elevation-of-privilege': 'Elevation of privilege',
  linking: 'Linking',
  identifying: 'Identifying',
  'non-repudiation': 'Non-repudiation',
  detecting: 'Detecting',
  'data-disclosure': 'Data disclosure',
  unawareness: 'Unawareness',
  'non-compliance': 'Non-compliance',
  confidentiality: 'Confidentiality',
  integrity: 'Integrity',
  availability: 'Availability',
  distributed: 'Distributed',
  immutable: 'Immutable',
  ephemeral: 'Ephemeral',
  'technique-processes': 'Technique & Processes',
  accessibility: 'Accessibility',
  'identifiability-linkability': 'Identifiability & Linkability',
  security: 'Security',
  safety: 'Safety',
  'ethics-human-rights': 'Ethics & Human Rights',
};

export const METHODOLOGY_LABELS: Record<Methodology, string> = {
  stride: 'STRIDE',
  linddun: 'LINDDUN',
  cia: 'CIA',
  die: 'DIE',
  plot4ai: 'PLOT4ai',
  generic: 'Generic',
};

export const STATUS_LABELS: Record<ThreatStatus, string> = {
  open: 'Open',
  mitigated: 'Mitigated',
  'not-applicable': 'Not applicable',
  accepted: 'Accepted',
  transferred: 'Transferred',
  avoided: 'Avoided',
  eliminated: 'Eliminated',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  tbd: 'TBD',
};

export const MITIGATION_STATUS_LABELS: Record<MitigationStatus, string> = {
  proposed: 'Proposed',
  'in-progress': 'In progress',
  done: 'Done',
};

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
};

export const ELEMENT_KIND_LABELS: Record<ElementKind, string> = {
  actor: 'Actor',
  process: 'Process',
  store: 'Store',
  flow: 'Data flow',
  boundary: 'Trust boundary',
  'boundary-line': 'Trust boundary line',
  note: 'Note',
};

/** Label for a category key, falling back to the key itself. */
export function categoryLabel(key: string): string {
  return CATEGORY_LABELS[key] ?? key;
}
