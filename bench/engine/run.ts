import os from 'node:os';
import { analyseGeometry, generateThreats, isElement } from '../../packages/core/src/index';
import { syntheticModel } from './model';

/**
 * Threat generation over synthetic models of growing size (see model.ts).
 * Prints ms per size (median of several runs), suggestions per element, the
 * growth ratio against n log n, and a JSON summary as the last line.
 *   pnpm bench:engine
 */
const SIZES = [100, 1_000, 10_000, 100_000];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Wall-clock and CPU milliseconds of `runs` back-to-back calls after one warm-up call (the JIT
 * settles first): the steady state of a server generating again and again, garbage included.
 * Median and minimum: on a shared machine the minimum is the run least disturbed by others.
 */
function time(
  fn: () => unknown,
  runs: number,
): { wall: number; cpu: number; minWall: number; minCpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    wall: median(wall),
    cpu: median(cpu),
    minWall: Math.min(...wall),
    minCpu: Math.min(...cpu),
  };
}

const results: {
  elements: number;
  ms: number;
  cpuMs: number;
  minMs: number;
  minCpuMs: number;
  geometryMs: number;
  baselineMinCpuMs: number;
  suggestions: number;
  perElement: number;
}[] = [];
console.log(
  `node ${process.version}, ${os.cpus().length} cpus, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const n of SIZES) {
  const records = syntheticModel(n);
  const elements = records.filter(isElement);
  const runs = n >= 100_000 ? 5 : 9;
  const suggestions = generateThreats(records).length;
  // Memory baseline: index the elements by id and resolve every flow's two ends, the least any
  // engine must do. Its growth shows what the machine's caches add beyond the algorithm.
  const baseline = time(() => {
    const byId = new Map(elements.map((e) => [e.id, e]));
    let found = 0;
    for (const e of elements)
      if (e.typeName === 'flow' && byId.get(e.sourceId ?? '') && byId.get(e.targetId ?? ''))
        found += 1;
    return found;
  }, runs);
  const geometry = time(() => analyseGeometry(elements), runs);
  const total = time(() => generateThreats(records), runs);
  const threatTargets = elements.filter(
    (e) => e.typeName !== 'boundary' && e.typeName !== 'boundary-line' && e.typeName !== 'note',
  ).length;
  const perElement = suggestions / threatTargets;
  const r2 = (x: number) => +x.toFixed(2);
  results.push({
    elements: elements.length,
    ms: r2(total.wall),
    cpuMs: r2(total.cpu),
    minMs: r2(total.minWall),
    minCpuMs: r2(total.minCpu),
    geometryMs: r2(geometry.wall),
    baselineMinCpuMs: r2(baseline.minCpu),
    suggestions,
    perElement: r2(perElement),
  });
  console.log(
    `${String(elements.length).padStart(7)} elements: median ${total.wall.toFixed(1)} ms wall / ${total.cpu.toFixed(1)} ms cpu, min ${total.minWall.toFixed(1)} / ${total.minCpu.toFixed(1)} (geometry ${geometry.wall.toFixed(1)} ms, baseline ${baseline.minCpu.toFixed(2)} ms), ${suggestions} suggestions, ${perElement.toFixed(2)} per actor/process/store/flow`,
  );
}

// Growth is judged on the fastest CPU time of each size: on a shared machine the other numbers mostly measure the other processes.
const growth = results.slice(1).map((r, i) => {
  const prev = results[i]!;
  const nlogn = (r.elements * Math.log(r.elements)) / (prev.elements * Math.log(prev.elements));
  return {
    from: prev.elements,
    to: r.elements,
    minCpuRatio: +(r.minCpuMs / prev.minCpuMs).toFixed(2),
    baselineRatio: +(r.baselineMinCpuMs / prev.baselineMinCpuMs).toFixed(2),
    cpuRatio: +(r.cpuMs / prev.cpuMs).toFixed(2),
    wallRatio: +(r.ms / prev.ms).toFixed(2),
    nlognRatio: +nlogn.toFixed(2),
  };
});
for (const g of growth)
  console.log(
    `growth ${g.from} -> ${g.to}: min cpu x${g.minCpuRatio}, median cpu x${g.cpuRatio}, median wall x${g.wallRatio} (n log n allows x${g.nlognRatio}; memory baseline x${g.baselineRatio})`,
  );
const at10k = results.find((r) => r.elements === 10_000)!;
console.log(
  `goal 10,000 elements < 100 ms: median wall ${at10k.ms} ms, median cpu ${at10k.cpuMs} ms, fastest cpu ${at10k.minCpuMs} ms`,
);
console.log(
  JSON.stringify({
    bench: 'engine',
    node: process.version,
    cpus: os.cpus().length,
    loadavg: os.loadavg().map((l) => +l.toFixed(1)),
    results,
    growth,
  }),
);
