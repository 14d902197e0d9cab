import { describe, expect, it } from 'vitest';
import { ZElement, type Element } from '../model/records';
import { compileCondition } from './condition';
import { ZCondition, type Condition } from './rule';
import { buildScene } from './scene';

const el = (fields: Record<string, unknown>): Element =>
  ZElement.parse({ diagramId: 'd', ...fields });
const elements = [
  el({ id: 'zone', typeName: 'boundary', x: 0, y: 0, width: 300, height: 300 }),
  el({ id: 'user', typeName: 'actor', x: 500, y: 100 }),
  el({
    id: 'app',
    typeName: 'process',
    x: 100,
    y: 100,
    name: 'Ratings API',
    privilegeLevel: '  ',
    isWebApplication: true,
  }),
  el({ id: 'db', typeName: 'store', x: 100, y: 500, handlesPII: true }),
  el({
    id: 'in',
    typeName: 'flow',
    sourceId: 'user',
    targetId: 'app',
    protocol: 'HTTP/1.1',
    isPublicNetwork: true,
  }),
  el({
    id: 'rw',
    typeName: 'flow',
    sourceId: 'app',
    targetId: 'db',
    isBidirectional: true,
    protocol: 'TLS 1.0',
  }),
];
const scene = buildScene(elements);
/** Ids of the elements the condition holds for. */
const matching = (c: Condition) => {
  const test = compileCondition(ZCondition.parse(c));
  return elements.filter((e) => test(scene.nodes.get(e.id)!, false)).map((e) => e.id);
};

describe('condition language', () => {
  it('logic and kinds: all / any / not, with an empty all always true', () => {
    expect(matching({ all: [] })).toEqual(elements.map((e) => e.id));
    expect(matching({ kind: ['actor', 'store'] })).toEqual(['user', 'db']);
    expect(matching({ not: { kind: ['flow'] } })).toEqual(['zone', 'user', 'app', 'db']);
    expect(matching({ any: [{ kind: ['actor'] }, { tag: 'handlesPII' }] })).toEqual(['user', 'db']);
    expect(matching({ all: [{ kind: ['process'] }, { tag: 'handlesPII' }] })).toEqual([]);
  });

  it('properties: equals, isSet / isEmpty (blank strings and missing properties are empty), in, contains', () => {
    expect(matching({ prop: 'isWebApplication', equals: true })).toEqual(['app']);
    expect(matching({ prop: 'isEncrypted', equals: false })).toEqual(['db', 'in', 'rw']);
    expect(matching({ prop: 'privilegeLevel', isSet: true })).toEqual([]);
    expect(
      matching({
        all: [{ kind: ['process', 'actor'] }, { prop: 'privilegeLevel', isEmpty: true }],
      }),
    ).toEqual(['user', 'app']);
    expect(matching({ prop: 'protocol', in: ['HTTP'] })).toEqual(['in']);
    expect(matching({ prop: 'protocol', in: ['tls1.0'] })).toEqual(['rw']);
    expect(matching({ prop: 'protocol', in: ['tls'] })).toEqual(['rw']);
    expect(matching({ prop: 'name', contains: ['RATING', 'vote'] })).toEqual(['app']);
  });

  it('flow ends: source / target, false for a dangling end', () => {
    expect(matching({ source: { kind: ['actor'] } })).toEqual(['in']);
    expect(matching({ target: { tag: 'handlesPII' } })).toEqual(['rw']);
    const dangling = el({
      id: 'loose',
      typeName: 'flow',
      sourcePoint: { x: 0, y: 0 },
      targetId: 'app',
    });
    const test = compileCondition({ source: { all: [] } });
    expect(test(buildScene([...elements, dangling]).nodes.get('loose')!, false)).toBe(false);
  });

  it('geometry: insideBoundary and crossesBoundary', () => {
    expect(matching({ insideBoundary: true })).toEqual(['app']);
    // user (outside) → app (inside) crosses; app (inside) ↔ db (outside) crosses too
    expect(matching({ crossesBoundary: true })).toEqual(['in', 'rw']);
  });

  it('neighbourhood: inbound, outbound and connected, bidirectional flows both ways and seen from the far end', () => {
    expect(matching({ inbound: { prop: 'isPublicNetwork', equals: true } })).toEqual(['app']);
    // rw is bidirectional: it brings data into app too, and from app's side its source is db
    expect(matching({ inbound: { source: { kind: ['store'] } } })).toEqual(['app']);
    expect(matching({ outbound: { target: { kind: ['store'] } } })).toEqual(['app']);
    expect(matching({ outbound: { target: { kind: ['process'] } } })).toEqual(['user', 'db']);
    expect(matching({ connected: { source: { kind: ['actor'] } } })).toEqual(['user', 'app']);
  });

  it('a condition shared by many rules answers for each element and each run, never from an earlier one', () => {
    const webOrRatings: Condition = {
      any: [{ tag: 'isWebApplication' }, { prop: 'name', contains: ['rating'] }],
    };
    const test = compileCondition(webOrRatings);
    // Two rules spelling the same condition share one predicate, which remembers its last answer.
    expect(compileCondition(structuredClone(webOrRatings))).toBe(test);
    const app = scene.nodes.get('app')!;
    expect([test(app, false), test(scene.nodes.get('db')!, false), test(app, false)]).toEqual([
      true,
      false,
      true,
    ]);
    // The next run sees the edited element, even with the same id.
    const renamed = elements.map((e) =>
      e.id === 'app' ? { ...e, name: 'Orders API', isWebApplication: false } : e,
    );
    expect(test(buildScene(renamed).nodes.get('app')!, false)).toBe(false);
  });

  it('protocol facts: what the protocol catalogue reads from a flow, unset on other kinds', () => {
    expect(matching({ prop: 'protocolKnown', equals: true })).toEqual(['in', 'rw']);
    expect(matching({ prop: 'protocolKnown', equals: false })).toEqual([]);
    expect(matching({ prop: 'protocolId', in: ['http', 'tls'] })).toEqual(['in', 'rw']);
    expect(matching({ prop: 'protocolEncrypted', equals: false })).toEqual(['in']);
    expect(matching({ prop: 'protocolEncrypted', equals: true })).toEqual(['rw']);
    expect(matching({ prop: 'protocolDeprecated', equals: true })).toEqual(['rw']);
    expect(matching({ prop: 'protocolAuthenticatesServer', isSet: true })).toEqual(['rw']);
    // An unknown or blank protocol is known to be neither encrypted nor unencrypted.
    const other = buildScene([
      el({ id: 'tcp', typeName: 'flow', protocol: 'TCP' }),
      el({ id: 'odd', typeName: 'flow', protocol: 'proprietary', name: 'x' }),
    ]);
    const test = compileCondition({ prop: 'protocolEncrypted', isSet: true });
    expect(test(other.nodes.get('tcp')!, false)).toBe(false);
    expect(test(other.nodes.get('odd')!, false)).toBe(false);
    expect(
      compileCondition({ prop: 'protocolKnown', equals: false })(other.nodes.get('odd')!, false),
    ).toBe(true);
  });

  it('rejects conditions that are not part of the language, naming the problem', () => {
    expect(ZCondition.safeParse({ prop: 'secret', equals: true }).success).toBe(false);
    expect(ZCondition.safeParse({ eval: 'process.exit()' }).success).toBe(false);
    expect(ZCondition.safeParse({ any: [] }).success).toBe(false);
    expect(ZCondition.safeParse({ all: [{ kind: ['boundary'] }] }).success).toBe(false);
  });
});
