import { createRequire } from 'node:module';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  importModel,
  LimitError,
  ValidationError,
  type Issue,
  type LimitCode,
  type ModelRecord,
} from '@threatloom/core';
import { AppError } from '../app-error';
import type { ReadFileResult } from './read-model-file.worker';
import { sortRecords } from './sort-records';

/** Files up to this size are read on the calling thread (a few milliseconds); larger ones in a worker thread. */
export const INLINE_FILE_BYTES = 256 * 1024;
/** Large files read at once; more wait their turn, so imports cannot take every core. */
const MAX_READERS = 2;

export interface ReadModel {
  format: string;
  warnings: Issue[];
  /** In put order (parents first). */
  records: ModelRecord[];
}

// Same loading as the report workers (render-report.ts): tsx's CommonJS hook, registered in the thread.
const BOOT_SCRIPT = (() => {
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const worker = fileURLToPath(new URL('./read-model-file.worker.ts', import.meta.url));
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(worker)});`;
})();

let reading = 0;
const waiting: (() => void)[] = [];

/**
 * An uploaded model file as records in put order, through core's
 * `importModel`. A large file (`bytes` over INLINE_FILE_BYTES) is parsed and
 * imported in a worker thread of its own, at most two at once, and its
 * records come back as JSON slices parsed here one per turn of the event
 * loop: a 100,000-element Threat Dragon file took seconds of CPU that held
 * every other request. Throws what core throws (`ValidationError`,
 * `LimitError`) either way.
 */
export async function readModelFile(options: {
  json: unknown;
  bytes?: Uint8Array;
}): Promise<ReadModel> {
  const { json, bytes } = options;
  if (!bytes || bytes.byteLength <= INLINE_FILE_BYTES) {
    const { format, records, warnings } = importModel(json);
    return { format, warnings, records: sortRecords(records) };
  }
  if (reading >= MAX_READERS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading += 1;
  let result: ReadFileResult;
  try {
    result = await inWorker(bytes);
  } finally {
    reading -= 1;
    waiting.shift()?.();
  }
  if (!result.ok) {
    if (result.kind === 'limit')
      throw new LimitError(result.code as LimitCode, result.issues ?? [], result.message);
    if (result.kind === 'validation')
      throw new ValidationError(result.issues ?? [], result.message);
    if (result.kind === 'json') throw new AppError('invalid_json', result.message);
    throw new Error(`model file reader failed: ${result.message}`);
  }
  const records: ModelRecord[] = [];
  for (const slice of result.slices) {
    for (const r of JSON.parse(slice) as ModelRecord[]) records.push(r);
    await yieldToLoop();
  }
  return { format: result.format, warnings: result.warnings, records };
}

function inWorker(bytes: Uint8Array): Promise<ReadFileResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT_SCRIPT, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: ReadFileResult | { ready: true }) => {
      if ('ready' in m) {
        // A copy, so the request's buffer stays usable here.
        const copy = bytes.slice();
        worker.postMessage(copy, [copy.buffer as ArrayBuffer]);
      } else finish(() => resolve(m));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`model file reader exited with code ${code}`))),
    );
  });
}
