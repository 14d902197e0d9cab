import { analyseGeometry, type DiagramGeometry } from '../geometry/diagram-geometry';
import { flowProtocol, type ParsedProtocol } from '../model/protocols';
import type { Element } from '../model/records';

/**
 * One element with its neighbourhood resolved, so conditions follow object
 * references instead of looking ids up in maps for every rule they test.
 */
export interface SceneNode {
  readonly element: Element;
  /** Flows carrying data into this element (its target end, or either end when bidirectional). */
  readonly inbound: readonly SceneNode[];
  /** Flows carrying data out of this element. */
  readonly outbound: readonly SceneNode[];
  /** A flow's attached ends; null when dangling (and for other kinds). */
  readonly source: SceneNode | null;
  readonly target: SceneNode | null;
  /** A flow crosses a trust boundary. */
  readonly crossesBoundary: boolean;
  /** A box element's centre is inside a trust boundary box. */
  readonly insideBoundary: boolean;
  /**
   * A flow's protocol as the catalogue reads it (its protocol field, or its name when that is
   * blank), parsed once per scene; null when unknown, and for other kinds.
   */
  readonly protocol: ParsedProtocol | null;
}

/** What conditions can see in one diagram: every element as a node, and the diagram's geometry. */
export interface Scene {
  readonly nodes: ReadonlyMap<string, SceneNode>;
  readonly geometry: DiagramGeometry;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** Builds the scene of one diagram's elements in O(n log n). */
export function buildScene(elements: readonly Element[]): Scene {
  const geometry = analyseGeometry(elements);
  const nodes = new Map<string, Mutable<SceneNode>>();
  for (const element of elements) {
    nodes.set(element.id, {
      element,
      inbound: [],
      outbound: [],
      source: null,
      target: null,
      crossesBoundary: geometry.crossings.has(element.id),
      insideBoundary: geometry.containers.has(element.id),
      protocol: element.typeName === 'flow' ? flowProtocol(element) : null,
    });
  }
  for (const node of nodes.values()) {
    const e = node.element;
    if (e.typeName !== 'flow') continue;
    const source = e.sourceId === null ? undefined : nodes.get(e.sourceId);
    const target = e.targetId === null ? undefined : nodes.get(e.targetId);
    node.source = source ?? null;
    node.target = target ?? null;
    source?.outbound.push(node);
    target?.inbound.push(node);
    if (e.isBidirectional && source !== target) {
      source?.inbound.push(node);
      target?.outbound.push(node);
    }
  }
  return { nodes, geometry };
}
