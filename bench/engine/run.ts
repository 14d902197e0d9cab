import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
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

// A full collection before each timed run, so one run does not pay for the garbage of the one before
// (at 100,000 elements each run leaves ~600,000 suggestions behind). Exposed without a node flag.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** Median wall-clock and CPU milliseconds of `runs` calls after one warm-up call (the JIT settles first). */
function time(fn: () => unknown, runs: number): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const startCpu = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const results: { elements: number; ms: number; cpuMs: number; geometryMs: number; suggestions: number; perElement: number }[] = [];
console.log(`node ${process.version}, ${os.cpus().length} cpus, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const n of SIZES) {
  const records = syntheticModel(n);
  const elements = records.filter(isElement);
  const runs = n >= 100_000 ? 5 : 9;
  const suggestions = generateThreats(records).length;
  const geometry = time(() => analyseGeometry(elements), runs);
  const total = time(() => generateThreats(records), runs);
  const threatTargets = elements.filter((e) => e.typeName !== 'boundary' && e.typeName !== 'boundary-line' && e.typeName !== 'note').length;
  const perElement = suggestions / threatTargets;
  results.push({ elements: elements.length, ms: +total.wall.toFixed(2), cpuMs: +total.cpu.toFixed(2), geometryMs: +geometry.wall.toFixed(2), suggestions, perElement: +perElement.toFixed(2) });
  console.log(
    `${String(elements.length).padStart(7)} elements: ${total.wall.toFixed(1).padStart(8)} ms wall, ${total.cpu.toFixed(1).padStart(8)} ms cpu (geometry ${geometry.wall.toFixed(1)} ms), ${suggestions} suggestions, ${perElement.toFixed(2)} per actor/process/store/flow`,
  );
}

// Growth is judged on CPU time: on a shared machine wall time mostly measures the other processes.
const growth = results.slice(1).map((r, i) => {
  const prev = results[i]!;
  const nlogn = (r.elements * Math.log(r.elements)) / (prev.elements * Math.log(prev.elements));
  return { from: prev.elements, to: r.elements, cpuRatio: +(r.cpuMs / prev.cpuMs).toFixed(2), wallRatio: +(r.ms / prev.ms).toFixed(2), nlognRatio: +nlogn.toFixed(2) };
});
for (const g of growth) console.log(`growth ${g.from} -> ${g.to}: cpu x${g.cpuRatio}, wall x${g.wallRatio} (n log n allows x${g.nlognRatio})`);
const at10k = results.find((r) => r.elements === 10_000)!;
console.log(`goal 10,000 elements < 100 ms: ${at10k.ms < 100 ? 'met' : 'missed'} on wall time (${at10k.ms} ms), ${at10k.cpuMs < 100 ? 'met' : 'missed'} on cpu time (${at10k.cpuMs} ms)`);
console.log(JSON.stringify({ bench: 'engine', node: process.version, cpus: os.cpus().length, loadavg: os.loadavg().map((l) => +l.toFixed(1)), results, growth }));
