/**
 * Worker thread of read-model-file.ts: parses an uploaded file's bytes and
 * runs core's import (format detection, mapping, validation, the model
 * limits) and the put order, then hands the records back as JSON text in
 * slices, so the server's event loop never runs the import's seconds of work.
 */
import { parentPort } from 'node:worker_threads';
import { importModel, LimitError, ValidationError, type Issue } from '@threatloom/core';
import { sortRecords } from './sort-records';

export type ReadFileResult =
  | { ok: true; format: string; warnings: Issue[]; slices: string[] }
  | {
      ok: false;
      kind: 'limit' | 'validation' | 'json' | 'other';
      code?: string;
      issues?: Issue[];
      message: string;
    };

/** Records per JSON slice handed back: each is parsed in one go on the server's thread. */
export const SLICE_RECORDS = 1_000;

const port = parentPort;
if (!port) throw new Error('read-model-file.worker.ts runs only as a worker thread');

port.on('message', (bytes: Uint8Array) => {
  port.postMessage(read(bytes));
});
port.postMessage({ ready: true });

function read(bytes: Uint8Array): ReadFileResult {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, kind: 'json', message: 'request body is not valid JSON' };
  }
  try {
    const { format, records, warnings } = importModel(json);
    const sorted = sortRecords(records);
    const slices: string[] = [];
    for (let i = 0; i < sorted.length; i += SLICE_RECORDS)
      slices.push(JSON.stringify(sorted.slice(i, i + SLICE_RECORDS)));
    return { ok: true, format, warnings, slices };
  } catch (err) {
    if (err instanceof LimitError)
      return { ok: false, kind: 'limit', code: err.code, issues: err.issues, message: err.message };
    if (err instanceof ValidationError)
      return { ok: false, kind: 'validation', issues: err.issues, message: err.message };
    return { ok: false, kind: 'other', message: err instanceof Error ? err.message : String(err) };
  }
}
