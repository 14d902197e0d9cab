import {
  DEFAULT_MODEL_LIMITS,
  generateThreats,
  isElement,
  mergeSuggestions,
  modelTooLargeMessage,
  newId,
  type GenerateOptions,
  type Mitigation,
  type ModelRecord,
  type Suggestion,
  type Threat,
} from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { AppError } from '../app-error';
import { getModel } from '../models/get-model';
import { commitOps, type PublishCommit } from '../ops/commit-ops';
import { orgRulesForModel } from '../rules/list-org-rules';

/** The organisation rules this model runs (enabled, not switched off on its model record). */
function orgRulesOf(db: Db, records: Iterable<ModelRecord>) {
  for (const r of records)
    if (r.typeName === 'model') return orgRulesForModel({ db, disabled: r.disabledOrgRules });
  return orgRulesForModel({ db, disabled: [] });
}

/** What a caller may scope a run to (the REST body of generate and suggest). */
export type GenerateRequest = Pick<GenerateOptions, 'diagramId' | 'elementIds' | 'methodology'>;

/** Checks that the request names a diagram and elements of this model (else a 404 naming the id). */
function checkScope(records: ModelRecord[], request: GenerateRequest): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  if (request.diagramId !== undefined && byId.get(request.diagramId)?.typeName !== 'diagram') {
    throw new AppError('not_found', `diagram ${request.diagramId} not found in this model`);
  }
  for (const id of request.elementIds ?? []) {
    const r = byId.get(id);
    if (!r || !isElement(r))
      throw new AppError('not_found', `element ${id} not found in this model`);
  }
}

/** What the rules engine suggests for an element, a diagram or the whole model, committing nothing. */
export async function suggestThreats(options: {
  db: Db;
  modelId: string;
  request: GenerateRequest;
}): Promise<{ suggestions: Suggestion[]; records: ModelRecord[] }> {
  const { records } = await getModel({ db: options.db, modelId: options.modelId, role: 'viewer' });
  checkScope(records, options.request);
  const extraRules = await orgRulesOf(options.db, records);
  return { suggestions: generateThreats(records, { ...options.request, extraRules }), records };
}

/**
 * Runs the rules engine and adds the threats (with their mitigations) the
 * model does not hold yet, matched on the rule key, so re-running adds nothing
 * and triage survives. The merge is planned under the model's row lock, so two
 * generations at once cannot both add the same rule key. Returns what was added.
 */
export async function generateModelThreats(options: {
  db: Db;
  modelId: string;
  actor: string;
  request: GenerateRequest;
  publish: PublishCommit;
}): Promise<{ threats: Threat[]; mitigations: Mitigation[]; seq: number }> {
  const { db, modelId, actor, request, publish } = options;
  // Read before the model lock (rules are instance data); the switch-offs are re-read under it.
  const candidates = await orgRulesForModel({ db, disabled: [] });
  const { seq, results } = await commitOps({
    db,
    modelId,
    actor,
    publish,
    ops: (state) => {
      const records = [...state.values()];
      checkScope(records, request);
      const off = new Set(records.find((r) => r.typeName === 'model')?.disabledOrgRules ?? []);
      const extraRules = candidates.filter((r) => !off.has(r.id));
      const ops = mergeSuggestions(records, generateThreats(records, { ...request, extraRules }));
      // All or nothing for size: a merge that would pass the records limit adds nothing (the ops are all new records).
      if (state.size + ops.length > DEFAULT_MODEL_LIMITS.maxRecords)
        throw new AppError(
          'model_too_large',
          `${modelTooLargeMessage(DEFAULT_MODEL_LIMITS, 'records')}: this generation would add ${ops.length} to ${state.size}; generate for one diagram or element`,
        );
      return ops.map((op) => ({ opId: newId(), op }));
    },
  });
  const added = results.flatMap((r) => (r.ok && r.op.type === 'put' ? [r.op.record] : []));
  return {
    threats: added.filter((r): r is Threat => r.typeName === 'threat'),
    mitigations: added.filter((r): r is Mitigation => r.typeName === 'mitigation'),
    seq,
  };
}
