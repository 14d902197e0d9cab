import type { Diagram, Element, Mitigation, ModelRecord, Threat } from './records';
import { isElement } from './records';

/**
 * Read-side indices over a record set, built once: diagrams in order, elements
 * per diagram, threats per element, mitigations per threat.
 */
export interface ModelIndex {
  diagrams: Diagram[];
  elementsByDiagram: Map<string, Element[]>;
  threatsByElement: Map<string, Threat[]>;
  mitigationsByThreat: Map<string, Mitigation[]>;
  byId: Map<string, ModelRecord>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexModel(records: Iterable<ModelRecord>): ModelIndex {
  const index: ModelIndex = {
    diagrams: [],
    elementsByDiagram: new Map(),
    threatsByElement: new Map(),
    mitigationsByThreat: new Map(),
    byId: new Map(),
  };
  for (const r of records) {
    index.byId.set(r.id, r);
    if (r.typeName === 'diagram') index.diagrams.push(r);
    else if (isElement(r)) push(index.elementsByDiagram, r.diagramId, r);
    else if (r.typeName === 'threat') push(index.threatsByElement, r.elementId, r);
    else if (r.typeName === 'mitigation') push(index.mitigationsByThreat, r.threatId, r);
  }
  index.diagrams.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const list of index.threatsByElement.values())
    list.sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
  return index;
}
