import type { Mitigation, ModelRecord, Threat } from './records';

/** What a new threat must be given; every other field has its default. */
export type NewThreatFields = Pick<Threat, 'id' | 'diagramId' | 'elementId' | 'category'> &
  Partial<Omit<Threat, 'typeName' | 'id' | 'diagramId' | 'elementId' | 'category'>>;

/**
 * The one place a threat record is built (merge, library apply, manual add,
 * importers): the given fields over the schema's defaults, so a field added to
 * `ZThreat` is added here once and every producer gets it. It does not
 * validate; ops are validated where they are committed.
 */
export function newThreat(fields: NewThreatFields): Threat {
  return {
    typeName: 'threat',
    number: 0,
    title: '',
    status: 'open',
    severity: 'tbd',
    score: '',
    description: '',
    ruleId: null,
    ruleKey: null,
    libraryEntryId: null,
    references: [],
    ...fields,
  };
}

/** What a new mitigation must be given; every other field has its default. */
export type NewMitigationFields = Pick<Mitigation, 'id' | 'threatId'> &
  Partial<Omit<Mitigation, 'typeName' | 'id' | 'threatId'>>;

/** The one place a mitigation record is built, like `newThreat`. */
export function newMitigation(fields: NewMitigationFields): Mitigation {
  return {
    typeName: 'mitigation',
    title: '',
    description: '',
    status: 'proposed',
    owner: '',
    ...fields,
  };
}

/**
 * The number the next new threat of a model gets: one more than the highest.
 * Numbers are only unique when this is read and the threat written under the
 * model's lock (the server's `commitOps` plan function).
 */
export function nextThreatNumber(records: Iterable<ModelRecord>): number {
  let top = 0;
  for (const r of records) if (r.typeName === 'threat' && r.number > top) top = r.number;
  return top + 1;
}
