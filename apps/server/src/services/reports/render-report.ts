import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error';
import {
  DEFAULT_REPORT_TEXT_BUDGET,
  reportTextSize,
  type ReportTextBudget,
} from '@threatloom/report';
import type { RenderResult, RenderTask, WorkerTask } from './render-report.worker';

export interface ReportRendererOptions {
  /** Worker threads at most (default 2, the machine's usual core budget for reports). */
  workers?: number;
  /** Reports waiting for a free worker at most; beyond that `render` answers 503 busy (default 8). */
  maxQueued?: number;
  /** A render still running after this long is ended with its worker: 503 `report_timeout` (default 60 s). */
  timeoutMs?: number;
  /** V8 old-generation heap of each worker (`resourceLimits.maxOldGenerationSizeMb`, default 512): past it, 422 `report_too_large`. */
  maxMemoryMb?: number;
  /** Reports one user may have queued or rendering at once; more answer 429 `rate_limited` (default 2). */
  perUser?: number;
  /** Text a report may print (default `DEFAULT_REPORT_TEXT_BUDGET`: 10,000 characters a field, 2,000,000 a report). */
  text?: Partial<ReportTextBudget>;
}

export const DEFAULT_REPORT_LIMITS = {
  workers: 2,
  maxQueued: 8,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
  perUser: 2,
} as const;

export interface ReportRenderer {
  /**
   * Renders a report PDF in a worker thread for `userId`; `options` must
   * already be validated. Refuses a report over the text budget
   * (`report_too_large`), a user's report past their share (`rate_limited`)
   * and any past the queue (`busy`) at once, before any work.
   */
  render(task: RenderTask, by: { userId: string }): Promise<Uint8Array>;
  /** Workers alive, rendering, and reports waiting (for tests and monitoring). */
  status(): { workers: number; rendering: number; queued: number };
  /** Terminates every worker and fails whatever is still queued. */
  close(): Promise<void>;
}

interface Job {
  task: RenderTask;
  userId: string;
  resolve: (pdf: Uint8Array) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Modules loaded: the worker said so. Jobs go only to ready workers, so a deadline never counts a worker's start. */
  ready: boolean;
  job?: Job;
  deadline?: NodeJS.Timeout;
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
 * real-time op of the process. Each render is bounded: by text before it
 * starts, by a deadline that terminates its worker, by the worker's heap, and
 * by a per-user share of the pool, so one viewer cannot hold it.
 */
export function createReportRenderer(options: ReportRendererOptions = {}): ReportRenderer {
  const maxWorkers = Math.max(1, options.workers ?? DEFAULT_REPORT_LIMITS.workers);
  const maxQueued = Math.max(0, options.maxQueued ?? DEFAULT_REPORT_LIMITS.maxQueued);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REPORT_LIMITS.timeoutMs;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_REPORT_LIMITS.maxMemoryMb;
  const perUser = Math.max(1, options.perUser ?? DEFAULT_REPORT_LIMITS.perUser);
  const budget: ReportTextBudget = { ...DEFAULT_REPORT_TEXT_BUDGET, ...options.text };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  /** Reports queued or rendering, by user. */
  const inFlight = new Map<string, number>();
  let closed = false;

  const settle = (job: Job) => {
    const n = (inFlight.get(job.userId) ?? 1) - 1;
    if (n <= 0) inFlight.delete(job.userId);
    else inFlight.set(job.userId, n);
  };

  /** Takes the slot out of the pool, fails its job with `err` and ends its worker. */
  function retire(slot: Slot, err: Error): void {
    const i = slots.indexOf(slot);
    if (i === -1) return;
    slots.splice(i, 1);
    clearTimeout(slot.deadline);
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      settle(job);
      job.reject(err);
    }
    // A worker lost before it was ready fails the oldest waiting report, so a worker that cannot start never loops.
    if (!slot.ready && !job && queue.length > 0) {
      const waiting = queue.shift()!;
      settle(waiting);
      waiting.reject(err);
    }
    void slot.worker.terminate();
    next();
  }

  function spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(BOOT_SCRIPT, {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
      }),
      ready: false,
    };
    slot.worker.on('message', (result: RenderResult) => {
      if ('ready' in result) {
        slot.ready = true;
        return next();
      }
      clearTimeout(slot.deadline);
      const job = slot.job;
      slot.job = undefined;
      if (job) {
        settle(job);
        if (result.ok) job.resolve(result.pdf);
        else job.reject(new Error(`report worker failed: ${result.message}`));
      }
      next();
    });
    // A crashed worker (load failure, out of memory) fails its job and leaves the pool.
    slot.worker.on('error', (err: Error & { code?: string }) =>
      retire(
        slot,
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError(
              'report_too_large',
              `this report needs more than the ${maxMemoryMb} MB a render may use; narrow it with the severity or status filters`,
            )
          : err,
      ),
    );
    slot.worker.on('exit', (code) =>
      retire(slot, new Error(`report worker exited with code ${code}`)),
    );
    slots.push(slot);
    return slot;
  }

  /** Hands queued jobs to ready workers, and starts workers for what is left (up to `workers`). */
  function next(): void {
    if (closed) return;
    for (let slot = idleSlot(); slot && queue.length > 0; slot = idleSlot())
      dispatch(slot, queue.shift()!);
    const starting = slots.filter((s) => !s.ready).length;
    for (let n = queue.length - starting; n > 0 && slots.length < maxWorkers; n--) spawn();
  }
  const idleSlot = () => slots.find((s) => s.ready && !s.job);

  function dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.deadline = setTimeout(
      () =>
        retire(
          slot,
          new AppError(
            'report_timeout',
            `the report took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; narrow it with the severity or status filters`,
          ),
        ),
      timeoutMs,
    );
    slot.worker.postMessage({
      ...job.task,
      maxFieldChars: budget.maxFieldChars,
    } satisfies WorkerTask);
  }

  return {
    render(task, { userId }) {
      if (closed) return Promise.reject(new Error('report renderer is closed'));
      const chars = reportTextSize(task.records, task.options, budget);
      if (chars > budget.maxReportChars)
        return Promise.reject(
          new AppError(
            'report_too_large',
            `this report would print ${chars.toLocaleString('en-US')} characters of text, more than the ${budget.maxReportChars.toLocaleString('en-US')} a report may; narrow it with the severity or status filters`,
            { chars, maxChars: budget.maxReportChars },
          ),
        );
      if ((inFlight.get(userId) ?? 0) >= perUser)
        return Promise.reject(
          new AppError(
            'rate_limited',
            `you already have ${perUser} reports being rendered; wait for one to finish`,
          ),
        );
      // At most `workers` rendering and `maxQueued` waiting (for a worker to finish or to start).
      const rendering = slots.filter((s) => s.job).length;
      if (rendering + queue.length >= maxWorkers + maxQueued) return Promise.reject(reportsBusy());
      inFlight.set(userId, (inFlight.get(userId) ?? 0) + 1);
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ task, userId, resolve, reject });
        next();
      });
    },
    status() {
      return {
        workers: slots.length,
        rendering: slots.filter((s) => s.job).length,
        queued: queue.length,
      };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('report renderer closed'));
      const all = slots.splice(0);
      for (const s of all) {
        clearTimeout(s.deadline);
        s.job?.reject(new Error('report renderer closed'));
      }
      inFlight.clear();
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
