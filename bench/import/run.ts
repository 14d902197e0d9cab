/**
 * Import benchmark: time to import each Threat Dragon fixture (JSON already
 * parsed) and to export it back to Threat Dragon v2, median of many runs.
 * Run with `pnpm bench:import`; prints a Markdown table for docs/benchmarks.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportThreatDragon, importModel, isElement } from '../../packages/core/src/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(root, '../shared/fixtures/threat-dragon');
const RUNS = Number(process.env.RUNS ?? 200);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const files = (readdirSync(dir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.json'))
  .sort();
console.log(
  `Node ${process.version}, ${RUNS} runs each (median), ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log('| fixture | KiB | format | elements | threats | import ms | export TD v2 ms |');
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
for (const f of files) {
  const text = readFileSync(path.join(dir, f), 'utf8');
  const json = JSON.parse(text) as unknown;
  const result = importModel(json);
  const elements = result.records.filter(isElement).length;
  const threats = result.records.filter((r) => r.typeName === 'threat').length;
  const importMs = time(() => importModel(json));
  const exportMs = time(() => exportThreatDragon(result.records));
  console.log(
    `| ${f} | ${(text.length / 1024).toFixed(1)} | ${result.format} | ${elements} | ${threats} | ${importMs.toFixed(3)} | ${exportMs.toFixed(3)} |`,
  );
}
