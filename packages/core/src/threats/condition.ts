import type { Condition, ProtocolFact } from './rule';
import type { SceneNode } from './scene';

/**
 * A compiled condition over an element of a scene. `reversed` is set when a
 * bidirectional flow is being looked at from its source's side (through
 * `inbound`/`outbound`), so that `source` names the far end.
 */
export type Predicate = (node: SceneNode, reversed: boolean) => boolean;

function read(node: SceneNode, prop: string): unknown {
  if (prop.startsWith('protocol') && prop !== 'protocol')
    return protocolFact(node, prop as ProtocolFact);
  return (node.element as unknown as Record<string, unknown>)[prop];
}

/** A fact the scene parsed from a flow's protocol; unset (undefined) when the catalogue does not say. */
function protocolFact(node: SceneNode, fact: ProtocolFact): unknown {
  if (node.element.typeName !== 'flow') return undefined;
  const p = node.protocol;
  if (fact === 'protocolKnown') return p !== null;
  if (p === null) return undefined;
  const value =
    fact === 'protocolId'
      ? p.id
      : fact === 'protocolEncrypted'
        ? p.encrypted
        : fact === 'protocolAuthenticatesServer'
          ? p.authenticatesServer
          : p.deprecated;
  return value ?? undefined;
}

function normalise(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}

function isSet(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && value.trim() !== '') ||
    typeof value === 'number'
  );
}

/**
 * Compiled conditions, shared by every rule that spells the same condition. Rules repeat the
 * same technology tests ("a web application: the tag, or a name matching these words") dozens
 * of times, and the engine asks all rules about one element before moving to the next; so a
 * shared predicate that remembers its last answer evaluates each such test once per element.
 * Scene nodes live for one generation run, so a remembered answer never outlives its element.
 */
const compiled = new Map<string, Predicate>();

/**
 * Turns a condition into a predicate once, so evaluation is a chain of closures
 * rather than a walk over JSON for every element. An interpreter, not `eval`:
 * every node maps to fixed code.
 */
export function compileCondition(c: Condition): Predicate {
  const key = JSON.stringify(c);
  let predicate = compiled.get(key);
  if (!predicate) {
    // Only tests that cost more than the remembering are worth remembering.
    const worthIt =
      'all' in c ||
      'any' in c ||
      'contains' in c ||
      'inbound' in c ||
      'outbound' in c ||
      'connected' in c;
    predicate = worthIt ? rememberLast(compileFresh(c)) : compileFresh(c);
    compiled.set(key, predicate);
  }
  return predicate;
}

function rememberLast(test: Predicate): Predicate {
  let lastNode: SceneNode | null = null;
  let lastReversed = false;
  let lastAnswer = false;
  return (n, r) => {
    if (n !== lastNode || r !== lastReversed) {
      lastAnswer = test(n, r);
      lastNode = n;
      lastReversed = r;
    }
    return lastAnswer;
  };
}

function compileFresh(c: Condition): Predicate {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    // Plain loops: evaluation runs per element and rule, and closures per call would feed the GC.
    return (n, r) => {
      for (const p of parts) if (!p(n, r)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    return (n, r) => {
      for (const p of parts) if (p(n, r)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (n, r) => !inner(n, r);
  }
  if ('kind' in c) {
    const kinds = new Set<string>(c.kind);
    return (n) => kinds.has(n.element.typeName);
  }
  if ('tag' in c) {
    const tag = c.tag;
    return (n) => n.element[tag] === true;
  }
  if ('prop' in c) {
    const prop = c.prop;
    if ('equals' in c) {
      const want = c.equals;
      return (n) => read(n, prop) === want;
    }
    if ('isSet' in c) return (n) => isSet(read(n, prop));
    if ('isEmpty' in c) return (n) => !isSet(read(n, prop));
    if ('in' in c) {
      const wanted = new Set(c.in.map(normalise));
      return (n) => {
        const v = read(n, prop);
        if (typeof v !== 'string' || v === '') return false;
        const norm = normalise(v);
        return wanted.has(norm) || wanted.has(/^[a-z]*/.exec(norm)![0]);
      };
    }
    // One case-insensitive alternation instead of a loop of substring tests: rules match long
    // word lists (technology names) against every element's name and description.
    const pattern = new RegExp(
      c.contains.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      'i',
    );
    return (n) => {
      const v = read(n, prop);
      return typeof v === 'string' && v !== '' && pattern.test(v);
    };
  }
  if ('source' in c || 'target' in c) {
    const wantSource = 'source' in c;
    const inner = compileCondition('source' in c ? c.source : c.target);
    return (n, r) => {
      const end = wantSource !== r ? n.source : n.target;
      return end !== null && inner(end, false);
    };
  }
  if ('crossesBoundary' in c) return (n) => n.crossesBoundary;
  if ('insideBoundary' in c) return (n) => n.insideBoundary;
  const way = 'inbound' in c ? 'inbound' : 'outbound' in c ? 'outbound' : 'connected';
  const inner = compileCondition(
    'inbound' in c ? c.inbound : 'outbound' in c ? c.outbound : c.connected,
  );
  // A flow is "reversed" for this element when it reaches the element against its drawn direction.
  const viaInbound = way === 'inbound' || way === 'connected';
  const viaOutbound = way === 'outbound' || way === 'connected';
  return (n) => {
    if (viaInbound) for (const f of n.inbound) if (inner(f, f.target !== n)) return true;
    if (viaOutbound) for (const f of n.outbound) if (inner(f, f.source !== n)) return true;
    return false;
  };
}
