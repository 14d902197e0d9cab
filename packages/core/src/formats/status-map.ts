import type { ThreatStatus } from '../model/keys';

/**
 * The one status table every importer and exporter uses (DESIGN.md "Status
 * mapping"). `td` and `otm` are what Threatloom writes; `aliases` are further
 * spellings it accepts on import (case and punctuation are ignored).
 */
export interface StatusMapping {
  key: ThreatStatus;
  td: string;
  tmt: string | null;
  threagile: string | null;
  otm: string;
  threatComposer: string | null;
  aliases: readonly string[];
}

export const STATUS_MAP: readonly StatusMapping[] = [
  {
    key: 'open',
    td: 'Open',
    tmt: 'Not Started',
    threagile: 'unchecked',
    otm: 'exposed',
    threatComposer: 'threatIdentified',
    aliases: ['Needs Investigation', 'in-discussion', 'in-progress', 'open'],
  },
  {
    key: 'mitigated',
    td: 'Mitigated',
    tmt: 'Mitigated',
    threagile: 'mitigated',
    otm: 'mitigated',
    threatComposer: 'threatResolved',
    aliases: [],
  },
  {
    key: 'not-applicable',
    td: 'NotApplicable',
    tmt: 'Not Applicable',
    threagile: 'false-positive',
    otm: 'not-applicable',
    threatComposer: 'threatResolvedNotUseful',
    aliases: ['N/A', 'NA'],
  },
  {
    key: 'accepted',
    td: 'Accepted',
    tmt: null,
    threagile: 'accepted',
    otm: 'accepted',
    threatComposer: null,
    aliases: [],
  },
  {
    key: 'transferred',
    td: 'Transferred',
    tmt: null,
    threagile: null,
    otm: 'transferred',
    threatComposer: null,
    aliases: [],
  },
  {
    key: 'avoided',
    td: 'Avoided',
    tmt: null,
    threagile: null,
    otm: 'avoided',
    threatComposer: null,
    aliases: [],
  },
  {
    key: 'eliminated',
    td: 'Eliminated',
    tmt: null,
    threagile: null,
    otm: 'eliminated',
    threatComposer: null,
    aliases: [],
  },
];

/** Lower-case, letters and digits only: "Not Applicable", "not-applicable" and "NotApplicable" meet. */
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const BY_SPELLING = new Map<string, ThreatStatus>();
for (const row of STATUS_MAP) {
  for (const s of [
    row.key,
    row.td,
    row.tmt,
    row.threagile,
    row.otm,
    row.threatComposer,
    ...row.aliases,
  ]) {
    if (s !== null && !BY_SPELLING.has(norm(s))) BY_SPELLING.set(norm(s), row.key);
  }
}

/** The status key for a status written by any tool in the table, or undefined when unknown. */
export function parseThreatStatus(text: string): ThreatStatus | undefined {
  return BY_SPELLING.get(norm(text));
}

const BY_KEY = new Map(STATUS_MAP.map((row) => [row.key, row]));

/** Threat Dragon's spelling of a status. */
export function threatDragonStatus(key: ThreatStatus): string {
  return BY_KEY.get(key)!.td;
}

/** OTM's (free-text) spelling of a status. */
export function otmStatus(key: ThreatStatus): string {
  return BY_KEY.get(key)!.otm;
}
