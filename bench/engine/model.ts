import { ZModelRecord, type ModelRecord } from '../../packages/core/src/index';

/** Deterministic pseudo-random numbers (LCG), so every run benchmarks the same models. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A synthetic single-diagram model of about `n` elements: 50% actors, processes
 * and stores on a grid with random properties, 40% flows (mostly between
 * neighbours, some within five cells, a few bidirectional or dangling), 8% boundary
 * boxes over clusters (some nested) and 2% boundary lines.
 */
export function syntheticModel(n: number, seed = 42): ModelRecord[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const records: Record<string, unknown>[] = [
    { id: 'm', typeName: 'model', title: `synthetic ${n}` },
    { id: 'd', typeName: 'diagram', methodology: 'stride' },
  ];
  const boxes = Math.round(n * 0.5);
  const flows = Math.round(n * 0.4);
  const boundaries = Math.round(n * 0.08);
  const lines = n - boxes - flows - boundaries;
  const cols = Math.ceil(Math.sqrt(boxes));
  const cell = 200;
  const protocols = ['', 'HTTPS', 'HTTP', 'gRPC', 'TLS 1.0', 'AMQP', 'SQL'];
  for (let i = 0; i < boxes; i++) {
    const kind = pick(['actor', 'process', 'process', 'store'] as const);
    const base = {
      id: `e${i}`,
      typeName: kind,
      diagramId: 'd',
      name: `${kind} ${i}`,
      x: (i % cols) * cell,
      y: Math.floor(i / cols) * cell,
      handlesPII: rnd() < 0.2,
      isMLModel: rnd() < 0.03,
      isTrainingData: rnd() < 0.03,
      outOfScope: rnd() < 0.02,
    };
    if (kind === 'actor') records.push({ ...base, providesAuthentication: rnd() < 0.5 });
    else if (kind === 'process')
      records.push({
        ...base,
        isWebApplication: rnd() < 0.3,
        handlesCardPayment: rnd() < 0.05,
        handlesGoodsOrServices: rnd() < 0.1,
        privilegeLevel: pick(['', '', 'root', 'service']),
      });
    else
      records.push({
        ...base,
        isALog: rnd() < 0.15,
        isEncrypted: rnd() < 0.5,
        isSigned: rnd() < 0.2,
        storesCredentials: rnd() < 0.1,
        storesInventory: rnd() < 0.05,
      });
  }
  // Flows stay local, as in drawn diagrams: a neighbour, or now and then any element within
  // a few cells. (A flow spanning the whole canvas would cross O(sqrt n) boundaries by itself.)
  const nearby = (i: number, reach: number) => {
    const col = Math.min(cols - 1, Math.max(0, (i % cols) + Math.round((rnd() * 2 - 1) * reach)));
    const row = Math.max(0, Math.floor(i / cols) + Math.round((rnd() * 2 - 1) * reach));
    return Math.min(boxes - 1, row * cols + col);
  };
  const around = (i: number) => ({
    x: ((i % cols) + rnd() * 4 - 2) * cell,
    y: (Math.floor(i / cols) + rnd() * 4 - 2) * cell,
  });
  for (let i = 0; i < flows; i++) {
    const s = Math.floor(rnd() * boxes);
    const t = rnd() < 0.9 ? nearby(s, 1) : nearby(s, 5);
    const dangling = rnd() < 0.02;
    records.push({
      id: `f${i}`,
      typeName: 'flow',
      diagramId: 'd',
      sourceId: `e${s}`,
      ...(dangling ? { targetPoint: around(s) } : { targetId: `e${t}` }),
      waypoints: rnd() < 0.2 ? [around(s)] : [],
      protocol: pick(protocols),
      isEncrypted: rnd() < 0.5,
      isPublicNetwork: rnd() < 0.2,
      isBidirectional: rnd() < 0.2,
      handlesPII: rnd() < 0.2,
    });
  }
  for (let i = 0; i < boundaries; i++) {
    const w = (2 + Math.floor(rnd() * 6)) * cell;
    const h = (2 + Math.floor(rnd() * 6)) * cell;
    records.push({
      id: `b${i}`,
      typeName: 'boundary',
      diagramId: 'd',
      x: rnd() * cols * cell - cell,
      y: rnd() * cols * cell - cell,
      width: w,
      height: h,
    });
  }
  for (let i = 0; i < lines; i++) {
    const x = rnd() * cols * cell;
    const y = rnd() * cols * cell;
    records.push({
      id: `l${i}`,
      typeName: 'boundary-line',
      diagramId: 'd',
      points: [
        { x, y },
        { x: x + 300, y: y + 600 },
        { x: x + 100, y: y + 1200 },
      ],
    });
  }
  return records.map((r) => ZModelRecord.parse(r));
}
