import type {
  ElementKind,
  Methodology,
  MitigationStatus,
  ReviewState,
  Severity,
  ThreatStatus,
} from './keys';
import type { Reference } from './records';

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

/** How each reference kind is named in front of its id. */
export const REFERENCE_KIND_LABELS: Record<Reference['kind'], string> = {
  cwe: 'CWE',
  capec: 'CAPEC',
  oat: 'OAT',
  owasp: 'OWASP',
  linddun: 'LINDDUN',
  plot4ai: 'PLOT4ai',
  atlas: 'ATLAS',
  url: 'URL',
};

/**
 * A reference as people cite it, its kind named once: `CWE-778` (the id
 * already says CWE), `CWE-778` for a bare `778`, `LINDDUN U`, `OWASP ML01:2023`;
 * a URL reference is its address.
 */
export function referenceLabel(ref: Reference): string {
  if (ref.kind === 'url') return ref.url || ref.id;
  const kind = REFERENCE_KIND_LABELS[ref.kind];
  const id = ref.id.trim();
  if (id.toUpperCase().startsWith(kind.toUpperCase())) return id;
  // Catalogues numbered like CWE-778 get their hyphen back when a source gave the bare number.
  if (/^\d+$/.test(id) && ['cwe', 'capec', 'oat'].includes(ref.kind)) return `${kind}-${id}`;
  return `${kind} ${id}`;
}

/** "1 diagram", "2 diagrams", "0 threats": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
