import { SEVERITIES, type Role, type Severity } from '@threatloom/core';

export type SeverityCounts = Record<Severity, number> & { total: number };

/** What the model list shows per model. */
export interface ModelSummary {
  id: string;
  title: string;
  role: Role;
  seq: number;
  createdAt: string;
  updatedAt: string;
  threats: { open: SeverityCounts; mitigated: SeverityCounts };
}

export function emptyCounts(): SeverityCounts {
  return Object.fromEntries([...SEVERITIES.map((s) => [s, 0]), ['total', 0]]) as SeverityCounts;
}

export function toSummary(
  m: { id: string; title: string; seq: number; createdAt: Date; updatedAt: Date },
  role: Role,
): ModelSummary {
  return {
    id: m.id,
    title: m.title,
    role,
    seq: m.seq,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    threats: { open: emptyCounts(), mitigated: emptyCounts() },
  };
}
