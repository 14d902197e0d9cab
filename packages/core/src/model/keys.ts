import { z } from 'zod';

/**
 * Stable keys. Display text is a lookup (see `labels.ts`), never stored, so a
 * model exported in one UI language imports unchanged in another.
 */

export const METHODOLOGIES = ['stride', 'linddun', 'cia', 'die', 'plot4ai', 'generic'] as const;
export const ZMethodology = z.enum(METHODOLOGIES);
export type Methodology = z.infer<typeof ZMethodology>;

/** Threat categories per methodology (the diagram's methodology decides which apply). */
export const CATEGORIES = {
  stride: [
    'spoofing',
    'tampering',
    'repudiation',
    'information-disclosure',
    'denial-of-service',
    'elevation-of-privilege',
  ],
  linddun: [
    'linking',
    'identifying',
    'non-repudiation',
    'detecting',
    'data-disclosure',
    'unawareness',
    'non-compliance',
  ],
  cia: ['confidentiality', 'integrity', 'availability'],
  die: ['distributed', 'immutable', 'ephemeral'],
  plot4ai: [
    'technique-processes',
    'accessibility',
    'identifiability-linkability',
    'security',
    'safety',
    'unawareness',
    'ethics-human-rights',
    'non-compliance',
  ],
} as const satisfies Record<Exclude<Methodology, 'generic'>, readonly string[]>;

/** Every category key of every methodology; a `generic` diagram may use any of them. */
export const ALL_CATEGORIES = [...new Set(Object.values(CATEGORIES).flat())] as readonly string[];
export const ZCategory = z
  .string()
  .refine((c) => ALL_CATEGORIES.includes(c), { message: 'unknown threat category' });
export type Category = string;

/** Categories a diagram of the given methodology may hold. */
export function categoriesFor(methodology: Methodology): readonly string[] {
  return methodology === 'generic' ? ALL_CATEGORIES : CATEGORIES[methodology];
}

export const THREAT_STATUSES = [
  'open',
  'mitigated',
  'not-applicable',
  'accepted',
  'transferred',
  'avoided',
  'eliminated',
] as const;
export const ZThreatStatus = z.enum(THREAT_STATUSES);
export type ThreatStatus = z.infer<typeof ZThreatStatus>;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'tbd'] as const;
export const ZSeverity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof ZSeverity>;

export const MITIGATION_STATUSES = ['proposed', 'in-progress', 'done'] as const;
export const ZMitigationStatus = z.enum(MITIGATION_STATUSES);
export type MitigationStatus = z.infer<typeof ZMitigationStatus>;

export const REVIEW_STATES = ['draft', 'in-review', 'approved'] as const;
export const ZReviewState = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ZReviewState>;

export const ELEMENT_KINDS = [
  'actor',
  'process',
  'store',
  'flow',
  'boundary',
  'boundary-line',
  'note',
] as const;
export const ZElementKind = z.enum(ELEMENT_KINDS);
export type ElementKind = z.infer<typeof ZElementKind>;

export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;
