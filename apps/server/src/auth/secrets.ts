import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and tokens (256 bits, URL-safe). */
export const randomSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Session and API-token secrets are stored only as SHA-256: they are 256-bit
 * random values, so a fast hash is enough, and a stolen table grants nothing.
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
