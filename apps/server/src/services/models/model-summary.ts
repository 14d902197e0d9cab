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

/**
 * A model row as the list, one model or a new model reads it. Raw queries hand `seq` back as a
 * bigint on some drivers and timestamps as text on PGlite, so both are taken as they come.
 */
export interface ModelRow {
  id: string;
  title: string;
  seq: number | bigint;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export function toSummary(m: ModelRow, role: Role): ModelSummary {
  return {
    id: m.id,
    title: m.title,
    role,
    seq: Number(m.seq),
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
    threats: { open: emptyCounts(), mitigated: emptyCounts() },
  };
}
