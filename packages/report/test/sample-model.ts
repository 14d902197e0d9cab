import { ZModelRecord, type ModelRecord } from '@threatloom/core';

type Input = Record<string, unknown> & { id: string; typeName: string };
const rec = (r: Input): ModelRecord => ZModelRecord.parse(r);

export interface SampleOptions {
  /** Number of actor/process/store nodes (flows connect consecutive nodes). */
  nodes?: number;
  /** Text used in every name, to feed hostile strings through the whole report. */
  name?: (i: number) => string;
  title?: string;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'tbd'] as const;
const STATUSES = ['open', 'mitigated', 'not-applicable', 'accepted'] as const;
const CATEGORIES = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;

/**
 * A model built from core records: one diagram with a trust boundary box and
 * line, `nodes` actors/processes/stores laid on a grid, a flow between each
 * consecutive pair (waypoints, protocols, some encrypted), and two threats per
 * node with mitigations. Roughly 2 × nodes elements.
 */
export function sampleModel({
  nodes = 6,
  name = (i) => `Element ${i}`,
  title = 'Sample web shop',
}: SampleOptions = {}): ModelRecord[] {
  const out: ModelRecord[] = [
    rec({
      id: 'm',
      typeName: 'model',
      title,
      summary: 'An online shop: browser, API, database.',
      scope: 'Checkout and login',
      owner: 'Alice Owner',
      reviewer: 'Rita Reviewer',
      contributors: ['Bob', 'Carol'],
      reviewState: 'in-review',
      reviewedBy: 'Rita Reviewer',
      reviewedAt: '2026-11-20T10:00:00Z',
    }),
    rec({ id: 'd1', typeName: 'diagram', title: 'Main flow', methodology: 'stride' }),
  ];
  const cols = Math.ceil(Math.sqrt(nodes * 1.6));
  const kinds = ['actor', 'process', 'store'] as const;
  for (let i = 0; i < nodes; i++) {
    const kind = kinds[i % 3]!;
    out.push(
      rec({
        id: `n${i}`,
        typeName: kind,
        diagramId: 'd1',
        name: name(i),
        x: (i % cols) * 220 + 40,
        y: Math.floor(i / cols) * 160 + 60,
        width: 130,
        height: 80,
        outOfScope: i % 11 === 10,
        outOfScopeReason: i % 11 === 10 ? 'Run by a vendor' : '',
      }),
    );
    for (let k = 0; k < 2; k++) {
      const n = i * 2 + k;
      out.push(
        rec({
          id: `t${n}`,
          typeName: 'threat',
          diagramId: 'd1',
          elementId: `n${i}`,
          number: n + 1,
          title: `Threat ${n + 1} on ${name(i)}`,
          category: CATEGORIES[n % 6],
          severity: SEVERITIES[n % 5],
          status: STATUSES[n % 4],
          score: n % 3 === 0 ? '7.5' : '',
          description: `Description of threat ${n + 1}: an attacker could abuse ${name(i)}.`,
        }),
      );
      out.push(
        rec({
          id: `g${n}`,
          typeName: 'mitigation',
          threatId: `t${n}`,
          title: `Mitigation for threat ${n + 1}`,
          status: (['proposed', 'in-progress', 'done'] as const)[n % 3],
        }),
      );
    }
  }
  for (let i = 1; i < nodes; i++) {
    const a = out.find((r) => r.id === `n${i - 1}`) as { x: number; y: number };
    out.push(
      rec({
        id: `f${i}`,
        typeName: 'flow',
        diagramId: 'd1',
        sourceId: `n${i - 1}`,
        targetId: `n${i}`,
        name: `Flow ${name(i)}`,
        protocol: i % 2 ? 'HTTPS' : 'SQL',
        isEncrypted: i % 2 === 1,
        isBidirectional: i % 5 === 0,
        waypoints: i % 4 === 0 ? [{ x: a.x + 65, y: a.y - 30 }] : [],
      }),
    );
    if (i % 3 === 0)
      out.push(
        rec({
          id: `tf${i}`,
          typeName: 'threat',
          diagramId: 'd1',
          elementId: `f${i}`,
          number: 10_000 + i,
          title: `Tampering with flow ${i}`,
          category: 'tampering',
          severity: 'high',
          status: 'open',
        }),
      );
  }
  const rows = Math.ceil(nodes / cols);
  out.push(
    rec({
      id: 'b1',
      typeName: 'boundary',
      diagramId: 'd1',
      name: 'Internal network',
      x: 20,
      y: 40,
      width: Math.min(cols, 3) * 220,
      height: Math.min(rows, 2) * 160,
    }),
  );
  out.push(
    rec({
      id: 'bl1',
      typeName: 'boundary-line',
      diagramId: 'd1',
      name: 'Internet edge',
      points: [
        { x: 10, y: 20 },
        { x: cols * 220 + 30, y: rows * 160 + 60 },
      ],
    }),
  );
  out.push(
    rec({
      id: 'note1',
      typeName: 'note',
      diagramId: 'd1',
      name: 'Draft: check with ops',
      x: cols * 220 + 60,
      y: 40,
      width: 140,
      height: 60,
    }),
  );
  return out;
}
