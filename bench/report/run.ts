/**
 * PDF report benchmark (`pnpm bench:report`): 50, 500 and 2,000-element models,
 * each size in a fresh child process so peak RSS is that size's alone.
 * Reports the first (cold: fonts parsed, code warmed) and the median of the
 * following runs, the PDF's size and pages, and the process's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { renderReportPdf } from '../../packages/report/src/index';
import { sampleModel } from '../../packages/report/test/sample-model';

/** Node counts giving ~50, ~500 and ~2,000 elements (nodes + flows + boundary, line and note). */
const SIZES = [24, 250, 1000];
const RUNS = 5;

interface Result {
  elements: number;
  threats: number;
  pages: number;
  kib: number;
  coldMs: number;
  medianMs: number;
  /** CPU time (user + system) of the median run: what the render costs regardless of other load on the machine. */
  medianCpuMs: number;
  peakRssMiB: number;
}

async function measure(nodes: number): Promise<Result> {
  const records = sampleModel({ nodes });
  const elements = records.filter((r) => 'diagramId' in r && r.typeName !== 'threat').length;
  const threats = records.filter((r) => r.typeName === 'threat').length;
  const times: { wall: number; cpu: number }[] = [];
  let pdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    pdf = await renderReportPdf(records, { date: '2026-11-23' });
    const cpu = process.cpuUsage(c0);
    times.push({ wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 });
  }
  const rest = times.slice(1).sort((a, b) => a.wall - b.wall);
  const median = rest[Math.floor(rest.length / 2)]!;
  const pages = (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  return {
    elements,
    threats,
    pages,
    kib: pdf.length / 1024,
    coldMs: times[0]!.wall,
    medianMs: median.wall,
    medianCpuMs: median.cpu,
    // maxRSS is in KiB: the peak of this whole process, which only ran this size.
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  process.stdout.write(JSON.stringify(await measure(Number(process.argv[child + 1]))));
} else {
  const rows: string[] = [];
  for (const nodes of SIZES) {
    const out = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(nodes)],
      { encoding: 'utf8' },
    );
    if (out.status !== 0) throw new Error(out.stderr);
    const r = JSON.parse(out.stdout) as Result;
    rows.push(
      `| ${r.elements} | ${r.threats} | ${r.pages} | ${r.kib.toFixed(0)} | ${r.coldMs.toFixed(0)} | ${r.medianMs.toFixed(0)} | ${r.medianCpuMs.toFixed(0)} | ${r.peakRssMiB.toFixed(0)} |`,
    );
    console.error(`done ${r.elements} elements`);
  }
  console.log(
    `Node ${process.version}, ${RUNS} runs per size (first = cold), load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    '| elements | threats | pages | PDF KiB | first run ms | median ms (runs 2-5) | its CPU ms | peak RSS MiB |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
}
