import { createHash } from 'node:crypto';

/**
 * Record ids derived from a seed (the input file's bytes) instead of randomness: the same
 * input gives byte-identical output, so models kept in git diff cleanly when `convert` or
 * `generate` is re-run. 21 base64url characters (126 bits) fit core's ID_PATTERN.
 */
export function seededIds(seed: string): () => string {
  const base = createHash('sha256').update(seed).digest('hex');
  let n = 0;
  return () => createHash('sha256').update(`${base}:${n++}`).digest('base64url').slice(0, 21);
}
