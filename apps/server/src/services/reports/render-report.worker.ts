/**
 * Worker thread of the report pool (see render-report.ts): renders one PDF per
 * message and hands the bytes back by transfer, so the server's event loop
 * never runs pdfkit.
 */
import { parentPort } from 'node:worker_threads';
import type { ModelRecord } from '@threatloom/core';
import { renderReportPdf, type ReportOptions } from '@threatloom/report';

export interface RenderTask {
  records: ModelRecord[];
  options: ReportOptions;
}
export type RenderResult = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('render-report.worker.ts runs only as a worker thread');

port.on('message', (task: RenderTask) => {
  renderReportPdf(task.records, task.options).then(
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
