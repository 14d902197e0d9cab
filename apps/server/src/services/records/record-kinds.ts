import { ELEMENT_KINDS } from '@threatloom/core';

/** The record collections exposed under /api/models/:id/<kind>, and the typeNames each holds. */
export const RECORD_KINDS = {
  diagrams: ['diagram'],
  elements: [...ELEMENT_KINDS],
  threats: ['threat'],
  mitigations: ['mitigation'],
  comments: ['comment'],
} as const satisfies Record<string, readonly string[]>;
export type RecordKind = keyof typeof RECORD_KINDS;
