/**
 * Worker thread of the report pool (see render-report.ts): says `ready` once
 * its modules are loaded, then renders one PDF per message and hands the
 * bytes back by transfer, so the server's event loop never runs pdfkit.
 */
import { parentPort } from 'node:worker_threads';
import type { ModelRecord } from '@threatloom/core';
import { cutReportText, renderReportPdf, type ReportOptions } from '@threatloom/report';

export interface RenderTask {
  records: ModelRecord[];
  options: ReportOptions;
}
/** What the pool posts to a worker: the task and how long a field may print. */
export interface WorkerTask extends RenderTask {
  maxFieldChars: number;
}
export type RenderResult =
  { ready: true } | { ok: true; pdf: Uint8Array } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('render-report.worker.ts runs only as a worker thread');

port.on('message', (task: WorkerTask) => {
  renderReportPdf(cutReportText(task.records, task.maxFieldChars), task.options).then(
    (pdf) => {
      // Transfer rather than copy; a view over part of a larger buffer is copied first.
      const own =
        pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : pdf.slice();
      port.postMessage({ ok: true, pdf: own } satisfies RenderResult, [own.buffer as ArrayBuffer]);
    },
    (err: unknown) =>
      port.postMessage({
        ok: false,
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies RenderResult),
  );
});
port.postMessage({ ready: true } satisfies RenderResult);
