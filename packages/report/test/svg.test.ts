import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '@threatloom/core';
import { renderDiagramSvg } from '../src/svg';
import { sampleModel } from './sample-model';

const rec = (r: Record<string, unknown>): ModelRecord => ZModelRecord.parse(r);

function viewBox(svg: string): { x: number; y: number; w: number; h: number } {
  const [x, y, w, h] = svg
    .match(/viewBox="([^"]+)"/)![1]!
    .split(' ')
    .map(Number);
  return { x: x!, y: y!, w: w!, h: h! };
}

describe('renderDiagramSvg', () => {
  const records = [
    rec({ id: 'm', typeName: 'model', title: 'SVG' }),
    rec({ id: 'd', typeName: 'diagram', title: 'D' }),
    rec({ id: 'a', typeName: 'actor', diagramId: 'd', name: 'User', x: 0, y: 0 }),
    rec({ id: 'p', typeName: 'process', diagramId: 'd', name: 'API', x: 300, y: 0 }),
    rec({ id: 's', typeName: 'store', diagramId: 'd', name: 'DB', x: 600, y: 0, outOfScope: true }),
    rec({
      id: 'b',
      typeName: 'boundary',
      diagramId: 'd',
      name: 'DMZ',
      x: 250,
      y: -40,
      width: 250,
      height: 200,
    }),
    rec({
      id: 'l',
      typeName: 'boundary-line',
      diagramId: 'd',
      name: 'Edge',
      points: [
        { x: 200, y: -100 },
        { x: 200, y: 300 },
      ],
    }),
    rec({
      id: 'f',
      typeName: 'flow',
      diagramId: 'd',
      sourceId: 'a',
      targetId: 'p',
      name: 'Login',
      protocol: 'HTTPS',
      isEncrypted: true,
      waypoints: [{ x: 200, y: 500 }],
    }),
    rec({
      id: 'n',
      typeName: 'note',
      diagramId: 'd',
      name: '<script>alert("x")</script>',
      x: 0,
      y: 200,
    }),
    rec({
      id: 't',
      typeName: 'threat',
      diagramId: 'd',
      elementId: 'p',
      title: 'Spoof',
      category: 'spoofing',
    }),
  ];

  it('draws each kind with its DFD shape, dashed boundaries and dashed out-of-scope elements', () => {
    const svg = renderDiagramSvg(records, 'd');
    expect(svg).toMatch(/<g data-id="p" data-kind="process"><ellipse /);
    expect(svg).toMatch(/<g data-id="a" data-kind="actor"><rect /);
    // Store: open-sided, two horizontal lines, dashed because out of scope.
    expect(svg).toMatch(
      /<g data-id="s" data-kind="store" data-out-of-scope="true"><rect [^>]*stroke="none"\/><path d="M600 0H720M600 80H720" [^>]*stroke-dasharray/,
    );
    expect(svg).toMatch(/<g data-id="b" data-kind="boundary"><rect [^>]*stroke-dasharray/);
    expect(svg).toMatch(/<g data-id="l" data-kind="boundary-line"><polyline [^>]*stroke-dasharray/);
    expect(svg).toMatch(/<g data-id="f" data-kind="flow"><polyline points="[^"]*200,500[^"]*"/);
    expect(svg).toContain('<g aria-label="encrypted">');
    expect(svg).toContain('>Login</tspan>');
    expect(svg).toContain('>HTTPS</tspan>');
  });

  it('marks only elements with open threats', () => {
    const svg = renderDiagramSvg(records, 'd');
    expect(svg).toContain('data-label-of="p"><g aria-label="1 open threats">');
    expect(svg.match(/open threats/g)).toHaveLength(1);
    const closed = records.map((r) =>
      r.id === 't' ? { ...r, status: 'mitigated' } : r,
    ) as ModelRecord[];
    expect(renderDiagramSvg(closed, 'd')).not.toContain('open threats');
  });

  it('escapes markup in names', () => {
    const svg = renderDiagramSvg(records, 'd');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)');
  });

  it('has a viewBox that holds every coordinate it draws', () => {
    for (const svg of [
      renderDiagramSvg(records, 'd'),
      renderDiagramSvg(sampleModel({ nodes: 40 }), 'd1'),
    ]) {
      const vb = viewBox(svg);
      const xs = [...svg.matchAll(/(?:points="|[ML])([-\d.]+)[ ,]([-\d.]+)/g)];
      expect(xs.length).toBeGreaterThan(3);
      for (const m of xs) {
        expect(Number(m[1])).toBeGreaterThanOrEqual(vb.x);
        expect(Number(m[1])).toBeLessThanOrEqual(vb.x + vb.w);
        expect(Number(m[2])).toBeGreaterThanOrEqual(vb.y);
        expect(Number(m[2])).toBeLessThanOrEqual(vb.y + vb.h);
      }
    }
  });

  it('gives an empty diagram an empty drawing', () => {
    const svg = renderDiagramSvg(
      [rec({ id: 'm', typeName: 'model', title: 'x' }), rec({ id: 'e', typeName: 'diagram' })],
      'e',
    );
    expect(svg).toMatch(/^<svg [^>]*><rect [^>]*\/><\/svg>$/);
  });
});
