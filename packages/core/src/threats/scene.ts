import { analyseGeometry, type DiagramGeometry } from '../geometry/diagram-geometry';
import type { Element, Flow } from '../model/records';

/** What conditions can see around an element: one diagram's elements, flows per end, and its geometry. */
export interface Scene {
  readonly byId: ReadonlyMap<string, Element>;
  /** Flows carrying data into an element (its target end, or either end when bidirectional). */
  readonly inbound: ReadonlyMap<string, readonly Flow[]>;
  /** Flows carrying data out of an element. */
  readonly outbound: ReadonlyMap<string, readonly Flow[]>;
  readonly geometry: DiagramGeometry;
}

function push(map: Map<string, Flow[]>, key: string | null, flow: Flow): void {
  if (key === null) return;
  const list = map.get(key);
  if (list) list.push(flow);
  else map.set(key, [flow]);
}

/** Builds the scene of one diagram's elements in O(n log n). */
export function buildScene(elements: readonly Element[]): Scene {
  const byId = new Map<string, Element>();
  const inbound = new Map<string, Flow[]>();
  const outbound = new Map<string, Flow[]>();
  for (const e of elements) {
    byId.set(e.id, e);
    if (e.typeName !== 'flow') continue;
    push(outbound, e.sourceId, e);
    push(inbound, e.targetId, e);
    if (e.isBidirectional && e.sourceId !== e.targetId) {
      push(inbound, e.sourceId, e);
      push(outbound, e.targetId, e);
    }
  }
  return { byId, inbound, outbound, geometry: analyseGeometry(elements) };
}
