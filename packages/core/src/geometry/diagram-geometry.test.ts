import { describe, expect, it } from 'vitest';
import { ZElement, type Element } from '../model/records';
import { analyseGeometry } from './diagram-geometry';

const el = (fields: Record<string, unknown>): Element =>
  ZElement.parse({ diagramId: 'd', ...fields });
const box = (id: string, typeName: string, x: number, y: number, width = 100, height = 60) =>
  el({ id, typeName, x, y, width, height });
const flow = (id: string, fields: Record<string, unknown>) =>
  el({ id, typeName: 'flow', ...fields });
const line = (id: string, points: [number, number][]) =>
  el({ id, typeName: 'boundary-line', points: points.map(([x, y]) => ({ x, y })) });

describe('geometry: containment', () => {
  it('puts an element in every boundary box holding its centre, nested ones included', () => {
    const g = analyseGeometry([
      box('outer', 'boundary', 0, 0, 1000, 1000),
      box('inner', 'boundary', 100, 100, 300, 300),
      box('p', 'process', 150, 150),
      box('s', 'store', 600, 600),
      box('a', 'actor', 2000, 2000),
    ]);
    expect(g.containers.get('p')).toEqual(['inner', 'outer']);
    expect(g.containers.get('s')).toEqual(['outer']);
    expect(g.containers.has('a')).toBe(false);
    expect(g.containers.get('inner')).toEqual(['outer']);
    expect(g.containers.has('outer')).toBe(false);
  });

  it('decides by the centre: an element straddling an edge belongs where its centre is', () => {
    // Box 0..200; the process spans 150..250 with its centre at 200 (on the edge: inside) and 160..260 (centre 210: outside).
    const g = analyseGeometry([
      box('b', 'boundary', 0, 0, 200, 200),
      box('on', 'process', 150, 70, 100, 60),
      box('off', 'process', 160, 70, 100, 60),
    ]);
    expect(g.containers.get('on')).toEqual(['b']);
    expect(g.containers.has('off')).toBe(false);
  });
});

describe('geometry: crossing', () => {
  const parts = [
    box('zone', 'boundary', 0, 0, 500, 500),
    box('in', 'process', 100, 100),
    box('in2', 'store', 300, 300),
    box('out', 'actor', 800, 100),
  ];

  it('a flow whose ends sit in different boundary boxes crosses them; one inside one zone does not', () => {
    const g = analyseGeometry([
      ...parts,
      flow('f1', { sourceId: 'out', targetId: 'in' }),
      flow('f2', { sourceId: 'in', targetId: 'in2' }),
    ]);
    expect(g.crossings.get('f1')).toEqual(['zone']);
    expect(g.crossings.has('f2')).toBe(false);
  });

  it('a flow whose path meets a boundary line crosses it, waypoints included', () => {
    const wall = line('wall', [
      [600, -1000],
      [600, 1000],
    ]);
    const a = box('a', 'process', 1000, 0);
    const b = box('b', 'process', 1000, 400);
    const g = analyseGeometry([
      wall,
      a,
      b,
      // straight a→b stays right of the wall; the detour through x=400 crosses it twice
      flow('straight', { sourceId: 'a', targetId: 'b' }),
      flow('detour', { sourceId: 'a', targetId: 'b', waypoints: [{ x: 400, y: 200 }] }),
      flow('over', { sourceId: 'out', targetId: 'a' }),
      box('out', 'actor', 200, 200),
    ]);
    expect(g.crossings.has('straight')).toBe(false);
    expect(g.crossings.get('detour')).toEqual(['wall']);
    expect(g.crossings.get('over')).toEqual(['wall']);
  });

  it('a line segment that stops short of the flow is not crossed', () => {
    const g = analyseGeometry([
      line('short', [
        [50, -100],
        [50, 0],
      ]),
      box('l', 'process', 0, 100),
      box('r', 'process', 200, 100),
      flow('f', { sourceId: 'l', targetId: 'r' }),
    ]);
    expect(g.crossings.has('f')).toBe(false);
  });

  it('dangling ends use sourcePoint / targetPoint for both zone and path', () => {
    const g = analyseGeometry([
      ...parts,
      line('wall', [
        [700, -1000],
        [700, 1000],
      ]),
      flow('inbound', { sourcePoint: { x: 900, y: 900 }, targetId: 'in' }),
      flow('inside', { sourceId: 'in', targetPoint: { x: 450, y: 450 } }),
      flow('beyond', { sourceId: 'out', targetPoint: { x: 1200, y: 100 } }),
    ]);
    expect(g.crossings.get('inbound')).toEqual(['wall', 'zone']);
    expect(g.crossings.has('inside')).toBe(false);
    expect(g.crossings.has('beyond')).toBe(false);
  });

  it('an end with neither element nor point is ignored rather than guessed', () => {
    const g = analyseGeometry([...parts, flow('half', { sourceId: 'missing', targetId: 'in' })]);
    expect(g.crossings.has('half')).toBe(false);
  });

  it('agrees with an all-pairs reference on a random layout', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const elements: Element[] = [];
    for (let i = 0; i < 40; i++)
      elements.push(
        box(`b${i}`, 'boundary', rnd() * 2000, rnd() * 2000, 50 + rnd() * 600, 50 + rnd() * 600),
      );
    for (let i = 0; i < 300; i++)
      elements.push(box(`p${i}`, 'process', rnd() * 2500, rnd() * 2500));
    for (let i = 0; i < 20; i++)
      elements.push(
        line(`l${i}`, [
          [rnd() * 2500, rnd() * 2500],
          [rnd() * 2500, rnd() * 2500],
          [rnd() * 2500, rnd() * 2500],
        ]),
      );
    for (let i = 0; i < 300; i++)
      elements.push(flow(`f${i}`, { sourceId: `p${i}`, targetId: `p${(i * 7 + 3) % 300}` }));
    const g = analyseGeometry(elements);
    const boundaries = elements.filter((e) => e.typeName === 'boundary');
    const inside = (x: number, y: number) =>
      boundaries
        .filter((b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height)
        .map((b) => b.id)
        .sort();
    for (const e of elements) {
      if (e.typeName !== 'process') continue;
      expect(g.containers.get(e.id) ?? []).toEqual(inside(e.x + e.width / 2, e.y + e.height / 2));
    }
    const byId = new Map(elements.map((e) => [e.id, e]));
    let crossedByLine = 0;
    for (const f of elements) {
      if (f.typeName !== 'flow') continue;
      const s = byId.get(f.sourceId!) as { x: number; y: number; width: number; height: number };
      const t = byId.get(f.targetId!) as typeof s;
      const zs = inside(s.x + s.width / 2, s.y + s.height / 2);
      const zt = inside(t.x + t.width / 2, t.y + t.height / 2);
      const expected = new Set([
        ...zs.filter((z) => !zt.includes(z)),
        ...zt.filter((z) => !zs.includes(z)),
      ]);
      const got = new Set(g.crossings.get(f.id) ?? []);
      for (const z of expected) expect(got.has(z)).toBe(true);
      crossedByLine += [...got].filter((id) => id.startsWith('l')).length;
    }
    expect(crossedByLine).toBeGreaterThan(0);
  });
});
