import type { PendingStore, SubmittedOp } from '@threatloom/core';

const DB_NAME = 'threatloom';
const STORE = 'pending-ops';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

/** Core's PendingStore in IndexedDB: one entry per model, so edits made offline survive a reload. */
export function indexedDbPendingStore(): PendingStore {
  let db: Promise<IDBDatabase> | null = null;
  const conn = () => (db ??= open());
  return {
    async load(modelId) {
      const d = await conn();
      return new Promise<SubmittedOp[]>((resolve, reject) => {
        const req = d.transaction(STORE).objectStore(STORE).get(modelId);
        req.onsuccess = () => resolve((req.result as SubmittedOp[] | undefined) ?? []);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
      });
    },
    async save(modelId, ops) {
      const d = await conn();
      return new Promise<void>((resolve, reject) => {
        const tx = d.transaction(STORE, 'readwrite');
        if (ops.length === 0) tx.objectStore(STORE).delete(modelId);
        else tx.objectStore(STORE).put([...ops], modelId);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      });
    },
  };
}
