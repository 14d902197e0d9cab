import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error';
import type { RenderResult, RenderTask } from './render-report.worker';

export interface ReportRendererOptions {
  /** Worker threads at most (default 2, the machine's usual core budget for reports). */
  workers?: number;
  /** Reports waiting for a free worker at most; beyond that `render` answers 503 busy (default 8). */
  maxQueued?: number;
}

export interface ReportRenderer {
  /** Renders a report PDF in a worker thread; `options` must already be validated. */
  render(task: RenderTask): Promise<Uint8Array>;
  /** Terminates every worker and fails whatever is still queued. */
  close(): Promise<void>;
}

interface Job {
  task: RenderTask;
  resolve: (pdf: Uint8Array) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

/**
 * Entry of each worker. The worker module is TypeScript, like the rest of the
 * server, which runs through tsx (`tsx src/main.ts`, or `node --import tsx` in
 * the Docker image). Node 20 does not apply ESM loader hooks (`--import`,
 * `module.register`) inside worker threads (nodejs/node#47747), so the entry
 * registers tsx's CommonJS hook, which is per thread and synchronous, then
 * requires the module. It needs nothing from the parent's execArgv, so it
 * works the same under tsx, `node --import tsx` and vitest.
 */
const BOOT_SCRIPT = (() => {
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const worker = fileURLToPath(new URL('./render-report.worker.ts', import.meta.url));
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(worker)});`;
})();

export const reportsBusy = () =>
  new AppError('busy', 'too many reports are being rendered; try again shortly');

/**
 * A small pool of report workers: created lazily, reused, at most `workers`
 * at once, with a bounded queue. pdfkit is synchronous CPU work (about 0.5 s
 * per 500 elements), so on the main thread it would stall every request and
 * real-time op of the process.
 */
export function createReportRenderer(options: ReportRendererOptions = {}): ReportRenderer {
  const maxWorkers = Math.max(1, options.workers ?? 2);
  const maxQueued = Math.max(0, options.maxQueued ?? 8);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(BOOT_SCRIPT, { eval: true }) };
    slot.worker.on('message', (result: RenderResult) => {
      const job = slot.job;
      slot.job = undefined;
      if (result.ok) job?.resolve(result.pdf);
      else job?.reject(new Error(`report worker failed: ${result.message}`));
      next();
    });
    // A crashed worker (load failure, out of memory) fails its job and leaves the pool.
    const lost = (err: Error) => {
      const i = slots.indexOf(slot);
      if (i === -1) return;
      slots.splice(i, 1);
      slot.job?.reject(err);
      slot.job = undefined;
      next();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`report worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  }

  function next(): void {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < maxWorkers ? spawn() : undefined);
      if (!slot) return;
      slot.job = queue.shift()!;
      slot.worker.postMessage(slot.job.task);
    }
  }

  return {
    render(task) {
      if (closed) return Promise.reject(new Error('report renderer is closed'));
      // The queue only holds jobs while every worker is busy (next() drains it otherwise).
      const idle = slots.some((s) => !s.job) || slots.length < maxWorkers;
      if (!idle && queue.length >= maxQueued) return Promise.reject(reportsBusy());
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        next();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('report renderer closed'));
      const all = slots.splice(0);
      for (const s of all) s.job?.reject(new Error('report renderer closed'));
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
