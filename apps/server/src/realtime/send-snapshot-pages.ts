import { SYNC_EVENTS, type ModelRecord, type SnapshotPage } from '@threatloom/core';

/** Records per `snapshotPage` message: about 300 KB of JSON for typical elements. */
export const SNAPSHOT_PAGE_RECORDS = 1000;

/**
 * Sends a large snapshot ahead of its join's ack as `snapshotPage` messages, with a turn of the
 * event loop between pages: socket.io serialises each message as it is emitted, and one 100,000-
 * record ack took the process away from every other request for over a second. Returns the last
 * page, which travels in the ack, and how many pages went before it.
 */
export async function sendSnapshotPages(
  socket: { emit(event: string, page: SnapshotPage): unknown },
  modelId: string,
  records: ModelRecord[],
  pageSize = SNAPSHOT_PAGE_RECORDS,
): Promise<{ pages: number; rest: ModelRecord[] }> {
  let pages = 0;
  let start = 0;
  while (records.length - start > pageSize) {
    socket.emit(SYNC_EVENTS.snapshotPage, {
      modelId,
      records: records.slice(start, start + pageSize),
    });
    pages += 1;
    start += pageSize;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { pages, rest: start === 0 ? records : records.slice(start) };
}
