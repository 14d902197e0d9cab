/** Web Crypto as both the browser and Node 20+ expose it (typed here because core has no DOM or Node types). */
const webCrypto = (
  globalThis as unknown as { crypto: { getRandomValues(bytes: Uint8Array): Uint8Array } }
).crypto;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A new random record id (21 characters, ~125 bits). Uses Web Crypto, which the
 * browser and Node 20+ both provide as `globalThis.crypto`, so core stays free of Node APIs.
 */
export function newId(): string {
  const bytes = new Uint8Array(21);
  webCrypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 62];
  return id;
}

/** Ids are client-generated; this is the shape every id must have. */
export const ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;
