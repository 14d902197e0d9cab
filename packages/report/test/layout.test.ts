import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '@threatloom/core';
import { layoutDiagram, wrapText, estimateWidth, type Rect } from '../src/index';
import { labelHeight } from '../src/diagram/layout';

const inside = (r: Rect, b: Rect) =>
  r.x >= b.x - 1e-6 &&
  r.y >= b.y - 1e-6 &&
  r.x + r.width <= b.x + b.width + 1e-6 &&
  r.y + r.height <= b.y + b.height + 1e-6;

describe('wrapText', () => {
  it('never returns a line wider than the limit, even for unbroken strings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 20, max: 400 }),
        (text, maxWidth) => {
          for (const line of wrapText(text, { fontSize: 10, maxWidth, measure: estimateWidth }))
            expect(estimateWidth(line, 10)).toBeLessThanOrEqual(maxWidth);
        },
      ),
    );
  });

  it('keeps every word when not limited and ellipsises when limited', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    expect(wrapText(text, { fontSize: 10, maxWidth: 80, measure: estimateWidth }).join(' ')).toBe(
      text,
    );
    const cut = wrapText(text, { fontSize: 10, maxWidth: 80, measure: estimateWidth, maxLines: 2 });
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
  });
});

describe('layoutDiagram bounds', () => {
  const coord = fc.integer({ min: -20_000, max: 20_000 });
  const node = fc.record({
    kind: fc.constantFrom('actor', 'process', 'store', 'note', 'boundary'),
    x: coord,
    y: coord,
    w: fc.integer({ min: 0, max: 800 }),
    h: fc.integer({ min: 0, max: 800 }),
    name: fc.string({ maxLength: 200 }),
  });

  it('hold every box, flow point, arrowhead, label and marker', () => {
    fc.assert(
      fc.property(
        fc.array(node, { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.array(fc.record({ x: coord, y: coord }), { maxLength: 3 }),
            fc.string({ maxLength: 120 }),
          ),
          { maxLength: 10 },
        ),
        (nodes, flows) => {
          const records: ModelRecord[] = [
            ZModelRecord.parse({ id: 'm', typeName: 'model', title: 't' }),
            ZModelRecord.parse({ id: 'd', typeName: 'diagram' }),
          ];
          nodes.forEach((n, i) =>
            records.push(
              ZModelRecord.parse({
                id: `n${i}`,
                typeName: n.kind,
                diagramId: 'd',
                name: n.name,
                x: n.x,
                y: n.y,
                width: n.w,
                height: n.h,
              }),
            ),
          );
          const ends = nodes
            .map((n, i) => ({ n, id: `n${i}` }))
            .filter((e) => e.n.kind !== 'note' && e.n.kind !== 'boundary');
          flows.forEach(([a, b, waypoints, name], i) => {
            const src = ends[a % Math.max(ends.length, 1)];
            const dst = ends[b % Math.max(ends.length, 1)];
            records.push(
              ZModelRecord.parse({
                id: `f${i}`,
                typeName: 'flow',
                diagramId: 'd',
                name,
                sourceId: src?.id ?? null,
                sourcePoint: src ? null : { x: 0, y: 0 },
                targetId: dst?.id ?? null,
                targetPoint: dst ? null : { x: 5, y: 5 },
                waypoints,
              }),
            );
            records.push(
              ZModelRecord.parse({
                id: `t${i}`,
                typeName: 'threat',
                diagramId: 'd',
                elementId: `f${i}`,
                category: 'tampering',
              }),
            );
          });
          const { shapes, bounds } = layoutDiagram(records, 'd');
          for (const s of shapes) {
            if (s.kind === 'flow' || s.kind === 'boundary-line')
              for (const p of s.points)
                expect(inside({ x: p.x - 10, y: p.y - 10, width: 20, height: 20 }, bounds)).toBe(
                  true,
                );
            else expect(inside(s.box, bounds)).toBe(true);
            if (s.label.lines.length > 0)
              expect(
                inside(
                  {
                    x: s.label.x,
                    y: s.label.y,
                    width: s.label.width,
                    height: labelHeight(s.label),
                  },
                  bounds,
                ),
              ).toBe(true);
            if (s.openThreats > 0)
              expect(
                inside({ x: s.marker.x - 7, y: s.marker.y - 7, width: 14, height: 14 }, bounds),
              ).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
