import { newId as randomId } from '../model/ids';
import { newMitigation, newThreat } from '../model/new-threat';
import { isElement, type ModelRecord } from '../model/records';
import type { Op } from '../ops/ops';
import type { Suggestion } from './generate';

/**
 * Turns suggestions into `put` ops for the threats (and their mitigations) the
 * model does not hold yet, matched on `ruleKey`. Existing threats are never
 * touched, so triage (status, edited title, severity) survives a re-run, and
 * running generate + merge twice adds nothing the second time. New threats are
 * numbered after the model's highest threat number, in suggestion order.
 * Suggestions for elements the model lacks are skipped.
 */
export function mergeSuggestions(
  records: Iterable<ModelRecord>,
  suggestions: readonly Suggestion[],
  options: { newId?: () => string } = {},
): Op[] {
  const newId = options.newId ?? randomId;
  const taken = new Set<string>();
  const elements = new Map<string, string>();
  let number = 0;
  for (const r of records) {
    if (r.typeName === 'threat') {
      if (r.ruleKey) taken.add(r.ruleKey);
      if (r.number > number) number = r.number;
    } else if (isElement(r)) elements.set(r.id, r.diagramId);
  }
  const ops: Op[] = [];
  for (const s of suggestions) {
    if (taken.has(s.ruleKey) || elements.get(s.elementId) !== s.diagramId) continue;
    taken.add(s.ruleKey);
    number += 1;
    const threat = newThreat({
      id: newId(),
      diagramId: s.diagramId,
      elementId: s.elementId,
      number,
      title: s.title,
      category: s.category,
      severity: s.severity,
      description: s.description,
      ruleId: s.ruleId,
      ruleKey: s.ruleKey,
      references: s.references.map((r) => ({ ...r })),
    });
    ops.push({ type: 'put', record: threat });
    for (const m of s.mitigations) {
      const mitigation = newMitigation({
        id: newId(),
        threatId: threat.id,
        title: m.title,
        description: m.description,
      });
      ops.push({ type: 'put', record: mitigation });
    }
  }
  return ops;
}
