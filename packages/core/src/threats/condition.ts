import type { Element, Flow } from '../model/records';
import type { Condition } from './rule';
import type { Scene } from './scene';

/**
 * A compiled condition. `reversed` is set when a bidirectional flow is being
 * looked at from its source's side (through `inbound`/`outbound`), so that
 * `source` names the far end.
 */
export type Predicate = (element: Element, scene: Scene, reversed: boolean) => boolean;

const NO_FLOWS: readonly Flow[] = [];

function read(element: Element, prop: string): unknown {
  return (element as unknown as Record<string, unknown>)[prop];
}

function normalise(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}

function isSet(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/**
 * Turns a condition into a predicate once, so evaluation is a chain of closures
 * rather than a walk over JSON for every element. An interpreter, not `eval`:
 * every node maps to fixed code.
 */
export function compileCondition(c: Condition): Predicate {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    // Plain loops: evaluation runs per element and rule, and closures per call would feed the GC.
    return (e, s, r) => {
      for (const p of parts) if (!p(e, s, r)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    return (e, s, r) => {
      for (const p of parts) if (p(e, s, r)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (e, s, r) => !inner(e, s, r);
  }
  if ('kind' in c) {
    const kinds = new Set<string>(c.kind);
    return (e) => kinds.has(e.typeName);
  }
  if ('tag' in c) {
    const tag = c.tag;
    return (e) => e[tag] === true;
  }
  if ('prop' in c) {
    const prop = c.prop;
    if ('equals' in c) {
      const want = c.equals;
      return (e) => read(e, prop) === want;
    }
    if ('isSet' in c) return (e) => isSet(read(e, prop));
    if ('isEmpty' in c) return (e) => !isSet(read(e, prop));
    if ('in' in c) {
      const wanted = new Set(c.in.map(normalise));
      return (e) => {
        const v = read(e, prop);
        if (typeof v !== 'string') return false;
        const n = normalise(v);
        return wanted.has(n) || wanted.has(/^[a-z]*/.exec(n)![0]);
      };
    }
    const needles = c.contains.map((w) => w.toLowerCase());
    return (e) => {
      const v = read(e, prop);
      if (typeof v !== 'string' || v === '') return false;
      const hay = v.toLowerCase();
      for (const n of needles) if (hay.includes(n)) return true;
      return false;
    };
  }
  if ('source' in c || 'target' in c) {
    const wantSource = 'source' in c;
    const inner = compileCondition('source' in c ? c.source : c.target);
    return (e, s, r) => {
      if (e.typeName !== 'flow') return false;
      const endId = wantSource !== r ? e.sourceId : e.targetId;
      const end = endId === null ? undefined : s.byId.get(endId);
      return end !== undefined && inner(end, s, false);
    };
  }
  if ('crossesBoundary' in c) return (e, s) => e.typeName === 'flow' && s.geometry.crossings.has(e.id);
  if ('insideBoundary' in c) return (e, s) => s.geometry.containers.has(e.id);
  const way = 'inbound' in c ? 'inbound' : 'outbound' in c ? 'outbound' : 'connected';
  const inner = compileCondition('inbound' in c ? c.inbound : 'outbound' in c ? c.outbound : c.connected);
  // A flow is "reversed" for this element when it reaches the element against its drawn direction.
  const check = (flows: readonly Flow[], e: Element, s: Scene, drawnEnd: 'sourceId' | 'targetId') => {
    for (const f of flows) if (inner(f, s, f[drawnEnd] !== e.id)) return true;
    return false;
  };
  return (e, s) =>
    ((way === 'inbound' || way === 'connected') && check(s.inbound.get(e.id) ?? NO_FLOWS, e, s, 'targetId')) ||
    ((way === 'outbound' || way === 'connected') && check(s.outbound.get(e.id) ?? NO_FLOWS, e, s, 'sourceId'));
}
